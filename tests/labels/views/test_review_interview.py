"""Recording the interview or visit date (POST only, from the review page)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

YESTERDAY = timezone.localdate() - timedelta(days=1)


def url(assessment):
    return reverse("labels:interview", args=[assessment.public_id])


def test_it_rejects_get(client_as, assessor, in_review):
    assert client_as(assessor).get(url(in_review)).status_code == 405


def test_it_requires_sign_in(client, in_review):
    assert client.post(url(in_review), {"interview_date": YESTERDAY}).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "other_assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, in_review):
    assert client_as(request.getfixturevalue(persona)).post(url(in_review), {}).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_everyone_but_the_assigned_assessors(request, client_as, persona, in_review):
    response = client_as(request.getfixturevalue(persona)).post(url(in_review), {"interview_date": YESTERDAY})
    assert response.status_code == 403
    in_review.refresh_from_db()
    assert in_review.interview_date is None


def test_an_assessor_records_the_date(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"interview_date": YESTERDAY.isoformat()})
    assert response.status_code == 302
    assert response["Location"].endswith("/review/#interview")
    in_review.refresh_from_db()
    assert in_review.interview_date == YESTERDAY


def test_a_future_date_is_refused_with_the_reason(client_as, assessor, in_review):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client_as(assessor).post(url(in_review), {"interview_date": tomorrow.isoformat()})
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.interview_date is None


def test_a_malformed_date_is_refused(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"interview_date": "yesterday"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_it_is_refused_with_409_after_the_recommendation(client_as, assessor, recommended):
    response = client_as(assessor).post(url(recommended), {"interview_date": YESTERDAY.isoformat()})
    assert response.status_code == 409
    assert "not possible while the assessment is recommended" in response.content.decode()
