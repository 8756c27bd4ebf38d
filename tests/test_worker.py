"""A real Celery worker picks up a job from Redis and records the outcome in PostgreSQL."""

import pytest

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import JobStatus
from clusterexcellence.tasks import heartbeat

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_process_runs_an_enqueued_job(celery_worker):
    job = job_enqueue(heartbeat)

    job = celery_worker.wait_for(job)

    assert job.status == JobStatus.DONE, job.error
    assert job.progress == 100
    assert job.attempts == 1
    assert "worker_time" in job.result
