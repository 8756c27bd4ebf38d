"""POST /api/assessments/{id}/interview/: the assessors record the interview or visit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labels.models import Assessment

from .conftest import api_url, yesterday


def _record(client, assessment, day):
    return client.post(api_url(assessment, "interview/"), {"date": str(day)}, format="json")


def test_an_assigned_assessor_records_the_date(api_as, in_review, assessor):
    response = _record(api_as(assessor), in_review, yesterday())

    assert response.status_code == 200, response.json()
    assert response.json()["interview_date"] == str(yesterday())
    assert Assessment.objects.get(pk=in_review.pk).interview_date == yesterday()


def test_a_future_date_is_refused_on_the_field(api_as, in_review, assessor):
    response = _record(api_as(assessor), in_review, timezone.localdate() + timedelta(days=1))

    assert response.status_code == 400
    assert response.json() == {"date": ["The interview date cannot be in the future."]}


def test_a_malformed_date_is_refused(api_as, in_review, assessor):
    response = _record(api_as(assessor), in_review, "next tuesday")

    assert response.status_code == 400
    assert "date" in response.json()


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_anyone_but_the_assigned_assessors(request, api_as, in_review, persona):
    assert _record(api_as(request.getfixturevalue(persona)), in_review, yesterday()).status_code == 403


def test_an_unassigned_assessor_does_not_see_it(api_as, in_review, assessor3):
    assert _record(api_as(assessor3), in_review, yesterday()).status_code == 404


def test_it_is_refused_during_a_clarification_round(api_as, clarification, assessor):
    assert _record(api_as(assessor), clarification, yesterday()).status_code == 409
