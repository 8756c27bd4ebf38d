"""POST /api/assessments/{id}/assign/: the secretariat assigns assessors, never one in conflict."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import Membership
from labels.models import Assessment

from .conftest import api_url


def _assign(client, assessment, *emails):
    return client.post(api_url(assessment, "assign/"), {"assessors": list(emails)}, format="json")


def _status(assessment):
    return Assessment.objects.get(pk=assessment.pk).status


def test_staff_assign_two_assessors_to_a_gold_application(api_as, submitted, staff_user, assessor, assessor2):
    response = _assign(api_as(staff_user), submitted, assessor.email, assessor2.email.upper())

    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["status"] == "in_review"
    assert {a["assessor"]["email"] for a in data["assignments"]} == {assessor.email, assessor2.email}
    assert data["history"][-1]["actor"] == staff_user.email


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "board_member"])
def test_it_refuses_anyone_but_staff(request, api_as, submitted, assessor, assessor2, persona):
    response = _assign(api_as(request.getfixturevalue(persona)), submitted, assessor.email, assessor2.email)

    assert response.status_code == 403
    assert response.json()["detail"] == "Only the secretariat assigns assessors."
    assert _status(submitted) == "submitted"


def test_an_unassigned_assessor_does_not_even_see_it(api_as, submitted, assessor, assessor2):
    assert _assign(api_as(assessor), submitted, assessor.email, assessor2.email).status_code == 404


def test_it_refuses_an_unknown_e_mail_address(api_as, submitted, staff_user, assessor):
    response = _assign(api_as(staff_user), submitted, assessor.email, "nobody@example.test")

    assert response.status_code == 400
    assert response.json() == {"assessors": ["No user has the e-mail address nobody@example.test."]}


@pytest.mark.parametrize("body", [{}, {"assessors": []}, {"assessors": "assessor@example.test"}, {"assessors": ["x"]}])
def test_it_refuses_a_malformed_list(api_as, submitted, staff_user, assessor, body):
    response = api_as(staff_user).post(api_url(submitted, "assign/"), body, format="json")

    assert response.status_code == 400
    assert "assessors" in response.json()


def test_it_refuses_the_wrong_number_of_assessors(api_as, submitted, staff_user, assessor):
    response = _assign(api_as(staff_user), submitted, assessor.email)

    assert response.status_code == 400
    assert response.json() == {"assessors": ["A Gold assessment needs exactly 2 assessor(s)."]}
    assert _status(submitted) == "submitted"


def test_it_refuses_someone_who_is_no_assessor(api_as, submitted, staff_user, assessor, outsider):
    response = _assign(api_as(staff_user), submitted, assessor.email, outsider.email)

    assert response.status_code == 400
    assert response.json()["assessors"] == [f"{outsider} is not a certified assessor."]


def test_it_refuses_a_member_of_the_organisation(api_as, submitted, staff_user, org_a, assessor, assessor2):
    Membership.objects.create(user=assessor, organisation=org_a, role=MembershipRole.VIEWER)

    response = _assign(api_as(staff_user), submitted, assessor.email, assessor2.email)

    assert response.status_code == 400
    assert response.json() == {
        "assessors": [f"{assessor} is or was a member of Alpha Cluster within the last 3 years."]
    }
    assert _status(submitted) == "submitted"


def test_it_refuses_someone_who_left_the_organisation_less_than_3_years_ago(
    api_as, submitted, staff_user, org_a, assessor, assessor2
):
    left = timezone.now() - timedelta(days=365 * 2)
    Membership.objects.create(user=assessor2, organisation=org_a, role=MembershipRole.EDITOR, left_at=left)

    response = _assign(api_as(staff_user), submitted, assessor.email, assessor2.email)

    assert response.status_code == 400
    assert response.json() == {
        "assessors": [f"{assessor2} is or was a member of Alpha Cluster within the last 3 years."]
    }


def test_someone_who_left_more_than_3_years_ago_may_assess(api_as, submitted, staff_user, org_a, assessor, assessor2):
    left = timezone.now() - timedelta(days=365 * 3 + 5)
    Membership.objects.create(user=assessor2, organisation=org_a, role=MembershipRole.EDITOR, left_at=left)

    assert _assign(api_as(staff_user), submitted, assessor.email, assessor2.email).status_code == 200


def test_it_refuses_a_declared_conflict(api_as, submitted, staff_user, org_a, assessor, assessor2):
    assessor.declared_conflicts.add(org_a)

    response = _assign(api_as(staff_user), submitted, assessor.email, assessor2.email)

    assert response.status_code == 400
    assert response.json() == {"assessors": [f"{assessor} has declared a conflict of interest with Alpha Cluster."]}


def test_it_gives_every_conflict_at_once(api_as, submitted, staff_user, org_a, assessor, assessor2):
    assessor.declared_conflicts.add(org_a)
    Membership.objects.create(user=assessor2, organisation=org_a, role=MembershipRole.VIEWER)

    response = _assign(api_as(staff_user), submitted, assessor.email, assessor2.email)

    assert response.status_code == 400
    assert len(response.json()["assessors"]) == 2


def test_it_refuses_a_draft_with_409(api_as, draft, staff_user, assessor, assessor2):
    assert _assign(api_as(staff_user), draft, assessor.email, assessor2.email).status_code == 409


def test_assigning_twice_gets_409(api_as, in_review, staff_user, assessor, assessor2):
    assert _assign(api_as(staff_user), in_review, assessor.email, assessor2.email).status_code == 409
