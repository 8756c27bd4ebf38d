"""Awarded labels: the label's own page (members, board, staff), the certificate download, the
board's suspension, reinstatement and revocation, and the public verification page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterexcellence.actions import attempt_action
from clusterexcellence.jobs import job_enqueue, job_latest
from clusterexcellence.models import JobStatus
from clusterexcellence.page_cache import cached_page

from .. import label_records, permissions
from ..label_forms import LabelReasonForm
from ..models import Label, LabelState
from ..tasks import render_certificate


def _label_for(request, public_id) -> Label:
    """The label if the signed-in user may open its page, else 404."""
    queryset = Label.objects.visible_to(request.user).select_related("organisation", "assessment", "renews")
    return get_object_or_404(queryset, public_id=public_id)


def certificate_job(label: Label):
    return job_latest(label, kind=render_certificate.name)


@login_required
@cached_page
def label_detail(request, public_id):
    """The label with its validity, certificate, history and (for the board) its lifecycle forms."""
    label = _label_for(request, public_id)
    user = request.user
    state = label.state
    refusal = permissions.label_change_refusal(user, label)
    context = {
        "label": label,
        "state": state,
        "history": list(label.history.select_related("actor")),
        "may_download": permissions.can_download_certificate(user, label),
        "job": certificate_job(label),
        "board_refusal": refusal if user.is_board_member else None,
        "may_suspend": refusal is None and state == LabelState.VALID,
        "may_reinstate": refusal is None and state == LabelState.SUSPENDED,
        "may_revoke": refusal is None and state in (LabelState.VALID, LabelState.SUSPENDED),
        "form": LabelReasonForm(),
    }
    return render(request, "labels/label_detail.html", context)


def certificate_download(request, public_id):
    """The certificate PDF, for the organisation's members and staff."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    label = get_object_or_404(Label.objects.select_related("organisation"), public_id=public_id)
    if not permissions.can_download_certificate(request.user, label):
        raise PermissionDenied(_("Only the organisation's members and the secretariat download the certificate."))
    if not label.certificate or not default_storage.exists(label.certificate.name):
        job = certificate_job(label)
        if job is None or job.status not in (JobStatus.PENDING, JobStatus.RUNNING):
            job_enqueue(render_certificate, target=label, by=request.user)
        messages.info(request, _("The certificate is being prepared. Download it in a moment."))
        return redirect(label)
    response = FileResponse(
        default_storage.open(label.certificate.name, "rb"),
        as_attachment=True,
        filename=f"{label.certificate_number}.pdf",
        content_type="application/pdf",
    )
    return response


def _board_action(request, public_id, change, done: str):
    label = _label_for(request, public_id)
    refusal = permissions.label_change_refusal(request.user, label)
    if refusal:
        raise PermissionDenied(refusal)
    form = LabelReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return redirect(label)
    _result, ok = attempt_action(
        request, lambda: change(label=label, reason=form.cleaned_data["reason"], by=request.user)
    )
    if ok:
        messages.success(request, done)
    return redirect(label)


@require_POST
@login_required
def label_suspend(request, public_id):
    return _board_action(request, public_id, label_records.label_suspend, _("The label is suspended."))


@require_POST
@login_required
def label_reinstate(request, public_id):
    return _board_action(request, public_id, label_records.label_reinstate, _("The label is valid again."))


@require_POST
@login_required
def label_revoke(request, public_id):
    return _board_action(request, public_id, label_records.label_revoke, _("The label is revoked."))


@cached_page
def label_verify(request, public_id):
    """Public: whether the label is valid, suspended, expired or revoked, for whom, until when."""
    label = get_object_or_404(Label.objects.select_related("organisation"), public_id=public_id)
    state = label.state
    return render(
        request,
        "labels/label_verify.html",
        {"label": label, "state": state, "absolute_url": request.build_absolute_uri(label.get_verification_url())},
    )
