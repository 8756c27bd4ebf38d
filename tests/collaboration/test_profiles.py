"""The public profile: defaults, the owners' choices, and who may make them."""

import pytest
from django.core.exceptions import PermissionDenied

from collaboration.models import ProfileVisibility
from collaboration.profiles import public_profile, visibility_of, visibility_update
from labels.selectors import LabelInfo


def test_without_choices_contact_and_staff_are_hidden_and_the_rest_is_public(org_a):
    org_a.contact_name, org_a.description = "Eva Example", "We connect mobility companies."

    profile = public_profile(org_a)

    assert profile.contact_name is None
    assert profile.staff_fte is None
    assert profile.description == "We connect mobility companies."
    assert profile.participants_total == 50
    assert profile.region == "Bavaria"


def test_an_owner_hides_a_part_and_shows_another(org_a, owner_a):
    visibility_update(organisation=org_a, public={"region": False, "contact": True}, by=owner_a)
    org_a.refresh_from_db()

    profile = public_profile(org_a)

    assert profile.region is None
    assert profile.contact_email == org_a.contact_email
    assert visibility_of(org_a).updated_by == owner_a


def test_an_editor_may_choose(org_a, editor_a):
    visibility_update(organisation=org_a, public={"website": False}, by=editor_a)
    assert ProfileVisibility.objects.get(organisation=org_a).website_public is False


@pytest.mark.parametrize("persona", ["viewer_a", "owner_b", "outsider"])
def test_others_may_not_choose(request, org_a, persona):
    with pytest.raises(PermissionDenied):
        visibility_update(organisation=org_a, public={"region": False}, by=request.getfixturevalue(persona))
    assert not ProfileVisibility.objects.exists()


def test_unknown_parts_are_ignored(org_a, owner_a):
    visibility = visibility_update(organisation=org_a, public={"name": False, "scores": True}, by=owner_a)
    assert visibility.region_public is True


def test_the_label_and_its_verification_link_come_from_labels(org_a):
    from datetime import date

    label = LabelInfo(org_a.pk, "gold", date(2026, 1, 1), date(2028, 1, 1))

    data = public_profile(org_a, label=label).as_dict()

    assert data["label"]["level"] == "gold"
    assert data["label"]["verify_url"] is None  # no verification page exists yet: no link
