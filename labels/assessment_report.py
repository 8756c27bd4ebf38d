"""The assessment report PDF of a decided assessment: every indicator with its declared and verified
value, thresholds, traffic light and explanation, the score, the improvement areas and the
assessors' recommendations, with a chart of the lights per area as inline SVG.

One file per assessment in Django's default storage (its name is fixed by the assessment's public
id, so rendering again overwrites it); rendered by a background job (labels/tasks.py). The values
and ratings come from the same functions the score page uses (labels/assessment_scores.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from clusterexcellence.errors import StateConflict
from clusterexcellence.jobs import job_enqueue, job_latest
from clusterexcellence.models import Job, JobStatus

from .assessment_scores import indicators_of, provisional_result, verified_result
from .choices import Rating
from .models import Assessment, AssessmentStatus
from .values import format_value

# The chart: one row per area, a bar of green, yellow and red indicators (in SVG user units).
CHART_LABEL_WIDTH = 40
CHART_BAR_WIDTH = 300
CHART_ROW_HEIGHT = 22
CHART_BAR_HEIGHT = 14
RATING_COLOURS = {Rating.GREEN: "#2e7d32", Rating.YELLOW: "#f9a825", Rating.RED: "#c62828"}


def report_path(assessment: Assessment) -> str:
    return f"assessment-reports/{assessment.public_id}.pdf"


def report_refusal(assessment: Assessment) -> str | None:
    """Why the report cannot be made now (the state, not the person), or None."""
    if assessment.status not in AssessmentStatus.decided():
        return _("The assessment report is made once the label board has decided.")
    return None


def report_check(assessment: Assessment) -> None:
    refusal = report_refusal(assessment)
    if refusal:
        raise StateConflict(refusal)


def report_exists(assessment: Assessment) -> bool:
    return default_storage.exists(report_path(assessment))


def report_job(assessment: Assessment):
    """The newest rendering job of the assessment's report, or None."""
    from .tasks import render_assessment_report

    return job_latest(assessment, kind=render_assessment_report.name)


def report_request(*, assessment: Assessment, by) -> Job:
    """Start rendering the report (again), unless a rendering waits or runs already (then that job)."""
    from .tasks import render_assessment_report

    report_check(assessment)
    job = report_job(assessment)
    if job is not None and job.status in (JobStatus.PENDING, JobStatus.RUNNING):
        return job
    return job_enqueue(render_assessment_report, target=assessment, by=by)


def _chart(areas: list[dict]) -> dict:
    """Bar geometry of the lights per area, for the template to draw as SVG (no user text inside)."""
    largest = max((area["total"] for area in areas), default=0) or 1
    rows = []
    for index, area in enumerate(areas):
        y = index * CHART_ROW_HEIGHT
        x = CHART_LABEL_WIDTH
        bars = []
        for rating in (Rating.GREEN, Rating.YELLOW, Rating.RED):
            count = area["tally"][rating.value]
            width = round(CHART_BAR_WIDTH * count / largest, 1)
            if count:
                bars.append({"x": x, "text_x": x + 3, "width": width, "colour": RATING_COLOURS[rating], "count": count})
            x += width
        rows.append({"code": area["area"].code, "y": y, "text_y": y + CHART_BAR_HEIGHT - 3, "bars": bars})
    return {
        "rows": rows,
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 10,
        "height": max(len(rows), 1) * CHART_ROW_HEIGHT,
        "bar_height": CHART_BAR_HEIGHT,
    }


def report_context(assessment: Assessment) -> dict:
    """Everything the report shows, from the stored declared and verified values."""
    verified = verified_result(assessment)
    declared = provisional_result(assessment)
    declared_by_code = declared.by_code()
    verified_by_code = verified.by_code()
    by_area: dict[int, list] = {}
    for indicator in indicators_of(assessment):
        checked = verified_by_code[indicator.code]
        by_area.setdefault(indicator.area_id, []).append(
            {
                "indicator": indicator,
                "declared_display": format_value(indicator, declared_by_code[indicator.code].value),
                "declared": declared_by_code[indicator.code],
                "verified": checked,
                "verified_display": format_value(indicator, checked.value),
            }
        )
    areas = []
    for area in assessment.framework.areas.order_by("position", "pk"):
        rows = by_area.get(area.pk, [])
        tally = {rating.value: sum(1 for row in rows if row["verified"].rating == rating) for rating in Rating}
        areas.append({"area": area, "rows": rows, "total": len(rows), "tally": tally})
    recommendations = [
        assignment
        for assignment in assessment.assignments.select_related("assessor").order_by("assigned_at", "pk")
        if assignment.recommended_at
    ]
    return {
        "assessment": assessment,
        "organisation": assessment.organisation,
        "verified": verified,
        "declared": declared,
        "areas": areas,
        "chart": _chart(areas),
        "improvement_areas": list(assessment.improvement_areas.select_related("indicator")),
        "recommendations": recommendations,
        "printed_at": timezone.now(),
    }


def report_render(*, assessment: Assessment, language: str = "en") -> dict:
    """Render the report and store it under its one name (overwriting an earlier file)."""
    from clusterexcellence.pdf import render_pdf  # WeasyPrint loads only where PDFs are rendered

    report_check(assessment)
    with translation.override(language):
        pdf = render_pdf("labels/pdf/report.html", report_context(assessment))
    path = report_path(assessment)
    if default_storage.exists(path):
        default_storage.delete(path)
    stored = default_storage.save(path, ContentFile(pdf))
    return {"bytes": len(pdf), "path": stored}
