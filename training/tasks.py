"""Background work of the training area: thin tasks that load, call a domain function and record the job."""

from celery import shared_task

from clusterexcellence.jobs import job_run
from clusterexcellence.tasks import TASK_OPTIONS


def _render(job) -> dict:
    from .models import CompletionRecord
    from .records import completion_record_render

    return completion_record_render(
        record=CompletionRecord.objects.select_related("module", "user").get(pk=job.object_id)
    )


@shared_task(**TASK_OPTIONS)
def render_completion_record(job_id: int) -> None:
    """Render one completion record's PDF."""
    job_run(job_id, _render)
