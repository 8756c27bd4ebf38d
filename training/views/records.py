"""Completion records: request one, follow its rendering job, download the PDF, and the public verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from clusterexcellence.errors import StateConflict

from ..models import CompletionRecord
from ..records import completion_record_request, record_job
from .access import module_for, record_for


@require_POST
@login_required
def record_request(request, slug):
    module = module_for(request, slug)
    try:
        record = completion_record_request(user=request.user, module=module)
    except StateConflict as refusal:
        messages.error(request, str(refusal))
        response = redirect(module.get_absolute_url())
        response.status_code = 303
        return response
    return redirect(record.get_absolute_url())


@never_cache
@login_required
def record(request, public_id):
    record = record_for(request, public_id)
    return render(request, "training/record.html", {"record": record, "job": record_job(record)})


@never_cache
def record_status(request, public_id):
    """The rendering job as an htmx fragment that polls itself until the PDF is there."""
    if not request.user.is_authenticated:
        if not request.htmx:
            return redirect_to_login(request.get_full_path())
        return HttpResponse(_("You have been signed out. Reload the page after signing in."), status=286)
    record = record_for(request, public_id)
    return render(request, "training/htmx/record_status.html", {"record": record, "job": record_job(record)})


@require_GET
@login_required
def record_pdf(request, public_id):
    return pdf_response(record_for(request, public_id))


def pdf_response(record: CompletionRecord):
    """The record's stored PDF as a download (the page and the API share it)."""
    if not record.pdf:
        raise Http404(_("The PDF is not ready yet."))
    try:
        handle = record.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"completion-record-{record.module.slug}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def verify(request, public_id):
    """Public: whoever holds the link (printed on the PDF) can check that the record is genuine."""
    record = get_object_or_404(CompletionRecord.objects.select_related("module"), public_id=public_id)
    return render(request, "training/verify.html", {"record": record})
