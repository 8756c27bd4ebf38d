"""The provisional-scoring job on the task list: the platform's job fragment, with labels' rules
for who may watch it (whoever sees the assessment) and its finished template (the score)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clusterexcellence.models import JobStatus
from labels import transitions
from labels.views.answer_rows import score_job

from ..conftest import fill_answers

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(job):
    return reverse("job_status", args=[job.public_id])


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, submitted, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(score_job(submitted)), **HTMX).status_code == 404


def test_whoever_sees_the_assessment_may_watch_it(client_as, viewer_a, board_member, submitted):
    for person in (viewer_a, board_member):
        assert client_as(person).get(url(score_job(submitted)), **HTMX).status_code == 200


def test_a_waiting_job_keeps_polling(client_as, viewer_a, submitted):
    job = score_job(submitted)
    content = client_as(viewer_a).get(url(job), **HTMX).content.decode()
    assert 'hx-trigger="every 2s"' in content
    assert f'hx-get="{url(job)}"' in content
    assert "Computing the provisional ratings and score" in content
    assert "Waiting" in content


def test_a_running_job_shows_its_progress(client_as, owner_a, submitted):
    job = score_job(submitted)
    job.status, job.progress = JobStatus.RUNNING, 40
    job.save()
    content = client_as(owner_a).get(url(job), **HTMX).content.decode()
    assert '<progress max="100" value="40"' in content
    assert "every 2s" in content


def test_polling_a_stalled_job_sends_it_again(client_as, owner_a, submitted, django_capture_on_commit_callbacks):
    job = score_job(submitted)
    job.status, job.attempts, job.lease_expires_at = JobStatus.RUNNING, 1, timezone.now() - timedelta(seconds=1)
    job.save()

    with django_capture_on_commit_callbacks(execute=True):
        client_as(owner_a).get(url(job), **HTMX)

    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.DONE, 2)


def test_a_finished_job_shows_the_score_and_stops_polling(
    client_as, owner_a, draft, django_capture_on_commit_callbacks
):
    def value(indicator):
        return indicator.yellow if indicator.code == "S1" else indicator.green

    fill_answers(draft, owner_a, value_for=value)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.assessment_submit(assessment=draft, by=owner_a)
    content = client_as(owner_a).get(url(score_job(draft)), **HTMX).content.decode()
    assert "hx-trigger" not in content
    assert "Provisional Gold score: <strong>95.7 %</strong>" in content
    assert '<span class="badge rating-yellow">1 yellow</span>' in content
    assert reverse("labels:score", args=[draft.public_id]) in content


def test_a_failed_job_says_so_clearly(client_as, owner_a, submitted):
    job = score_job(submitted)
    job.status, job.error = JobStatus.FAILED, "boom"
    job.save()
    content = client_as(owner_a).get(url(job), **HTMX).content.decode()
    assert "could not be computed" in content
    assert "hx-trigger" not in content
    assert "boom" not in content  # the technical error is for staff
