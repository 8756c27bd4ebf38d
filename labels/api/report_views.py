"""The assessment report PDF through the API: request a rendering (202 with its job), read its
progress and download URL, download the PDF. For the organisation's members and staff (403 for
others who see the assessment, 404 outside the caller's scope), once the board has decided (409)."""

from django.core.files.storage import default_storage
from django.http import FileResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from clusterexcellence.api import domain_errors

from .. import permissions
from ..assessment_report import report_check, report_exists, report_job, report_path, report_request
from ..models import Assessment
from .assessment_views import _ID, _TAGS, _403, _404, _409, _assessment

_ONLY_MEMBERS = gettext_lazy("Only the organisation's members and the secretariat get the assessment report.")


class AssessmentReportSerializer(serializers.Serializer):
    job = serializers.UUIDField(allow_null=True, help_text="The newest rendering job's id, if any.")
    status = serializers.ChoiceField(
        choices=["none", "pending", "running", "done", "failed"],
        help_text="The newest rendering job's status; `none` when no rendering was requested.",
    )
    error = serializers.CharField(allow_blank=True, help_text="Why the newest rendering failed, if it did.")
    download = serializers.URLField(allow_null=True, help_text="The PDF, once rendered.")


def _data(request, assessment: Assessment, job=None) -> dict:
    job = job or report_job(assessment)
    download = None
    if report_exists(assessment):
        download = request.build_absolute_uri(reverse("api-assessment-report-pdf", args=[assessment.public_id]))
    return {
        "job": job.public_id if job else None,
        "status": job.status if job else "none",
        "error": job.error if job else "",
        "download": download,
    }


def _allowed(request, public_id) -> Assessment:
    assessment = _assessment(request, public_id, permissions.can_get_assessment_report, _ONLY_MEMBERS)
    with domain_errors():
        report_check(assessment)
    return assessment


_RESPONSES = {403: _403, 404: _404, 409: _409}


@extend_schema(
    methods=["POST"],
    tags=_TAGS,
    summary="Request the assessment report PDF (the organisation's members and staff, decided assessments)",
    description="Renders in the background (again, overwriting the one file); poll GET until `download` is set. "
    "While a rendering waits or runs, the same job is answered.",
    parameters=[_ID],
    request=None,
    responses={202: AssessmentReportSerializer, **_RESPONSES},
)
@extend_schema(
    methods=["GET"],
    tags=_TAGS,
    summary="The assessment report's rendering status and download URL",
    parameters=[_ID],
    responses={200: AssessmentReportSerializer, **_RESPONSES},
)
@api_view(["GET", "POST"])
def report(request, public_id):
    assessment = _allowed(request, public_id)
    if request.method == "POST":
        with domain_errors():
            job = report_request(assessment=assessment, by=request.user)
        return Response(
            AssessmentReportSerializer(_data(request, assessment, job)).data, status=status.HTTP_202_ACCEPTED
        )
    return Response(AssessmentReportSerializer(_data(request, assessment)).data)


@extend_schema(
    tags=_TAGS,
    summary="Download the assessment report PDF",
    parameters=[_ID],
    responses={
        (200, "application/pdf"): OpenApiTypes.BINARY,
        403: _403,
        404: OpenApiResponse(description="No such assessment that you may see, or the report is not rendered yet."),
        409: _409,
    },
)
@api_view(["GET"])
def report_pdf(request, public_id):
    assessment = _allowed(request, public_id)
    if not report_exists(assessment):
        raise NotFound(_("The assessment report is not rendered yet."))
    return FileResponse(
        default_storage.open(report_path(assessment), "rb"),
        as_attachment=True,
        filename=f"assessment-report-{assessment.public_id}.pdf",
        content_type="application/pdf",
    )
