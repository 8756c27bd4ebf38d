"""GET /api/assessments/{id}/: who sees what, and at what cost in queries."""

import pytest

from labels import answers, reviews, transitions
from labels.models import Evidence, Recommendation

from .conftest import api_url, pdf_upload


def _get(client, assessment):
    response = client.get(api_url(assessment))
    assert response.status_code == 200, response.json()
    return response.json()


def _rating(data, code):
    return next(r for r in data["ratings"] if r["indicator"] == code)


def test_a_fresh_draft_shows_every_indicator_unanswered(api_as, draft, owner_a):
    data = _get(api_as(owner_a), draft)

    assert data["id"] == str(draft.public_id)
    assert (data["status"], data["level"], data["renewal"]) == ("draft", "gold", False)
    assert data["progress"]["answered"] == 0
    assert [(a["code"], a["status"]) for a in data["progress"]["areas"]] == [
        (code, "not_started") for code in ["S", "G", "F", "T", "C", "A"]
    ]
    assert len(data["answers"]) == 36
    assert data["answers"][0] == {
        "indicator": "S1",
        "value": None,
        "display": "—",
        "comment": "",
        "provisional_rating": "red",
        "evidence": [],
    }
    assert _rating(data, "S1")["provisional"]["explanation"] == "Not answered, so rated red."
    assert _rating(data, "S1")["verified"] is None
    assert data["eligibility"] == {"met": False, "failing": ["S1", "S3", "G1", "C2"], "basis": "provisional"}
    assert data["score"]["provisional"] == 0.0
    assert data["score"]["verified"] is None
    assert data["editable_indicators"] is None
    assert data["can"] == {
        "edit_answers": True,
        "submit": True,
        "withdraw": True,
        "assign": False,
        "review": False,
        "decide": False,
    }
    assert [(e["actor"], e["from"], e["to"]) for e in data["history"]] == [(owner_a.email, None, "draft")]
    assert data["assignments"] == []
    assert data["clarification"] is None
    assert data["decision"] is None


def test_progress_and_eligibility_follow_the_answers(api_as, draft, owner_a, framework):
    for code, value in [("S1", 20), ("S3", 1), ("G1", "0.5"), ("C2", True)]:
        indicator = framework.indicators.get(code=code)
        answers.answer_save(assessment=draft, indicator=indicator, value=value, by=owner_a)

    data = _get(api_as(owner_a), draft)

    assert data["progress"]["answered"] == 4
    assert data["progress"]["areas"][0] == {
        "code": "S",
        "title": "Structure of the cluster",
        "answered": 2,
        "total": 6,
        "status": "in_progress",
    }
    assert data["eligibility"] == {"met": False, "failing": ["S3"], "basis": "provisional"}
    s1 = _rating(data, "S1")["provisional"]
    assert (s1["value"], s1["display"], s1["rating"]) == (20, "20", "yellow")
    assert s1["explanation"] == "20 reaches the yellow threshold 15; 60 for green."
    assert next(a for a in data["answers"] if a["indicator"] == "C2")["display"] == "Yes"


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "assessor", "board_member", "staff_user"])
def test_everyone_concerned_sees_an_assessment_in_review(request, api_as, in_review, persona):
    assert _get(api_as(request.getfixturevalue(persona)), in_review)["status"] == "in_review"


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "club_member", "assessor3"])
def test_it_is_not_found_for_anyone_else(request, api_as, in_review, persona):
    assert api_as(request.getfixturevalue(persona)).get(api_url(in_review)).status_code == 404


@pytest.mark.parametrize("persona", ["board_member", "assessor"])
def test_drafts_are_not_found_for_the_board_and_assessors(request, api_as, draft, persona):
    assert api_as(request.getfixturevalue(persona)).get(api_url(draft)).status_code == 404


def test_it_refuses_anonymous_callers(api_as, draft):
    assert api_as(None).get(api_url(draft)).status_code in (401, 403)


def test_the_organisation_does_not_see_the_assessors_work_before_the_decision(
    api_as, recommended, owner_a, framework, assessor
):
    data = _get(api_as(owner_a), recommended)

    assert all(r["verified"] is None for r in data["ratings"])
    assert data["score"]["verified"] is None
    assert [a["recommended_level"] for a in data["assignments"]] == [None, None]
    assert [a["assessor"]["email"] for a in data["assignments"]] == ["assessor@example.test", "assessor2@example.test"]
    assert data["recommendations_disagree"] is None
    assert data["history"][-1]["to"] == "recommended"
    assert data["history"][-1]["note"] == ""


def test_assessors_and_the_board_see_verified_values_and_recommendations(api_as, recommended, assessor, board_member):
    for user in (assessor, board_member):
        data = _get(api_as(user), recommended)

        assert _rating(data, "S1")["verified"]["rating"] == "green"
        assert data["score"]["verified"] == 100.0
        assert data["eligibility"]["basis"] == "verified"
        assert [a["recommended_level"] for a in data["assignments"]] == ["gold", "gold"]
        assert data["assignments"][0]["summary"] == "Strong."
        assert data["recommendations_disagree"] is False
        assert "Gold" in data["history"][-1]["note"]


def test_the_board_may_decide_and_the_assessors_may_not(api_as, recommended, assessor, board_member):
    assert _get(api_as(board_member), recommended)["can"]["decide"] is True
    assert _get(api_as(assessor), recommended)["can"] == {
        "edit_answers": False,
        "submit": False,
        "withdraw": False,
        "assign": False,
        "review": True,
        "decide": False,
    }


def test_the_organisation_sees_everything_once_decided(api_as, recommended, owner_a, board_member):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="Visit missing.", by=board_member)

    data = _get(api_as(owner_a), recommended)

    assert data["decision"]["approved"] is False
    assert data["decision"]["awarded_level"] is None
    assert data["decision"]["reason"] == "Visit missing."
    assert data["decision"]["decided_at"]
    assert _rating(data, "S1")["verified"]["rating"] == "green"
    assert [a["recommended_level"] for a in data["assignments"]] == [Recommendation.GOLD] * 2


def test_an_open_clarification_shows_what_may_change(api_as, clarification, owner_a):
    data = _get(api_as(owner_a), clarification)

    assert data["clarification"]["indicators"] == ["S1", "G1"]
    assert data["clarification"]["message"] == "Please send the member list."
    assert data["editable_indicators"] == ["S1", "G1"]
    assert [a["status"] for a in data["progress"]["areas"]] == [
        "clarification",
        "clarification",
        "completed",
        "completed",
        "completed",
        "completed",
    ]


def test_submitted_answers_are_frozen(api_as, submitted, owner_a):
    assert _get(api_as(owner_a), submitted)["editable_indicators"] == []


def _with_evidence_and_reviews(assessment, owner, assessor, framework):
    """Evidence on every indicator and a verified comment on every one: the heaviest detail."""
    for indicator in framework.indicators.all():
        Evidence.objects.create(
            assessment=assessment,
            indicator=indicator,
            file=pdf_upload(f"{indicator.code}.pdf"),
            original_name=f"{indicator.code}.pdf",
            content_type="application/pdf",
            size=10,
        )
        reviews.review_save(
            assessment=assessment, indicator=indicator, verified_value=indicator.green, comment="ok", by=assessor
        )


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "board_member"])
def test_the_detail_costs_a_fixed_number_of_queries(
    request, api_as, in_review, owner_a, assessor, framework, persona, django_assert_max_num_queries
):
    _with_evidence_and_reviews(in_review, owner_a, assessor, framework)
    client = api_as(request.getfixturevalue(persona))

    # The board member's conflicts of interest (for `can.decide`) cost two of them.
    with django_assert_max_num_queries(11):
        data = _get(client, in_review)

    assert all(len(a["evidence"]) == 1 for a in data["answers"])


def test_the_detail_of_a_clarification_costs_a_few_more(api_as, clarification, owner_a, django_assert_max_num_queries):
    client = api_as(owner_a)

    with django_assert_max_num_queries(12):
        _get(client, clarification)
