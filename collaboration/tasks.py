"""Background work of the collaboration platform; thin: a job row, then the domain function."""

from celery import shared_task

from clusterexcellence.jobs import job_enqueue, job_run
from clusterexcellence.tasks import TASK_OPTIONS

from .saved_searches import saved_searches_check_all


@shared_task(**TASK_OPTIONS)
def saved_searches_check(job_id: int) -> None:
    """E-mail the new matches of every saved search (each match once, however often it runs)."""
    job_run(job_id, lambda job: saved_searches_check_all())


@shared_task(**TASK_OPTIONS)
def saved_searches_daily() -> None:
    """Celery beat's daily entry: one job row per run, which staff see if it fails."""
    job_enqueue(saved_searches_check)
