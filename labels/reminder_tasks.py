"""The beat task of the expiry reminders (labels/expiry_reminders.py); imported by LabelsConfig.ready
so that every worker knows it."""

from celery import shared_task

from clusterexcellence.jobs import job_run
from clusterexcellence.models import Job
from clusterexcellence.tasks import TASK_OPTIONS

from .expiry_reminders import reminders_send

EXPIRY_REMINDERS = "labels.reminder_tasks.send_expiry_reminders"


@shared_task(**TASK_OPTIONS)
def send_expiry_reminders(job_id: int | None = None) -> None:
    """Beat calls it daily without a job; each run is then recorded as a job row that staff can see.
    Running it twice is harmless: each reminder is sent once (LabelReminder)."""
    if job_id is None:
        job_id = Job.objects.create(kind=EXPIRY_REMINDERS).pk
    job_run(job_id, lambda job: {"labels": reminders_send()})
