"""The club's background work: the day-before reminders of events (run by Celery beat)."""

from celery import shared_task

from clusterexcellence.jobs import job_run
from clusterexcellence.models import Job
from clusterexcellence.tasks import TASK_OPTIONS

from .events import reminders_send

REMINDERS = "club.tasks.send_event_reminders"


@shared_task(**TASK_OPTIONS)
def send_event_reminders(job_id: int | None = None) -> None:
    """Beat calls it without a job; each run is then recorded as a job row that staff can see.
    Sending twice is harmless: each person gets one reminder per event (notify's uniqueness)."""
    if job_id is None:
        job_id = Job.objects.create(kind=REMINDERS).pk
    job_run(job_id, lambda job: {"events": reminders_send()})
