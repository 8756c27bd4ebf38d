"""Infrastructure tasks. Domain tasks live in each app's tasks.py and follow the same shape."""

from celery import shared_task
from django.utils import timezone

from .jobs import TRANSIENT_ERRORS, job_run, jobs_sweep

# The backoff stays below the broker's visibility timeout (the job lease), so a message waiting for
# its retry is not delivered a second time meanwhile.
TASK_OPTIONS = {
    "acks_late": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 120,
    "max_retries": 5,
}


@shared_task(**TASK_OPTIONS)
def heartbeat(job_id: int) -> None:
    """Proves that a worker picks up work and reaches the database (tests, health checks)."""
    job_run(job_id, lambda job: {"worker_time": timezone.now().isoformat()})


def _send(job) -> dict:
    from .models import Notification
    from .notifications import notification_send

    return notification_send(Notification.objects.get(pk=job.object_id))


@shared_task(**TASK_OPTIONS)
def send_notification(job_id: int) -> None:
    """Send the waiting deliveries of one notification."""
    job_run(job_id, _send)


@shared_task(acks_late=True)
def sweep_jobs() -> int:
    """Send again the jobs whose worker died (Celery beat runs this every minute)."""
    return jobs_sweep()
