"""Job rows for background work: enqueue after commit, claim with a status guard and a lease so a
repeated delivery does nothing twice and a dead worker's job is taken again, and record failures
where staff and pages can see them.

A worker claims a job by compare-and-set (pending, or running with an expired lease → running with
a new lease) and holds it until the lease runs out. The lease outlasts the task's hard time limit,
so a job still running after it has lost its worker: a redelivery of its message, or the sweep
(`jobs_sweep`, run by Celery beat, by `manage.py sweep_jobs` and when a page polls the job), sends
it again. Each claim counts an attempt; only the holder of the latest claim records the outcome."""

import logging
from collections.abc import Callable
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

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


def _lease_end():
    return timezone.now() + timedelta(seconds=settings.JOB_LEASE_SECONDS)


def job_run(job_id: int, handler: Callable[[Job], dict | None]) -> Job | None:
    """Claim the job, run `handler(job)`, record the outcome; None when there was nothing to do."""
    now = timezone.now()
    claimable = Q(status=JobStatus.PENDING) | Q(status=JobStatus.RUNNING, lease_expires_at__lt=now)
    claimed = (
        Job.objects.filter(claimable, pk=job_id)
        .exclude(attempts__gte=MAX_ATTEMPTS, status=JobStatus.RUNNING)
        .update(status=JobStatus.RUNNING, started_at=now, lease_expires_at=_lease_end(), attempts=F("attempts") + 1)
    )
    if not claimed:
        _fail_if_worn_out(job_id)
        return None  # held by a live worker, done or failed already: a repeated delivery does nothing
    job = Job.objects.get(pk=job_id)
    # Only this claim may record the outcome: if the lease ran out and another worker took the job,
    # the attempt number moved on and these updates match nothing.
    mine = Job.objects.filter(pk=job_id, status=JobStatus.RUNNING, attempts=job.attempts)
    try:
        result = handler(job)
    except TRANSIENT_ERRORS as exc:
        if job.attempts < MAX_ATTEMPTS:
            mine.update(status=JobStatus.PENDING, lease_expires_at=None, error=str(exc)[:2000])
            raise  # the task's autoretry sends it again with backoff
        _fail(mine, job_id, exc)
        return None
    except Exception as exc:
        _fail(mine, job_id, exc)
        return None
    finished = mine.update(
        status=JobStatus.DONE,
        progress=100,
        result=result or {},
        error="",
        lease_expires_at=None,
        finished_at=timezone.now(),
    )
    if finished:
        logger.info("Job %s (%s) done on attempt %s", job_id, job.kind, job.attempts)
    return Job.objects.get(pk=job_id)


def _fail(jobs, job_id: int, exc: Exception) -> None:
    logger.exception("Job %s failed", job_id)
    jobs.update(status=JobStatus.FAILED, error=str(exc)[:2000], lease_expires_at=None, finished_at=timezone.now())


def _fail_if_worn_out(job_id: int) -> None:
    """A job whose worker died on every attempt (a task that kills its worker) is failed, not retried."""
    message = _("The worker stopped during each of %(count)s attempts.") % {"count": MAX_ATTEMPTS}
    Job.objects.stalled().filter(pk=job_id, attempts__gte=MAX_ATTEMPTS).update(
        status=JobStatus.FAILED, error=message, lease_expires_at=None, finished_at=timezone.now()
    )


def job_send_again(job: Job) -> bool:
    """Put a failed or stalled job back in the queue (the sweep, a polling page, staff's retry);
    False when it is neither (any more)."""
    again = Job.objects.filter(pk=job.pk).filter(
        Q(status=JobStatus.FAILED) | Q(status=JobStatus.RUNNING, lease_expires_at__lt=timezone.now())
    )
    if job.status == JobStatus.FAILED:
        # A failed job gets a full set of attempts again; a stalled one keeps counting.
        sent = again.update(status=JobStatus.PENDING, error="", lease_expires_at=None, attempts=0)
    else:
        sent = again.update(
            status=JobStatus.PENDING,
            error=_("Its worker stopped while running it; sent again."),
            lease_expires_at=None,
        )
    if sent:
        task = current_app.tasks[job.kind]
        transaction.on_commit(lambda: task.delay(job.pk))
    job.refresh_from_db()
    return bool(sent)


def jobs_sweep() -> int:
    """Send every stalled job again (or fail it when its worker died on every attempt); returns how many."""
    sent = 0
    for job in Job.objects.stalled().order_by("pk"):
        if job.attempts >= MAX_ATTEMPTS:
            _fail_if_worn_out(job.pk)
        elif job.kind in current_app.tasks and job_send_again(job):
            sent += 1
    return sent


def job_latest(target, *, kind: str | None = None) -> Job | None:
    """The newest job about `target` (of the task named `kind`, when given), or None."""
    jobs = Job.objects.filter(content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk))
    if kind is not None:
        jobs = jobs.filter(kind=kind)
    return jobs.order_by("-created_at", "-pk").first()
