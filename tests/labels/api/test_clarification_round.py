"""POST …/clarifications/ and …/resubmit/: a clarification round through the API."""

from decimal import Decimal

import pytest

from labels.models import AnswerRevision, Assessment, Review

from .conftest import api_url


def _ask(client, assessment, codes, message="Please explain."):
    return client.post(api_url(assessment, "clarifications/"), {"indicators": codes, "message": message}, format="json")


def _answer(client, assessment, code, value):
    return client.put(api_url(assessment, f"answers/{code}/"), {"value": value, "comment": "Updated."}, format="json")


def test_a_clarification_round_changes_only_the_named_indicators_and_keeps_their_history(
    api_as, in_review, owner_a, assessor
):
    asked = _ask(api_as(assessor), in_review, ["S1", "G1"], "Please send the member list.")
    assert asked.status_code == 200, asked.json()
    assert asked.json()["status"] == "clarification"
    assert asked.json()["clarification"]["indicators"] == ["S1", "G1"]

    manager = api_as(owner_a)
    assert _answer(manager, in_review, "S1", 45).status_code == 200
    frozen = _answer(manager, in_review, "S2", 10)
    assert frozen.status_code == 409
    assert frozen.json()["detail"] == "Only the indicators named in the clarification request can be changed."
    revision = AnswerRevision.objects.get()
    assert (revision.answer.indicator.code, revision.old_value, revision.new_value) == ("S1", Decimal(60), Decimal(45))
    assert revision.changed_by == owner_a

    resubmitted = manager.post(api_url(in_review, "resubmit/"), {"note": "List attached."}, format="json")

    assert resubmitted.status_code == 200, resubmitted.json()
    data = resubmitted.json()
    assert data["status"] == "in_review"
    assert data["clarification"] is None
    assert data["editable_indicators"] == []
    assert [e["to"] for e in data["history"]][-2:] == ["clarification", "in_review"]
    assert data["history"][-1]["note"] == "List attached."
    assert Review.objects.get(assessment=in_review, indicator__code="S1").verified_value == Decimal(45)
    assert _answer(manager, in_review, "S1", 50).status_code == 409


def test_resubmitting_without_changes_is_allowed(api_as, clarification, owner_a):
    assert api_as(owner_a).post(api_url(clarification, "resubmit/")).status_code == 200


def test_resubmitting_twice_gets_409(api_as, clarification, owner_a):
    client = api_as(owner_a)
    client.post(api_url(clarification, "resubmit/"))

    assert client.post(api_url(clarification, "resubmit/")).status_code == 409


@pytest.mark.parametrize("persona", ["viewer_a", "assessor", "board_member", "staff_user"])
def test_only_owners_and_editors_resubmit(request, api_as, clarification, persona):
    assert api_as(request.getfixturevalue(persona)).post(api_url(clarification, "resubmit/")).status_code == 403


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_only_assigned_assessors_ask(request, api_as, in_review, persona):
    assert _ask(api_as(request.getfixturevalue(persona)), in_review, ["S1"]).status_code == 403
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"


def test_an_unassigned_assessor_does_not_see_it(api_as, in_review, assessor3):
    assert _ask(api_as(assessor3), in_review, ["S1"]).status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"indicators": [], "message": "Why?"}, "indicators"),
        ({"indicators": ["S1"], "message": "   "}, "message"),
        ({"indicators": ["Z9"], "message": "Why?"}, "indicators"),
        ({"message": "Why?"}, "indicators"),
    ],
)
def test_it_refuses_a_request_without_indicators_or_message(api_as, in_review, assessor, body, field):
    response = api_as(assessor).post(api_url(in_review, "clarifications/"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_it_refuses_a_second_request_while_one_is_open(api_as, clarification, assessor):
    assert _ask(api_as(assessor), clarification, ["S2"]).status_code == 409
