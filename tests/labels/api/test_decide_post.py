"""POST /api/assessments/{id}/decide/: the label board approves or rejects."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Membership
from labels import transitions
from labels.models import Assessment

from ..conftest import verify_all
from .conftest import api_url, yesterday


def _decide(client, assessment, **body):
    return client.post(api_url(assessment, "decide/"), {"approve": True, "reason": "Met.", **body}, format="json")


def test_the_board_approves_the_recommended_level(api_as, recommended, board_member):
    response = _decide(api_as(board_member), recommended)

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "approved"
    assert response.json()["decision"]["awarded_level"] == "gold"
    assessment = Assessment.objects.get(pk=recommended.pk)
    assert (assessment.awarded_level, assessment.decided_by) == ("gold", board_member)


def test_the_board_rejects_with_a_reason(api_as, recommended, board_member):
    response = _decide(api_as(board_member), recommended, approve=False, reason="The visit was too short.")

    assert response.json()["decision"] == {
        "approved": False,
        "awarded_level": None,
        "reason": "The visit was too short.",
        "decided_at": response.json()["decision"]["decided_at"],
    }


@pytest.mark.parametrize(("body", "field"), [({"reason": ""}, "reason"), ({"approve": "perhaps"}, "approve")])
def test_it_refuses_a_malformed_decision(api_as, recommended, board_member, body, field):
    response = _decide(api_as(board_member), recommended, **body)

    assert response.status_code == 400
    assert field in response.json()


@pytest.fixture
def disagreed(verified, assessor, assessor2):
    transitions.interview_record(assessment=verified, on=yesterday(), by=assessor)
    transitions.assessment_recommend(assessment=verified, level="gold", summary="Gold.", by=assessor)
    transitions.assessment_recommend(assessment=verified, level="bronze", summary="Bronze.", by=assessor2)
    return verified


def test_when_the_assessors_disagree_the_board_names_the_level(api_as, disagreed, board_member):
    client = api_as(board_member)
    refused = _decide(client, disagreed)
    assert refused.status_code == 400
    assert refused.json() == {"detail": ["The assessors did not agree on a level: name the level to award."]}

    response = _decide(client, disagreed, level="bronze")

    assert response.status_code == 200, response.json()
    assert response.json()["decision"]["awarded_level"] == "bronze"


@pytest.fixture
def assessed_by_board_member(submitted, staff_user, board_assessor, assessor):
    transitions.assessment_assign(assessment=submitted, assessors=[board_assessor, assessor], by=staff_user)
    transitions.interview_record(assessment=submitted, on=yesterday(), by=assessor)
    verify_all(submitted, assessor)
    for person in (board_assessor, assessor):
        transitions.assessment_recommend(assessment=submitted, level="gold", summary="Gold.", by=person)
    return submitted


def test_a_board_member_never_decides_on_what_they_assessed(api_as, assessed_by_board_member, board_assessor):
    response = _decide(api_as(board_assessor), assessed_by_board_member)

    assert response.status_code == 403
    assert response.json()["detail"] == "You assessed this application, so you do not decide on it."
    assert Assessment.objects.get(pk=assessed_by_board_member.pk).status == "recommended"


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "staff_user"])
def test_it_refuses_anyone_but_the_board(request, api_as, recommended, persona):
    assert _decide(api_as(request.getfixturevalue(persona)), recommended).status_code == 403


def test_it_refuses_to_decide_twice(api_as, recommended, board_member):
    client = api_as(board_member)
    _decide(client, recommended)

    assert _decide(client, recommended, approve=False).status_code == 409


def test_it_refuses_before_the_recommendation(api_as, in_review, board_member):
    response = _decide(api_as(board_member), in_review)

    assert response.status_code == 409
    assert response.json()["detail"] == "This is not possible while the assessment is in review."


# The board member who decides has no conflict of interest with the organisation


def _member_of(organisation, person, *, left_years_ago=None):
    left_at = None if left_years_ago is None else timezone.now() - timedelta(days=round(365.25 * left_years_ago))
    Membership.objects.create(user=person, organisation=organisation, role="viewer", left_at=left_at)


@pytest.mark.parametrize("left_years_ago", [None, 2])
def test_a_member_or_recent_former_member_of_the_organisation_cannot_decide(
    api_as, recommended, board_member, org_a, left_years_ago
):
    _member_of(org_a, board_member, left_years_ago=left_years_ago)

    response = _decide(api_as(board_member), recommended)

    assert response.status_code == 403
    assert response.json()["detail"] == (
        f"You have a conflict of interest: {board_member} is or was a member of Alpha Cluster within the last 3 years."
    )
    assert Assessment.objects.get(pk=recommended.pk).status == "recommended"


def test_a_member_who_left_four_years_ago_decides(api_as, recommended, board_member, org_a):
    _member_of(org_a, board_member, left_years_ago=4)

    assert _decide(api_as(board_member), recommended).status_code == 200


def test_a_board_member_with_a_declared_conflict_cannot_decide(api_as, recommended, board_member, org_a):
    board_member.declared_conflicts.add(org_a)

    response = _decide(api_as(board_member), recommended)

    assert response.status_code == 403
    assert "has declared a conflict of interest with Alpha Cluster" in response.json()["detail"]


def test_the_detail_tells_a_conflicted_board_member_they_may_not_decide(api_as, recommended, board_member, org_a):
    board_member.declared_conflicts.add(org_a)

    assert api_as(board_member).get(api_url(recommended)).json()["can"]["decide"] is False
