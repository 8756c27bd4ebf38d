"""Background work of benchmarking; thin: load by id, call the domain function."""

from celery import shared_task

from clusterexcellence.jobs import job_run
from clusterexcellence.models import Job
from clusterexcellence.tasks import TASK_OPTIONS

from .models import BenchmarkReport
from .reports import report_render


def _render(job) -> dict:
    report = BenchmarkReport.objects.select_related("organisation").get(pk=job.object_id)
    report = report_render(report, progress=lambda percent: Job.objects.filter(pk=job.pk).update(progress=percent))
    return {"report": str(report.public_id)}


@shared_task(**TASK_OPTIONS)
def render_benchmark_report(job_id: int) -> None:
    """Render a requested benchmarking report PDF."""
    job_run(job_id, _render)
