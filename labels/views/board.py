"""The label board's pages: the queue of recommendations and the decision on one of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clusterexcellence.page_cache import cached_page

from .. import transitions
from ..models import Assessment, AssessmentStatus, AssessorAssignment
from ..permissions import decide_refusal, decide_refusals
from ..review_forms import DecideForm
from .access import assessment_for
from .review import level_guidance

Status = AssessmentStatus
RECENT_DECISIONS = 20


@login_required
@cached_page
def queue(request):
    """Recommendations waiting for the board (disagreements flagged), and the latest decisions."""
    user = request.user
    if not user.is_board_member:
        raise PermissionDenied(_("The queue is for members of the label board."))
    visible = Assessment.objects.visible_to(user).select_related("organisation", "framework")
    pending = list(
        visible.filter(status=Status.RECOMMENDED)
        .prefetch_related(Prefetch("assignments", queryset=AssessorAssignment.objects.select_related("assessor")))
        .order_by("updated_at", "pk")
    )
    # A board member never decides on an assessment they assessed or have a conflict of interest with.
    refusals = decide_refusals(user, pending)
    for assessment in pending:
        assessment.decide_refusal = refusals[assessment.pk]
    decided = list(
        visible.filter(status__in=Status.decided())
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")[:RECENT_DECISIONS]
    )
    return render(request, "labels/board_queue.html", {"pending": pending, "decided": decided})


@login_required
@cached_page
def decide(request, public_id):
    """Both assessors' views side by side, the verified score explained, and the board's decision."""
    assessment = assessment_for(request, public_id)
    refusal = decide_refusal(request.user, assessment)
    if refusal:
        raise PermissionDenied(refusal)
    assignments = list(assessment.assignments.all())
    recommended_levels = {a.recommended_level for a in assignments}
    form = DecideForm(
        request.POST if request.method == "POST" else None,
        recommended_levels=recommended_levels,
        disagree=assessment.recommendations_disagree,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                decided = transitions.assessment_decide(
                    assessment=assessment,
                    approve=data["decision"],
                    reason=data["reason"],
                    level=data.get("level") or None,
                    by=request.user,
                )
            except transitions.TransitionNotAllowed as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if decided.status == Status.APPROVED:
                    message = _("Approved: %(organisation)s is awarded %(level)s.") % {
                        "organisation": assessment.organisation,
                        "level": decided.get_awarded_level_display(),
                    }
                else:
                    message = _("Rejected: %(organisation)s was told the reason.") % {
                        "organisation": assessment.organisation
                    }
                messages.success(request, message)
                return redirect("labels:board_queue")
    # The guidance checks the level the assessors agreed on, else the one applied for.
    agreed = transitions.agreed_recommendation(assessment)
    guidance_level = agreed if agreed and agreed != "none" else assessment.level
    return render(
        request,
        "labels/decide.html",
        {
            "assessment": assessment,
            "form": form,
            "assignments": assignments,
            "can_decide_now": assessment.status == Status.RECOMMENDED,
            "guidance_level": guidance_level,
            **level_guidance(assessment, guidance_level),
        },
        status=status,
    )
