"""POST /api/assessments/{id}/recommend/: each assessor recommends; the last one sends it to the board."""

import pytest

from labels import transitions
from labels.models import Assessment

from .conftest import api_url, yesterday


def _recommend(client, assessment, level="gold", summary="Convincing."):
    return client.post(api_url(assessment, "recommend/"), {"level": level, "summary": summary}, format="json")


@pytest.fixture
def interviewed(verified, assessor):
    transitions.interview_record(assessment=verified, on=yesterday(), by=assessor)
    return verified


def test_the_first_recommendation_waits_for_the_second(api_as, interviewed, assessor):
    response = _recommend(api_as(assessor), interviewed)

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "in_review"
    mine = next(a for a in response.json()["assignments"] if a["assessor"]["email"] == assessor.email)
    assert (mine["recommended_level"], mine["summary"]) == ("gold", "Convincing.")


def test_a_disagreement_goes_to_the_board_flagged(api_as, interviewed, assessor, assessor2):
    _recommend(api_as(assessor), interviewed, "gold")

    response = _recommend(api_as(assessor2), interviewed, "bronze", "Not yet Gold.")

    assert response.json()["status"] == "recommended"
    assert response.json()["recommendations_disagree"] is True


def test_no_label_may_be_recommended_before_the_interview(api_as, verified, assessor):
    assert _recommend(api_as(assessor), verified, "none", "Eligibility not shown.").status_code == 200


def test_a_label_needs_the_interview_first(api_as, verified, assessor):
    response = _recommend(api_as(assessor), verified)

    assert response.status_code == 400
    assert response.json() == {"detail": ["Record the interview or visit date before recommending a label."]}


@pytest.mark.parametrize(
    ("body", "field"), [({"level": "platinum", "summary": "x"}, "level"), ({"level": "gold"}, "summary")]
)
def test_it_refuses_a_malformed_recommendation(api_as, interviewed, assessor, body, field):
    response = api_as(assessor).post(api_url(interviewed, "recommend/"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_anyone_but_the_assigned_assessors(request, api_as, interviewed, persona):
    assert _recommend(api_as(request.getfixturevalue(persona)), interviewed).status_code == 403


def test_an_unassigned_assessor_does_not_see_it(api_as, interviewed, assessor3):
    assert _recommend(api_as(assessor3), interviewed).status_code == 404


def test_once_with_the_board_it_gets_409(api_as, recommended, assessor):
    assert _recommend(api_as(assessor), recommended).status_code == 409
    assert Assessment.objects.get(pk=recommended.pk).status == "recommended"
