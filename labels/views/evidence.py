"""Evidence documents: upload and delete (the evidence fragment for htmx), and the download that is
the only way to a stored file, for people who may see the assessment."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import answers, transitions
from ..evidence import download_name
from ..forms import EvidenceUploadForm
from ..models import Assessment, Evidence, Indicator
from .access import assessment_for
from .answer_rows import AnswerRow, editable_for


def _evidence_of(request, public_id) -> Evidence:
    """The evidence if the user may see its assessment, else 404."""
    queryset = Evidence.objects.filter(assessment__in=Assessment.objects.visible_to(request.user))
    return get_object_or_404(
        queryset.select_related("assessment__organisation", "assessment__framework", "indicator__area"),
        public_id=public_id,
    )


def _fragment(request, assessment, indicator, *, error="", status=200):
    row = AnswerRow(
        indicator=indicator,
        editable=editable_for(request.user, assessment)(indicator.code),
        evidence=list(Evidence.objects.filter(assessment=assessment, indicator=indicator)),
    )
    context = {"assessment": assessment, "row": row, "evidence_error": error}
    context["max_upload_mb"] = settings.EVIDENCE_MAX_UPLOAD_MB
    return render(request, "labels/htmx/evidence_list.html", context, status=status)


def _back(assessment, indicator):
    url = reverse("labels:area", args=[assessment.public_id, indicator.area.code])
    return redirect(f"{url}#indicator-{indicator.code}")


@require_POST
@login_required
def upload(request, public_id, code):
    """Add a document to an indicator; its type is read from the content, never from the name."""
    assessment = assessment_for(request, public_id)
    indicator = get_object_or_404(
        Indicator.objects.select_related("area"), framework_id=assessment.framework_id, code=code
    )
    form = EvidenceUploadForm(request.POST, request.FILES)
    error = ""
    if not form.is_valid():
        error = " ".join(form.errors.get("file", [])) or _("Choose a file to upload.")
    else:
        try:
            evidence = answers.evidence_add(
                assessment=assessment, indicator=indicator, upload=form.cleaned_data["file"], by=request.user
            )
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        except transitions.TransitionNotAllowed as refusal:
            error = str(refusal)
        else:
            if not request.htmx:
                messages.success(request, _("%(name)s was added.") % {"name": evidence.original_name})
                return _back(assessment, indicator)
    if request.htmx:
        return _fragment(request, assessment, indicator, error=error)
    messages.error(request, error)
    return _back(assessment, indicator)


@require_GET
@login_required
def download(request, public_id):
    evidence = _evidence_of(request, public_id)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(evidence.original_name, evidence.content_type),
        content_type=evidence.content_type,
    )
    # The type was checked on upload; the browser must not guess another one.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def delete(request, public_id):
    evidence = _evidence_of(request, public_id)
    assessment, indicator, name = evidence.assessment, evidence.indicator, evidence.original_name
    try:
        answers.evidence_delete(evidence=evidence, by=request.user)
    except transitions.TransitionNotAllowed as refusal:
        if request.htmx:
            return _fragment(request, assessment, indicator, error=str(refusal), status=409)
        messages.error(request, str(refusal))
        return _back(assessment, indicator)
    if request.htmx:
        return _fragment(request, assessment, indicator)
    messages.success(request, _("%(name)s was deleted.") % {"name": name})
    return _back(assessment, indicator)
