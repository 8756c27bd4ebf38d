"""Job leases: a claimed job is held by its worker until the lease runs out; after that a redelivery
or the sweep takes it again, and the work is recorded once, by the latest claim."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from clusterexcellence.jobs import MAX_ATTEMPTS, job_run, jobs_sweep
from clusterexcellence.models import Job, JobStatus
from clusterexcellence.tasks import heartbeat

pytestmark = pytest.mark.django_db


class Handler:
    """Counts the runs that got to the end."""

    def __init__(self):
        self.runs = 0

    def __call__(self, job):
        self.runs += 1
        return {"run": self.runs}


def claimed_job(*, lease_left: timedelta, attempts: int = 1) -> Job:
    """A job some worker claimed; its lease ends `lease_left` from now (negative: ran out)."""
    return Job.objects.create(
        kind=heartbeat.name,
        status=JobStatus.RUNNING,
        attempts=attempts,
        started_at=timezone.now() - timedelta(minutes=7),
        lease_expires_at=timezone.now() + lease_left,
    )


def test_a_claim_sets_a_lease_that_outlasts_the_time_limit(settings):
    job = Job.objects.create(kind=heartbeat.name)
    seen = {}

    job_run(job.pk, lambda claimed: seen.setdefault("lease", claimed.lease_expires_at) and None)

    assert seen["lease"] - timezone.now() > timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    job.refresh_from_db()
    assert (job.status, job.attempts, job.lease_expires_at) == (JobStatus.DONE, 1, None)


def test_a_repeated_delivery_leaves_a_job_its_live_worker_holds_alone():
    job = claimed_job(lease_left=timedelta(minutes=3))
    handler = Handler()

    assert job_run(job.pk, handler) is None

    assert handler.runs == 0
    job.refresh_from_db()
    assert (job.status, job.attempts, job.is_stalled) == (JobStatus.RUNNING, 1, False)


def test_a_job_whose_lease_ran_out_is_stalled_and_the_next_delivery_takes_it():
    job = claimed_job(lease_left=-timedelta(seconds=1))
    assert job.is_stalled
    assert list(Job.objects.stalled()) == [job]
    handler = Handler()

    job_run(job.pk, handler)

    assert handler.runs == 1
    job.refresh_from_db()
    assert (job.status, job.attempts, job.result) == (JobStatus.DONE, 2, {"run": 1})


def test_the_worker_that_lost_its_lease_cannot_record_an_outcome():
    job = Job.objects.create(kind=heartbeat.name)

    def slow_handler(claimed):
        # While this worker hangs, its lease runs out and another worker takes the job and finishes it.
        Job.objects.filter(pk=claimed.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
        job_run(claimed.pk, lambda again: {"by": "second worker"})
        return {"by": "first worker"}

    job_run(job.pk, slow_handler)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.result) == (JobStatus.DONE, 2, {"by": "second worker"})


def test_the_sweep_sends_a_stalled_job_again_and_it_runs_once(django_capture_on_commit_callbacks):
    job = claimed_job(lease_left=-timedelta(seconds=1))
    live = claimed_job(lease_left=timedelta(minutes=3))

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_sweep() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_sweep() == 0  # nothing is stalled any more

    job.refresh_from_db()
    assert (job.status, job.attempts, job.is_stalled) == (JobStatus.DONE, 2, False)
    assert "worker_time" in job.result
    live.refresh_from_db()
    assert live.status == JobStatus.RUNNING


def test_a_job_whose_worker_died_on_every_attempt_fails_instead_of_looping(django_capture_on_commit_callbacks):
    job = claimed_job(lease_left=-timedelta(seconds=1), attempts=MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=True):
        jobs_sweep()

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == f"The worker stopped during each of {MAX_ATTEMPTS} attempts."


def test_a_redelivery_of_a_worn_out_job_fails_it_too():
    job = claimed_job(lease_left=-timedelta(seconds=1), attempts=MAX_ATTEMPTS)
    handler = Handler()

    job_run(job.pk, handler)

    assert handler.runs == 0
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


def test_the_sweep_command_reports_what_it_sent(django_capture_on_commit_callbacks):
    claimed_job(lease_left=-timedelta(seconds=1))
    output = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("sweep_jobs", stdout=output)

    assert output.getvalue() == "1 stalled job(s) sent again.\n"


def test_celery_beat_sweeps_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sweep-jobs"]

    assert entry == {"task": "clusterexcellence.tasks.sweep_jobs", "schedule": 60.0}
