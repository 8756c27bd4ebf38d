"""The assessment report PDF of a decided assessment: created by a background job on request, then
downloaded, by the organisation's members and staff (404 outside the user's scope, 403 for others
who see the assessment, 409 before the board's decision)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import permissions
from ..assessment_report import report_path, report_refusal, report_request
from ..models import Assessment
from .access import assessment_for


def _allowed(request, public_id) -> tuple[Assessment, HttpResponse | None]:
    assessment = assessment_for(request, public_id)
    if not permissions.can_get_assessment_report(request.user, assessment):
        raise PermissionDenied(_("Only the organisation's members and the secretariat get the assessment report."))
    refusal = report_refusal(assessment)
    return assessment, (HttpResponse(refusal, status=409) if refusal else None)


@require_POST
@login_required
def report_create(request, public_id):
    """Start rendering the report (again); one job at a time per assessment."""
    assessment, refused = _allowed(request, public_id)
    if refused:
        return refused
    report_request(assessment=assessment, by=request.user)
    messages.info(request, _("The assessment report is being prepared."))
    return redirect(f"{assessment.get_absolute_url()}#report-heading")


@require_GET
@login_required
def report_download(request, public_id):
    """The report PDF once rendered; before that, back to the page with a message."""
    assessment, refused = _allowed(request, public_id)
    if refused:
        return refused
    path = report_path(assessment)
    if not default_storage.exists(path):
        messages.info(request, _("Create the report first; it takes a moment."))
        return redirect(assessment)
    return FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=True,
        filename=f"assessment-report-{assessment.public_id}.pdf",
        content_type="application/pdf",
    )
