"""PUT /api/assessments/{id}/reviews/{code}/: an assessor verifies one indicator."""

from decimal import Decimal

import pytest

from labels.models import Assessment, Review

from .conftest import api_url


def _put(client, assessment, code, value, comment=""):
    body = {"verified_value": value, "comment": comment}
    return client.put(api_url(assessment, f"reviews/{code}/"), body, format="json")


@pytest.mark.parametrize("persona", ["assessor", "assessor2"])
def test_an_assigned_assessor_corrects_a_value_and_the_score_follows(request, api_as, in_review, persona):
    response = _put(api_as(request.getfixturevalue(persona)), in_review, "S1", 30, "Only 30 signed up.")

    assert response.status_code == 200, response.json()
    assert response.json() == {
        "indicator": "S1",
        "value": 30.0,
        "display": "30",
        "rating": "yellow",
        "points_possible": 3,
        "points_earned": 0,
        "explanation": "30 reaches the yellow threshold 15; 60 for green.",
        "comment": "Only 30 signed up.",
        "verified_score": 95.7,
    }
    review = Review.objects.get(assessment=in_review, indicator__code="S1")
    assert (review.verified_value, review.rating) == (Decimal(30), "yellow")
    assert Assessment.objects.get(pk=in_review.pk).verified_score == Decimal("95.7")


@pytest.mark.parametrize(("code", "value"), [("S1", "abc"), ("S2", 101), ("G2", 5), ("C2", 2)])
def test_a_value_of_the_wrong_kind_is_refused_with_a_field_message(api_as, in_review, assessor, code, value):
    response = _put(api_as(assessor), in_review, code, value)

    assert response.status_code == 400
    assert list(response.json()) == ["verified_value"]


def test_an_unknown_indicator_is_not_found(api_as, in_review, assessor):
    assert _put(api_as(assessor), in_review, "Z9", 1).status_code == 404


@pytest.mark.parametrize("persona", ["board_member", "staff_user", "owner_a", "viewer_a"])
def test_it_refuses_anyone_but_the_assigned_assessors(request, api_as, in_review, persona):
    response = _put(api_as(request.getfixturevalue(persona)), in_review, "S1", 1)

    assert response.status_code == 403
    assert response.json()["detail"] == "Only the assessors assigned to this assessment can do this."


def test_an_unassigned_assessor_does_not_see_it(api_as, in_review, assessor3):
    assert _put(api_as(assessor3), in_review, "S1", 1).status_code == 404


def test_after_the_recommendation_the_review_is_closed(api_as, recommended, assessor):
    response = _put(api_as(assessor), recommended, "S1", 1)

    assert response.status_code == 409
    assert response.json()["detail"] == "The assessment is not in review."


@pytest.mark.parametrize("body", [b'{"verified_value": 1e999999999}', b'{"verified_value": "1e-999999999"}'])
def test_numbers_beyond_every_bound_are_refused(api_as, in_review, assessor, body):
    before = Review.objects.get(assessment=in_review, indicator__code="G1").verified_value
    response = api_as(assessor).generic("PUT", api_url(in_review, "reviews/G1/"), body, "application/json")

    assert response.status_code == 400
    assert list(response.json()) == ["verified_value"]
    assert Review.objects.get(assessment=in_review, indicator__code="G1").verified_value == before
