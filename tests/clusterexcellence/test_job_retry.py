"""Retrying a failed background job of any app from the page of failed work."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clusterexcellence.models import Job, JobStatus
from clusterexcellence.tasks import heartbeat


@pytest.fixture
def failed_job(db):
    return Job.objects.create(kind=heartbeat.name, status=JobStatus.FAILED, error="Database gone", attempts=3)


def url(job):
    return reverse("job_retry", args=[job.public_id])


def test_it_requires_sign_in(client, failed_job):
    assert client.post(url(failed_job)).status_code == 302


def test_it_rejects_get(client_as, staff_user, failed_job):
    assert client_as(staff_user).get(url(failed_job)).status_code == 405


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "board_member", "outsider"])
def test_it_refuses_everyone_but_staff(request, client_as, persona, failed_job):
    assert client_as(request.getfixturevalue(persona)).post(url(failed_job)).status_code == 403
    failed_job.refresh_from_db()
    assert failed_job.status == JobStatus.FAILED


def test_staff_send_a_failed_job_again_and_it_runs(
    client_as, staff_user, failed_job, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(staff_user).post(url(failed_job))
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs_failed")
    failed_job.refresh_from_db()
    assert failed_job.status == JobStatus.DONE
    assert failed_job.error == ""
    assert "worker_time" in failed_job.result


def test_staff_send_a_stalled_job_again_and_it_runs(
    client_as, staff_user, failed_job, django_capture_on_commit_callbacks
):
    stalled = timezone.now() - timedelta(minutes=1)
    Job.objects.filter(pk=failed_job.pk).update(status=JobStatus.RUNNING, lease_expires_at=stalled, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(staff_user).post(url(failed_job), follow=True)
    assert "The job was sent again." in response.content.decode()
    failed_job.refresh_from_db()
    assert (failed_job.status, failed_job.attempts) == (JobStatus.DONE, 2)


def test_a_job_a_live_worker_holds_is_left_alone(client_as, staff_user, failed_job):
    running = timezone.now() + timedelta(minutes=5)
    Job.objects.filter(pk=failed_job.pk).update(status=JobStatus.RUNNING, lease_expires_at=running)
    response = client_as(staff_user).post(url(failed_job), follow=True)
    assert "nothing was retried" in response.content.decode()
    failed_job.refresh_from_db()
    assert failed_job.status == JobStatus.RUNNING


def test_a_job_that_is_not_failed_is_left_alone(client_as, staff_user, failed_job):
    Job.objects.filter(pk=failed_job.pk).update(status=JobStatus.DONE)
    response = client_as(staff_user).post(url(failed_job), follow=True)
    assert "nothing was retried" in response.content.decode()
    failed_job.refresh_from_db()
    assert failed_job.status == JobStatus.DONE


def test_an_unknown_job_is_not_found(client_as, staff_user, db):
    unknown = "/jobs/00000000-0000-0000-0000-000000000000/retry/"
    assert client_as(staff_user).post(unknown).status_code == 404


def test_a_job_of_an_unknown_kind_is_refused_with_a_message(client_as, staff_user, failed_job):
    Job.objects.filter(pk=failed_job.pk).update(kind="labels.tasks.gone")
    response = client_as(staff_user).post(url(failed_job), follow=True)
    assert "cannot be retried" in response.content.decode()
    failed_job.refresh_from_db()
    assert failed_job.status == JobStatus.FAILED
