"""Submitting a self-assessment: answers freeze and the provisional score is computed in the background."""

import pytest
from django.urls import reverse

from clusterexcellence.models import Job, JobStatus
from labels.models import Assessment, AssessmentEvent, AssessmentStatus
from labels.views.answer_rows import score_job

from ..conftest import fill_answers

# The second step of submitting: the box that says the answers may freeze.
CONFIRMED = {"confirm": "on"}


def url(assessment):
    return reverse("labels:submit", args=[assessment.public_id])


@pytest.fixture
def complete(draft, owner_a):
    fill_answers(draft, owner_a)
    return draft


def status(assessment):
    return Assessment.objects.get(pk=assessment.pk).status


def test_it_rejects_get(client_as, owner_a, complete):
    assert client_as(owner_a).get(url(complete)).status_code == 405


def test_it_requires_sign_in(client, complete):
    response = client.post(url(complete), CONFIRMED)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert status(complete) == AssessmentStatus.DRAFT


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, complete, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(url(complete), CONFIRMED).status_code == 404
    assert status(complete) == AssessmentStatus.DRAFT


def test_it_refuses_viewers(client_as, viewer_a, complete):
    assert client_as(viewer_a).post(url(complete), CONFIRMED).status_code == 403
    assert status(complete) == AssessmentStatus.DRAFT


def test_with_gaps_it_says_what_is_missing_and_changes_nothing(client_as, owner_a, draft):
    response = client_as(owner_a).post(url(draft), CONFIRMED, follow=True)
    content = response.content.decode()
    assert "Answer every indicator first; still open: S1, S2" in content
    assert 'class="message message-error"' in content
    assert status(draft) == AssessmentStatus.DRAFT


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_it_submits_and_the_job_computes_the_provisional_score(
    request, client_as, persona, complete, django_capture_on_commit_callbacks
):
    client = client_as(request.getfixturevalue(persona))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(complete), CONFIRMED)
    assert response.status_code == 302
    assert response["Location"] == complete.get_absolute_url()
    submitted = Assessment.objects.get(pk=complete.pk)
    assert submitted.status == AssessmentStatus.SUBMITTED
    assert submitted.provisional_score == 100
    assert score_job(submitted).status == JobStatus.DONE
    page = client.get(response["Location"]).content.decode()
    assert "Your answers are frozen" in page
    assert "Provisional Gold score: <strong>100.0 %</strong>" in page


def test_a_double_submit_changes_nothing_twice(client_as, owner_a, complete, django_capture_on_commit_callbacks):
    client = client_as(owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(complete), CONFIRMED)
        response = client.post(url(complete), CONFIRMED, follow=True)
    assert "already submitted; nothing changed" in response.content.decode()
    assert AssessmentEvent.objects.filter(assessment=complete, to_status=AssessmentStatus.SUBMITTED).count() == 1
    assert Job.objects.filter(object_id=str(complete.pk), kind="labels.tasks.score_assessment").count() == 1


def test_a_withdrawn_application_cannot_be_submitted(client_as, owner_a, complete):
    client = client_as(owner_a)
    client.post(reverse("labels:withdraw", args=[complete.public_id]))
    response = client.post(url(complete), CONFIRMED, follow=True)
    assert "not possible while the assessment is withdrawn" in response.content.decode()
    assert status(complete) == AssessmentStatus.WITHDRAWN


def test_without_the_confirmation_nothing_is_frozen_and_the_page_says_why(client_as, owner_a, complete):
    response = client_as(owner_a).post(url(complete), follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("#submit-heading")
    assert "Not submitted: tick the box to confirm that your answers may be frozen" in content
    assert 'class="message message-error"' in content
    assert status(complete) == AssessmentStatus.DRAFT
    assert not AssessmentEvent.objects.filter(assessment=complete, to_status=AssessmentStatus.SUBMITTED).exists()


def test_without_the_confirmation_viewers_are_still_refused(client_as, viewer_a, complete):
    assert client_as(viewer_a).post(url(complete)).status_code == 403


def test_an_htmx_submit_without_the_confirmation_answers_400(client_as, owner_a, complete):
    response = client_as(owner_a).post(url(complete), HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "tick the box" in response.content.decode()
    assert status(complete) == AssessmentStatus.DRAFT
