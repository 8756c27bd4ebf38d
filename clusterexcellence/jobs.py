"""Job rows for background work: enqueue after commit, claim with a status guard so a repeated
delivery does nothing twice, and record failures where staff and pages can see them."""

import logging
from collections.abc import Callable

from celery import current_app
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, transaction
from django.utils import timezone

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

# Errors worth another try by Celery; anything else fails the job for a person to look at.
TRANSIENT_ERRORS = (OperationalError, ConnectionError, TimeoutError)
MAX_ATTEMPTS = 3


def job_enqueue(task, *, target=None, by=None) -> Job:
    """Create a job row for `task` (a Celery task taking the job id) and send it after commit."""
    job = Job(kind=task.name, created_by=by)
    if target is not None:  # assigning None would write NULL into the non-null object_id column
        job.target = target
    job.save()
    transaction.on_commit(lambda: task.delay(job.pk))
    return job


def job_run(job_id: int, handler: Callable[[Job], dict | None]) -> Job | None:
    """Claim the job (compare-and-set on its status), run `handler(job)`, record the outcome."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.PENDING).update(
        status=JobStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None  # running, done or failed already: a repeated delivery does nothing
    job = Job.objects.get(pk=job_id)
    job.attempts += 1
    Job.objects.filter(pk=job_id).update(attempts=job.attempts)
    try:
        result = handler(job)
    except TRANSIENT_ERRORS as exc:
        if job.attempts < MAX_ATTEMPTS:
            Job.objects.filter(pk=job_id).update(status=JobStatus.PENDING, error=str(exc)[:2000])
            raise  # the task's autoretry sends it again with backoff
        _fail(job_id, exc)
        return None
    except Exception as exc:
        _fail(job_id, exc)
        return None
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.DONE, progress=100, result=result or {}, error="", finished_at=timezone.now()
    )
    return Job.objects.get(pk=job_id)


def _fail(job_id: int, exc: Exception) -> None:
    logger.exception("Job %s failed", job_id)
    Job.objects.filter(pk=job_id).update(status=JobStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now())


def job_retry(job: Job) -> Job:
    """Put a failed job back in the queue (a staff action)."""
    if Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(status=JobStatus.PENDING, error=""):
        task = current_app.tasks[job.kind]
        transaction.on_commit(lambda: task.delay(job.pk))
    job.refresh_from_db()
    return job


def job_latest(target, *, kind: str | None = None) -> Job | None:
    """The newest job about `target` (of the task named `kind`, when given), or None."""
    jobs = Job.objects.filter(content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk))
    if kind is not None:
        jobs = jobs.filter(kind=kind)
    return jobs.order_by("-created_at", "-pk").first()
