"""The three improvement areas of a Silver application."""

import pytest
from django.urls import reverse

from labels import transitions
from labels.models import ImprovementArea

from ..conftest import fill_answers
from .self_assessment_helpers import silver_draft


@pytest.fixture
def silver(framework, org_a, owner_a):
    return silver_draft(framework, org_a, owner_a)


def url(assessment):
    return reverse("labels:improvement_areas", args=[assessment.public_id])


THREE = {
    "indicator_1": "G2",
    "description_1": "A written strategy with yearly review.",
    "indicator_2": "F1",
    "description_2": "More private income.",
    "indicator_3": "C6",
    "description_3": "A members' newsletter.",
}


def test_it_requires_sign_in(client, silver):
    response = client.get(url(silver))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, silver, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(silver)).status_code == 404


def test_only_silver_applications_have_improvement_areas(client_as, owner_a, draft):
    assert client_as(owner_a).get(url(draft)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_get_three_rows(request, client_as, persona, silver):
    content = client_as(request.getfixturevalue(persona)).get(url(silver)).content.decode()
    for number in (1, 2, 3):
        assert f'name="indicator_{number}"' in content
        assert f'name="description_{number}"' in content
    assert 'name="indicator_4"' not in content
    assert "G2 · " in content  # the indicators are offered by code and title


def test_they_are_saved_and_shown_again(client_as, owner_a, silver):
    client = client_as(owner_a)
    response = client.post(url(silver), THREE)
    assert response.status_code == 302
    stored = list(silver.improvement_areas.values_list("indicator__code", "description"))
    assert stored == [("G2", THREE["description_1"]), ("F1", THREE["description_2"]), ("C6", THREE["description_3"])]
    content = client.get(url(silver)).content.decode()
    assert 'value="G2" selected' in content
    assert "More private income.</textarea>" in content


def test_a_row_needs_both_indicator_and_description(client_as, owner_a, silver):
    response = client_as(owner_a).post(url(silver), {"indicator_1": "G2", "description_2": "Orphan text"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Describe the improvement." in content
    assert "Choose the indicator this improvement is about." in content
    assert "Orphan text</textarea>" in content
    assert not ImprovementArea.objects.exists()


def test_the_same_indicator_twice_is_refused(client_as, owner_a, silver):
    data = THREE | {"indicator_2": "G2"}
    response = client_as(owner_a).post(url(silver), data)
    assert response.status_code == 200
    assert "Choose a different indicator for each improvement area." in response.content.decode()


def test_an_unknown_indicator_is_a_field_error(client_as, owner_a, silver):
    response = client_as(owner_a).post(url(silver), THREE | {"indicator_1": "ZZ9"})
    assert response.status_code == 200
    assert "Choose an indicator from the list." in response.content.decode()


def test_viewers_read_but_may_not_change(client_as, viewer_a, owner_a, silver):
    client_as(owner_a).post(url(silver), THREE)
    client = client_as(viewer_a)
    content = client.get(url(silver)).content.decode()
    assert 'name="indicator_1"' not in content
    assert "A members&#x27; newsletter." in content
    assert client.post(url(silver), THREE | {"description_1": "Changed"}).status_code == 403
    assert silver.improvement_areas.first().description == THREE["description_1"]


def test_after_submission_they_are_frozen_and_show_the_assessors_validation(client_as, owner_a, silver):
    client = client_as(owner_a)
    client.post(url(silver), THREE)
    fill_answers(silver, owner_a)
    transitions.assessment_submit(assessment=silver, by=owner_a)
    first, second, _third = silver.improvement_areas.all()
    ImprovementArea.objects.filter(pk=first.pk).update(validated=True, assessor_comment="Convincing plan.")
    ImprovementArea.objects.filter(pk=second.pk).update(validated=False)
    content = client.get(url(silver)).content.decode()
    assert 'name="indicator_1"' not in content
    assert "Validated" in content and "Convincing plan." in content
    assert "Not validated" in content
    assert "Not reviewed yet" in content
    response = client.post(url(silver), THREE | {"description_1": "Changed"}, follow=True)
    assert "frozen once the application is submitted" in response.content.decode()
    assert silver.improvement_areas.first().description == THREE["description_1"]
