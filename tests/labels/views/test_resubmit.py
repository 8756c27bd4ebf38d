"""Resubmitting after a clarification request sends the assessment back to the assessors."""

import pytest
from django.urls import reverse

from labels.models import Assessment, AssessmentEvent, AssessmentStatus

from .self_assessment_helpers import clarify


@pytest.fixture
def clarification(in_review, assessor):
    clarify(in_review, assessor, codes=["S1"])
    return in_review


def url(assessment):
    return reverse("labels:resubmit", args=[assessment.public_id])


def status(assessment):
    return Assessment.objects.get(pk=assessment.pk).status


def test_it_rejects_get(client_as, owner_a, clarification):
    assert client_as(owner_a).get(url(clarification)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, clarification, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(url(clarification)).status_code == 404


@pytest.mark.parametrize("persona", ["viewer_a", "assessor"])
def test_it_refuses_viewers_and_assessors(request, client_as, persona, clarification):
    assert client_as(request.getfixturevalue(persona)).post(url(clarification)).status_code == 403
    assert status(clarification) == AssessmentStatus.CLARIFICATION


def test_owners_resubmit_with_a_note(client_as, editor_a, clarification):
    response = client_as(editor_a).post(url(clarification), {"note": "List attached."})
    assert response.status_code == 302
    assert status(clarification) == AssessmentStatus.IN_REVIEW
    assert clarification.history.last().note == "List attached."


def test_a_double_resubmit_changes_nothing_twice(client_as, owner_a, clarification):
    client = client_as(owner_a)
    client.post(url(clarification))
    response = client.post(url(clarification), follow=True)
    assert "already sent back to the assessors; nothing changed" in response.content.decode()
    assert AssessmentEvent.objects.filter(assessment=clarification, from_status="clarification").count() == 1
