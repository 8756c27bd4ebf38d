"""PUT /api/assessments/{id}/answers/{code}/: saving one answer."""

from decimal import Decimal

import pytest

from labels.models import Answer

from .conftest import api_url


def _put(client, assessment, code, value, comment=""):
    return client.put(api_url(assessment, f"answers/{code}/"), {"value": value, "comment": comment}, format="json")


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_save_an_answer(request, api_as, draft, persona):
    response = _put(api_as(request.getfixturevalue(persona)), draft, "S1", 42, "  Forty-two members.  ")

    assert response.status_code == 200, response.json()
    assert response.json() == {
        "indicator": "S1",
        "value": 42.0,
        "display": "42",
        "comment": "Forty-two members.",
        "provisional_rating": "yellow",
        "evidence": [],
    }
    answer = Answer.objects.get(assessment=draft, indicator__code="S1")
    assert (answer.value, answer.comment) == (Decimal(42), "Forty-two members.")


def test_saving_again_replaces_the_value_and_null_clears_it(api_as, draft, owner_a):
    client = api_as(owner_a)
    _put(client, draft, "C2", True)
    assert _put(client, draft, "C2", "no").json()["display"] == "No"

    response = _put(client, draft, "C2", None)

    assert response.json()["value"] is None
    assert Answer.objects.get(assessment=draft, indicator__code="C2").value is None


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("S1", "abc", "Enter a number, using a point as the decimal separator."),
        ("S1", 2.5, "Enter a whole number."),
        ("S1", -3, "Enter a number that is not negative."),
        ("S1", True, "Enter a number."),
        ("S1", [1], "Enter a number."),
        ("S2", 101, "Enter a percentage from 0 to 100."),
        ("G2", 5, "Choose a whole number from 0 to 4."),
        ("C2", 2, "Answer yes or no."),
        ("G1", "NaN", "Enter a finite number."),
        ("G1", "1e12", "Enter a number no larger than 1000000000."),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_with_a_field_message(api_as, draft, owner_a, code, value, message):
    response = _put(api_as(owner_a), draft, code, value)

    assert response.status_code == 400
    assert response.json() == {"value": [message]}
    assert not Answer.objects.exists()


def test_a_missing_value_is_refused(api_as, draft, owner_a):
    response = api_as(owner_a).put(api_url(draft, "answers/S1/"), {"comment": "no value"}, format="json")

    assert response.status_code == 400
    assert "value" in response.json()


def test_an_unknown_indicator_is_not_found(api_as, draft, owner_a):
    assert _put(api_as(owner_a), draft, "Z9", 1).status_code == 404


def test_submitted_answers_are_frozen_with_409(api_as, submitted, owner_a):
    response = _put(api_as(owner_a), submitted, "S1", 1)

    assert response.status_code == 409
    assert response.json()["detail"] == "Indicator S1 cannot be changed now: the answers are frozen."


def test_it_refuses_viewers(api_as, draft, viewer_a):
    response = _put(api_as(viewer_a), draft, "S1", 20)

    assert response.status_code == 403
    assert response.json()["detail"] == "Only the organisation's owners and editors can do this."


@pytest.mark.parametrize("persona", ["assessor", "board_member", "staff_user"])
def test_it_refuses_the_assessors_the_board_and_staff(request, api_as, in_review, persona):
    assert _put(api_as(request.getfixturevalue(persona)), in_review, "S1", 20).status_code == 403


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor3"])
def test_it_is_not_found_for_others(request, api_as, draft, persona):
    assert _put(api_as(request.getfixturevalue(persona)), draft, "S1", 20).status_code == 404


def test_it_refuses_anonymous_callers(api_as, draft):
    assert _put(api_as(None), draft, "S1", 20).status_code in (401, 403)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"value": 1e999999999}', "Enter a number no larger than 1000000000."),
        (b'{"value": "1e999999999"}', "Enter a number no larger than 1000000000."),
        (b'{"value": 1e-999999999}', "Enter at most 3 decimal places."),
        (b'{"value": "1e-999999999"}', "Enter at most 3 decimal places."),
    ],
)
def test_numbers_beyond_every_bound_are_refused_not_rounded(api_as, draft, owner_a, body, message):
    response = api_as(owner_a).generic("PUT", api_url(draft, "answers/G1/"), body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"value": [message]}
    assert not Answer.objects.exists()


def test_json_numbers_keep_their_exact_decimal_value(api_as, draft, owner_a):
    response = api_as(owner_a).generic("PUT", api_url(draft, "answers/G1/"), b'{"value": 2.675}', "application/json")

    assert response.status_code == 200, response.json()
    assert Answer.objects.get(assessment=draft, indicator__code="G1").value == Decimal("2.675")


def test_an_overlong_comment_is_refused(api_as, draft, owner_a):
    response = _put(api_as(owner_a), draft, "S1", 20, "x" * 5001)

    assert response.status_code == 400
    assert response.json() == {"comment": ["Ensure this field has no more than 5000 characters."]}
