"""Saving one verified value: the rating and the verified score follow; htmx gets the row back."""

import pytest
from django.urls import reverse

from labels import transitions
from labels.models import Assessment, Review

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(assessment, code="S1"):
    return reverse("labels:review_save", args=[assessment.public_id, code])


def data(value, comment="", code="S1"):
    return {f"review-{code}-verified_value": value, f"review-{code}-comment": comment}


def review_of(assessment, code="S1"):
    return Review.objects.get(assessment=assessment, indicator__code=code)


def test_it_requires_sign_in(client, in_review):
    assert client.post(url(in_review), data("1")).status_code == 302


def test_it_rejects_get(client_as, assessor, in_review):
    assert client_as(assessor).get(url(in_review)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, in_review, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(url(in_review), data("1")).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "board_member", "staff_user"])
def test_it_refuses_everyone_but_the_assigned_assessors(request, client_as, persona, in_review):
    before = review_of(in_review).verified_value
    assert client_as(request.getfixturevalue(persona)).post(url(in_review), data("1")).status_code == 403
    assert review_of(in_review).verified_value == before


def test_it_is_not_found_for_an_unknown_indicator(client_as, assessor, in_review):
    assert client_as(assessor).post(url(in_review, "ZZ9"), data("1", code="ZZ9")).status_code == 404


def test_a_lower_verified_value_turns_the_rating_red_and_lowers_the_score(client_as, assessor, in_review):
    s1 = in_review.framework.indicators.get(code="S1")
    assert s1.is_gold and in_review.verified_score == 100
    response = client_as(assessor).post(url(in_review), data("0", "Only the board counts."), **HTMX)
    assert response.status_code == 200
    review = review_of(in_review)
    assert review.verified_value == 0
    assert review.comment == "Only the board counts."
    assert review.rating == "red"
    assert review.verified_by == assessor
    assert Assessment.objects.get(pk=in_review.pk).verified_score < 100


def test_htmx_gets_the_row_and_the_summary_out_of_band(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), data("0"), **HTMX)
    content = response.content.decode()
    assert content.startswith('<article class="card review-row" id="indicator-S1"')
    assert 'id="review-summary"' in content
    assert 'hx-swap-oob="true"' in content
    assert "rating-red" in content
    assert "Saved" in content
    # The area's tab and progress are swapped out of band too.
    assert '<nav class="area-tabs" id="review-area-tabs"' in content
    assert '<div class="card area-verification" id="review-area-progress" hx-swap-oob="true">' in content
    assert "1 of 6 verified" in content
    assert response["HX-Trigger"] == "score-changed"
    assert "<html" not in content


def test_without_javascript_it_redirects_back_to_the_indicator(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), data("0"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/assessments/{in_review.public_id}/review/areas/S/#indicator-S1")


def test_a_value_of_the_wrong_kind_is_explained_and_nothing_changes(client_as, assessor, in_review):
    before = review_of(in_review).verified_value
    response = client_as(assessor).post(url(in_review), data("many", "typed text"), **HTMX)
    content = response.content.decode()
    # htmx swaps only successful responses, so the error row comes with a 200
    assert response.status_code == 200
    assert "Enter a number" in content
    assert 'value="many"' in content
    assert "typed text" in content
    assert "HX-Trigger" not in response
    assert review_of(in_review).verified_value == before


def test_without_javascript_a_wrong_value_renders_the_page_with_the_error(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), data("-3"))
    assert response.status_code == 400
    assert "not negative" in response.content.decode()


def test_a_boolean_indicator_takes_yes_or_no(client_as, assessor, in_review):
    boolean = in_review.framework.indicators.filter(kind="boolean").first()
    client_as(assessor).post(url(in_review, boolean.code), data("no", code=boolean.code), **HTMX)
    review = review_of(in_review, boolean.code)
    assert (review.verified_value, review.rating) == (0, "red")


def test_it_refuses_with_409_once_the_assessment_is_no_longer_in_review(client_as, assessor, in_review):
    s1 = in_review.framework.indicators.get(code="S1")
    transitions.clarification_request(assessment=in_review, indicators=[s1], message="Why?", by=assessor)
    before = review_of(in_review).verified_value
    client = client_as(assessor)
    response = client.post(url(in_review), data("0"), **HTMX)
    assert response.status_code == 409
    assert response["HX-Redirect"] == reverse("labels:review", args=[in_review.public_id])
    response = client.post(url(in_review), data("0"))
    assert response.status_code == 409
    assert "not in review" in response.content.decode()
    assert review_of(in_review).verified_value == before


@pytest.mark.parametrize("raw", ["1e999999999", "1e-999999999"])
def test_numbers_beyond_every_bound_are_explained_and_nothing_changes(client_as, assessor, in_review, raw):
    before = review_of(in_review, "G1").verified_value
    response = client_as(assessor).post(url(in_review, "G1"), data(raw, code="G1"), **HTMX)

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert review_of(in_review, "G1").verified_value == before


def test_a_german_assessor_types_a_decimal_comma(client_as, assessor, in_review):
    response = client_as(assessor).post(
        url(in_review, "S2"), data("45,5", code="S2"), HTTP_ACCEPT_LANGUAGE="de", **HTMX
    )

    assert response.status_code == 200
    assert str(review_of(in_review, "S2").verified_value) == "45.500"
    assert 'value="45,5"' in response.content.decode()
