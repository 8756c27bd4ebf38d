"""POST /api/assessments/{id}/areas/{code}/confirm/: the assessor confirms an area's remaining declared values."""

import pytest

from labels import reviews
from labels.models import Review

from .conftest import api_url


def _confirm(client, assessment, area="G"):
    return client.post(api_url(assessment, f"areas/{area}/confirm/"))


def test_it_verifies_the_areas_remaining_values_and_answers_with_the_progress(api_as, in_review, assessor):
    corrected = in_review.framework.indicators.get(code="G2")
    reviews.review_save(assessment=in_review, indicator=corrected, verified_value="2", by=assessor)

    response = _confirm(api_as(assessor), in_review)

    assert response.status_code == 200, response.json()
    verification = response.json()["verification"]
    assert (verification["verified"], verification["complete"]) == (6, False)
    assert next(a for a in verification["areas"] if a["code"] == "G")["verified"] == 6
    assert Review.objects.get(assessment=in_review, indicator=corrected).verified_value == 2
    assert set(
        Review.objects.filter(assessment=in_review, indicator__area__code="G").values_list("verified_by", flat=True)
    ) == {assessor.pk}


def test_an_unknown_area_is_not_found(api_as, in_review, assessor):
    response = _confirm(api_as(assessor), in_review, "ZZ")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no area ZZ in this assessment's catalogue."}


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_anyone_but_the_assigned_assessors(request, api_as, in_review, persona):
    assert _confirm(api_as(request.getfixturevalue(persona)), in_review).status_code == 403


def test_an_unassigned_assessor_does_not_see_it(api_as, in_review, assessor3):
    assert _confirm(api_as(assessor3), in_review).status_code == 404


def test_once_recommended_it_gets_409(api_as, recommended, assessor):
    response = _confirm(api_as(assessor), recommended)

    assert response.status_code == 409
    assert response.json() == {"detail": "The assessment is not in review."}
