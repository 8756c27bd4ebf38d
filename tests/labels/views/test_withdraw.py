"""Withdrawing an application: owners only, while it is a draft or submitted."""

import pytest
from django.urls import reverse

from labels.models import Assessment, AssessmentEvent, AssessmentStatus


def url(assessment):
    return reverse("labels:withdraw", args=[assessment.public_id])


def status(assessment):
    return Assessment.objects.get(pk=assessment.pk).status


def test_it_rejects_get(client_as, owner_a, draft):
    assert client_as(owner_a).get(url(draft)).status_code == 405


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(url(draft)).status_code == 404


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a"])
def test_it_refuses_everyone_but_owners(request, client_as, persona, draft):
    assert client_as(request.getfixturevalue(persona)).post(url(draft)).status_code == 403
    assert status(draft) == AssessmentStatus.DRAFT


def test_owners_withdraw_and_a_second_click_changes_nothing(client_as, owner_a, draft):
    client = client_as(owner_a)
    assert client.post(url(draft)).status_code == 302
    response = client.post(url(draft), follow=True)
    assert "already withdrawn; nothing changed" in response.content.decode()
    assert status(draft) == AssessmentStatus.WITHDRAWN
    assert AssessmentEvent.objects.filter(assessment=draft, to_status=AssessmentStatus.WITHDRAWN).count() == 1


def test_an_assessment_in_review_cannot_be_withdrawn(client_as, owner_a, in_review):
    response = client_as(owner_a).post(url(in_review), follow=True)
    assert "not possible while the assessment is in review" in response.content.decode()
    assert status(in_review) == AssessmentStatus.IN_REVIEW
