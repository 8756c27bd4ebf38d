"""Benchmarking report PDFs: requested on the page or through the API, rendered by a job."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import Job
from clusterexcellence.pdf import render_pdf

from . import charts
from .benchmarks import benchmark_build
from .models import BenchmarkReport
from .practice_notes import notes_attach
from .trends import trend_for


@transaction.atomic
def report_request(*, organisation, group, basis: str, by) -> tuple[BenchmarkReport, Job]:
    """Record the request and enqueue the rendering (after commit); the caller checked permissions."""
    from .tasks import render_benchmark_report

    report = BenchmarkReport.objects.create(
        organisation=organisation,
        criteria=list(group),
        basis=basis,
        language=translation.get_language() or "en",
        requested_by=by,
    )
    return report, job_enqueue(render_benchmark_report, target=report, by=by)


def report_job(report: BenchmarkReport) -> Job | None:
    from .tasks import render_benchmark_report

    return Job.objects.filter(object_id=str(report.pk), kind=render_benchmark_report.name).first()


def report_context(report: BenchmarkReport) -> dict:
    result = benchmark_build(organisation=report.organisation, group=tuple(report.criteria), basis=report.basis)
    notes_attach(result)
    trend = trend_for(result)
    area_codes = [area.code for area in result.areas]
    return {
        "organisation": report.organisation,
        "benchmark": result,
        "radar": charts.radar(result.areas),
        "rating_bars": charts.stacked_bars(
            [(a.code, {"green": a.green, "yellow": a.yellow, "red": a.red}) for a in result.areas]
        ),
        "trend": trend,
        "trend_chart": charts.trend(trend, area_codes),
        "area_codes": area_codes,
        "generated_at": timezone.now(),
        "pdf": True,
    }


def report_render(report: BenchmarkReport, *, progress=lambda percent: None) -> BenchmarkReport:
    """Render the PDF in the language it was asked in and store it (once: a repeat keeps the file)."""
    if report.file:
        return report
    with translation.override(report.language):
        context = report_context(report)
        progress(50)
        pdf = render_pdf("benchmarking/pdf/report.html", context)
    report.file.save(f"{report.public_id}.pdf", ContentFile(pdf), save=False)
    report.rendered_at = timezone.now()
    report.save(update_fields=["file", "rendered_at"])
    return report
