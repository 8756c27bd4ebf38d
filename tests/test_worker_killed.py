"""A worker killed in the middle of a job: the job stays running until its lease runs out, shows to
staff as stalled, and completes exactly once after a worker is back (Redis and PostgreSQL)."""

from datetime import timedelta
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.choices import MembershipRole
from clusterexcellence.models import Job, JobStatus
from labels import transitions
from labels.models import Answer, Assessment
from labels.tasks import score_assessment
from tests.factories import MembershipFactory, UserFactory, shipped_catalogue_import

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _connect(**options) -> psycopg.Connection:
    """A connection of its own to the test database, beside Django's and the worker's."""
    db = connection.settings_dict
    return psycopg.connect(
        dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"], **options
    )


def _waiting_for_a_lock(monitor) -> bool:
    query = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    return monitor.execute(query).fetchone()[0] > 0


def _until(condition, what: str, timeout: float = 30):
    deadline = timezone.now() + timedelta(seconds=timeout)
    while timezone.now() < deadline:
        if condition():
            return
    pytest.fail(f"Still waiting after {timeout}s: {what}")


def test_a_job_whose_worker_is_killed_mid_job_completes_once_after_a_restart(celery_worker, client):
    framework = shipped_catalogue_import()
    owner = MembershipFactory(role=MembershipRole.OWNER).user
    draft = transitions.assessment_start(organisation=owner.memberships.get().organisation, level="gold", by=owner)
    Answer.objects.bulk_create(
        Answer(assessment=draft, indicator=indicator, value=indicator.green, updated_by=owner)
        for indicator in framework.indicators.all()
    )

    with _connect() as blocker, _connect(autocommit=True) as monitor:
        # Another transaction holds the answers, so the scoring job stops half-way when it writes
        # their ratings: the worker is in the middle of the job when it is killed.
        blocker.execute("SELECT id FROM labels_answer WHERE assessment_id = %s FOR UPDATE", [draft.pk])
        transitions.assessment_submit(assessment=draft, by=owner)  # sends the scoring job after commit
        job = Job.objects.get(kind=score_assessment.name, object_id=str(draft.pk))
        _until(lambda: _waiting_for_a_lock(monitor), "the worker waiting for the answers' rows")
        celery_worker.kill()
        blocker.rollback()

    job.refresh_from_db()
    assert (job.status, job.attempts, job.is_stalled) == (JobStatus.RUNNING, 1, False)  # the lease still runs
    assert Assessment.objects.get(pk=draft.pk).provisional_score is None  # the dead worker's write was undone

    # The lease (six minutes by default) runs out; the test moves its end instead of waiting.
    Job.objects.filter(pk=job.pk).update(lease_expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(UserFactory(is_staff=True))
    assert "Stalled</span>" in client.get(reverse("jobs_failed")).content.decode()

    celery_worker.start()
    swept = StringIO()
    call_command("sweep_jobs", stdout=swept)  # what Celery beat runs every minute
    job = celery_worker.wait_for(job)
    call_command("sweep_jobs", stdout=swept)  # a second sweep finds nothing to do

    assert (job.status, job.attempts, job.error) == (JobStatus.DONE, 2, "")
    assert job.result["gold_score"] == "100.0"
    assert Assessment.objects.get(pk=draft.pk).provisional_score == 100
    assert celery_worker.log().count(f"Job {job.pk} ({score_assessment.name}) done") == 1
    assert not Job.objects.stalled().exists()
    assert swept.getvalue() == "1 stalled job(s) sent again.\n0 stalled job(s) sent again.\n"
