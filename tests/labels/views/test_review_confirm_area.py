"""Confirming the remaining declared values of one area on the review page, and the progress it shows."""

import pytest
from django.urls import reverse

from labels import reviews
from labels.models import Review


def url(assessment, area="S"):
    return reverse("labels:review_confirm_area", args=[assessment.public_id, area])


def review_url(assessment):
    return reverse("labels:review", args=[assessment.public_id])


def area_url(assessment, area="S"):
    return reverse("labels:review_area", args=[assessment.public_id, area])


def test_the_area_page_shows_the_progress_and_offers_the_action(client_as, assessor, in_review):
    content = client_as(assessor).get(area_url(in_review)).content.decode()

    assert "0 of 36 indicators" in content  # the summary
    assert "0 of 6 indicators" in content  # the area
    assert "0 of 6 verified" in content  # the area's tab
    assert "6 still to verify" in content
    assert "Confirm the remaining declared values of this area (6)" in content
    assert f'action="{url(in_review)}"' in content
    assert "Not verified yet" in content


def test_it_confirms_the_declared_values_not_yet_verified(client_as, assessor, in_review):
    corrected = in_review.framework.indicators.get(code="S2")
    reviews.review_save(assessment=in_review, indicator=corrected, verified_value="45", by=assessor)

    response = client_as(assessor).post(url(in_review))

    assert response.status_code == 302
    assert response["Location"] == area_url(in_review) + "#area-S"
    area = Review.objects.filter(assessment=in_review, indicator__area__code="S")
    assert area.filter(verified_at__isnull=True).count() == 0
    assert area.get(indicator=corrected).verified_value == 45  # a correction is kept
    assert Review.objects.filter(assessment=in_review, verified_at__isnull=True).count() == 30
    content = client_as(assessor).get(response["Location"]).content.decode()
    assert "5 declared values of Structure of the cluster confirmed as verified." in content
    assert "6 of 36 indicators" in content


def test_a_second_confirmation_changes_nothing(client_as, assessor, in_review):
    client = client_as(assessor)
    client.post(url(in_review))

    response = client.post(url(in_review), follow=True)

    assert "Every indicator of Structure of the cluster was already verified; nothing changed." in (
        response.content.decode()
    )


def test_an_unknown_area_is_not_found(client_as, assessor, in_review):
    assert client_as(assessor).post(url(in_review, "ZZ")).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_only_the_assigned_assessors_confirm(request, client_as, in_review, persona):
    assert client_as(request.getfixturevalue(persona)).post(url(in_review)).status_code == 403
    assert not Review.objects.filter(assessment=in_review, verified_at__isnull=False).exists()


def test_an_unassigned_assessor_does_not_see_it(client_as, other_assessor, in_review):
    assert client_as(other_assessor).post(url(in_review)).status_code == 404


def test_it_is_refused_with_409_once_recommended(client_as, assessor, recommended):
    assert client_as(assessor).post(url(recommended)).status_code == 409


def test_it_rejects_get(client_as, assessor, in_review):
    assert client_as(assessor).get(url(in_review)).status_code == 405


def test_after_confirming_the_tab_shows_the_area_complete(client_as, assessor, in_review):
    client = client_as(assessor)
    client.post(url(in_review))
    content = client.get(area_url(in_review)).content.decode()
    assert "6 of 6 verified" in content
    assert "Confirm the remaining declared values of this area" not in content
    assert "area-tab is-complete" in content
