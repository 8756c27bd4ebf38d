"""Requesting a benchmarking report PDF, following its job, downloading it."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..benchmarks import BASIS_DECIDED, BASIS_DRAFT, criteria_from
from ..models import BenchmarkReport
from ..population import population
from ..reports import report_job, report_request
from .benchmark import organisation_for


@login_required
@require_POST
def report_create(request, slug):
    """Queue the report for the peer group on the page; the page then polls the job."""
    organisation = organisation_for(request, slug)
    asked = {name: request.POST.get(name, "") for name in ("sector", "country", "size", "age", "level")}
    try:
        group = criteria_from(organisation, asked, population())
    except ValidationError:
        return HttpResponse(_("Choose the peer group on the page again."), status=400)
    basis = BASIS_DRAFT if request.POST.get("basis") == BASIS_DRAFT else BASIS_DECIDED
    report, _job = report_request(organisation=organisation, group=group, basis=basis, by=request.user)
    query = request.POST.get("query", "")
    url = reverse("benchmarking:benchmark", args=[organisation.slug])
    return redirect(
        f"{url}?{query}&report={report.public_id}#report" if query else f"{url}?report={report.public_id}#report"
    )


def report_for(request, public_id) -> BenchmarkReport:
    report = get_object_or_404(BenchmarkReport.objects.select_related("organisation"), public_id=public_id)
    if not permissions.can_view_benchmark(request.user, report.organisation):
        raise Http404  # outside the user's scope: the report's existence is not confirmed
    return report


def report_status(request, public_id):
    """The report's job as an htmx fragment that polls itself until the PDF is ready."""
    if not request.user.is_authenticated:
        if not request.htmx:
            return redirect_to_login(request.get_full_path())
        return HttpResponse(_("You have been signed out. Reload the page after signing in."), status=286)
    report = report_for(request, public_id)
    return render(request, "benchmarking/htmx/report_status.html", {"report": report, "job": report_job(report)})


@login_required
def report_download(request, public_id):
    report = report_for(request, public_id)
    if not report.file:
        raise Http404(_("The report is not ready yet."))
    filename = f"benchmark-{report.organisation.slug}-{report.requested_at:%Y-%m-%d}.pdf"
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
