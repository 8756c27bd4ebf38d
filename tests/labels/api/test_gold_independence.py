"""Two Gold assessors judge independently: until both have recommended, neither sees the other's
level or summary in the API detail (the review pages: tests/labels/views/test_review_recommend.py)."""

import pytest

from labels import transitions

from .conftest import api_url, yesterday


@pytest.fixture
def first_recommended(verified, assessor):
    transitions.interview_record(assessment=verified, on=yesterday(), by=assessor)
    transitions.assessment_recommend(assessment=verified, level="gold", summary="My secret reasoning.", by=assessor)
    return verified


def _assignment_of(client, assessment, person) -> dict:
    assignments = client.get(api_url(assessment)).json()["assignments"]
    return next(a for a in assignments if a["assessor"]["email"] == person.email)


def test_the_second_assessor_sees_neither_level_nor_summary_of_the_first(
    api_as, first_recommended, assessor, assessor2
):
    seen = _assignment_of(api_as(assessor2), first_recommended, assessor)

    assert (seen["recommended_level"], seen["summary"], seen["recommended_at"]) == (None, None, None)


def test_the_first_assessor_sees_their_own_recommendation(api_as, first_recommended, assessor):
    mine = _assignment_of(api_as(assessor), first_recommended, assessor)

    assert (mine["recommended_level"], mine["summary"]) == ("gold", "My secret reasoning.")


def test_it_stays_hidden_during_a_clarification_round(api_as, first_recommended, assessor, assessor2):
    indicator = first_recommended.framework.indicators.get(code="S1")
    transitions.clarification_request(assessment=first_recommended, indicators=[indicator], message="?", by=assessor2)

    assert _assignment_of(api_as(assessor2), first_recommended, assessor)["summary"] is None


def test_once_both_have_recommended_each_sees_the_other(api_as, first_recommended, assessor, assessor2):
    transitions.assessment_recommend(assessment=first_recommended, level="gold", summary="Mine too.", by=assessor2)

    seen = _assignment_of(api_as(assessor2), first_recommended, assessor)

    assert (seen["recommended_level"], seen["summary"]) == ("gold", "My secret reasoning.")


def test_staff_see_a_recommendation_as_soon_as_it_is_given(api_as, first_recommended, assessor, staff_user):
    assert _assignment_of(api_as(staff_user), first_recommended, assessor)["recommended_level"] == "gold"


def test_the_schema_says_why_the_field_may_be_hidden(api_client, db):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    field = schema["components"]["schemas"]["Assignment"]["properties"]["recommended_level"]

    assert "until both have recommended" in str(field)
