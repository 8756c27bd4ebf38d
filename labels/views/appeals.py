"""Appeals: the owner's form (from the application or the label page), the board's queue and the
appeal's page with the decision form, and the download of an appeal's documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from clusterexcellence.actions import attempt

from .. import appeals
from ..appeal_forms import AppealDecisionForm, AppealForm
from ..evidence import download_name
from ..models import Appeal, AppealDocument, AppealStatus, Assessment, Label

RECENT_APPEALS = 20


def _appeals():
    return Appeal.objects.select_related("assessment__organisation", "label", "filed_by", "decided_by")


def _file_page(request, *, subject, assessment=None, label=None):
    """The appeal form against the decision `subject` (an assessment or a label) is under."""
    organisation = subject.organisation
    if not appeals.can_appeal(request.user, organisation):
        raise PermissionDenied(appeals.ONLY_OWNERS)
    contested = appeals.contested_decision(assessment=assessment, label=label)
    refusal = appeals.appeal_state_refusal(contested)
    form = AppealForm(request.POST or None, request.FILES or None)
    status = 200 if refusal is None else 409
    if request.method == "POST" and refusal is None:
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            appeal, status = attempt(
                form,
                lambda: appeals.appeal_file(
                    assessment=assessment, label=label, reason=data["reason"], documents=data["documents"],
                    by=request.user,
                ),
            )  # fmt: skip
            if appeal is not None:
                messages.success(request, _("Your appeal is filed. The label board will tell you its decision."))
                return redirect(appeal)
    context = {"form": form, "subject": subject, "contested": contested, "refusal": refusal}
    return render(request, "labels/appeals/file.html", context, status=status)


@login_required
def appeal_rejection(request, public_id):
    """The owner appeals the rejection of an application."""
    assessment = get_object_or_404(
        Assessment.objects.visible_to(request.user).select_related("organisation"), public_id=public_id
    )
    return _file_page(request, subject=assessment, assessment=assessment)


@login_required
def appeal_label(request, public_id):
    """The owner appeals the suspension or revocation of a label."""
    label = get_object_or_404(
        Label.objects.visible_to(request.user).select_related("organisation", "assessment"), public_id=public_id
    )
    return _file_page(request, subject=label, label=label)


@login_required
def queue(request):
    """The board's appeals: pending ones (with whether this member may decide) and the latest decided."""
    user = request.user
    if not user.is_board_member:
        raise PermissionDenied(_("The appeals are for members of the label board."))
    pending = list(_appeals().filter(status=AppealStatus.PENDING).order_by("filed_at", "pk"))
    refusals = appeals.appeal_decide_refusals(user, pending)
    for appeal in pending:
        appeal.decide_refusal = refusals[appeal.pk]
    decided = list(_appeals().exclude(status=AppealStatus.PENDING).order_by("-decided_at", "-pk")[:RECENT_APPEALS])
    return render(request, "labels/appeals/queue.html", {"pending": pending, "decided": decided})


@login_required
def appeal_detail(request, public_id):
    """The appeal with its documents and history; the board member who may decide records it here."""
    appeal = get_object_or_404(_appeals().visible_to(request.user), public_id=public_id)
    refusal = appeals.appeal_decide_refusal(request.user, appeal) if request.user.is_board_member else None
    may_decide = request.user.is_board_member and refusal is None and appeal.status == AppealStatus.PENDING
    form = AppealDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_board_member or refusal:
            raise PermissionDenied(refusal or _("Only members of the label board decide on appeals."))
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            decided, status = attempt(
                form,
                lambda: appeals.appeal_decide(
                    appeal=appeal, uphold=data["decision"], reason=data["reason"], by=request.user
                ),
            )
            if decided is not None:
                messages.success(request, _("The decision on the appeal is recorded."))
                return redirect(decided)
        may_decide = True
    context = {
        "appeal": appeal,
        "documents": list(appeal.documents.all()),
        "history": list(appeal.history.select_related("actor")),
        "form": form,
        "may_decide": may_decide,
        "board_refusal": refusal,
    }
    return render(request, "labels/appeals/detail.html", context, status=status)


@require_GET
@login_required
def document_download(request, public_id):
    """An appeal's document, for whoever may see the appeal."""
    document = get_object_or_404(
        AppealDocument.objects.filter(appeal__in=Appeal.objects.visible_to(request.user)), public_id=public_id
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(document.original_name, document.content_type),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
