"""The secretariat's pages: the queue of assessments and assigning assessors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from clusterexcellence.page_cache import cached_page

from .. import transitions
from ..assessor_choice import is_national, language_names, national_rule, with_open_assignments
from ..conflicts import assessor_conflict
from ..models import Assessment, AssessmentStatus, AssessorAssignment
from ..permissions import can_assign
from ..review_forms import AssignForm, assessor_candidates
from .access import assessment_for

Status = AssessmentStatus


def _require_staff(user) -> None:
    # The secretariat's pages and actions are for the people who may assign assessors: staff.
    if not can_assign(user):
        raise PermissionDenied(_("Only the secretariat can open this page."))


def _with_assessors(queryset):
    return queryset.select_related("organisation", "framework").prefetch_related(
        Prefetch("assignments", queryset=AssessorAssignment.objects.select_related("assessor"))
    )


@login_required
@cached_page
def queue(request):
    """Submitted assessments waiting for assessors, and those under way."""
    _require_staff(request.user)
    waiting = Assessment.objects.filter(status=Status.SUBMITTED).select_related("organisation", "framework")
    under_way = _with_assessors(
        Assessment.objects.filter(status__in=[Status.IN_REVIEW, Status.CLARIFICATION, Status.RECOMMENDED])
    )
    return render(
        request,
        "labels/secretariat_queue.html",
        {
            "waiting": list(waiting.order_by("submitted_at", "pk")),
            "under_way": list(under_way.order_by("submitted_at", "pk")),
        },
    )


def _conflicts(candidates, organisation) -> dict[int, str]:
    """Conflict reasons by assessor id, asking assessor_conflict only about the few people who ever
    belonged to the organisation or declared a conflict with it, so the page stays a few queries."""
    suspects = set(Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True))
    suspects |= set(
        User.declared_conflicts.through.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    reasons = {}
    for person in candidates:
        if person.pk in suspects and (reason := assessor_conflict(person, organisation)):
            reasons[person.pk] = reason
    return reasons


def _candidate_rows(candidates, organisation, conflicts: dict[int, str], chosen: set[str]) -> list[dict]:
    rows = []
    for person in candidates:
        profile = getattr(person, "assessor_profile", None)
        rows.append(
            {
                "person": person,
                "languages": ", ".join(language_names(profile.languages)) if profile else "",
                "countries": ", ".join(country.name for country in profile.countries) if profile else "",
                "national": is_national(person, organisation),
                "workload": person.open_assignments,
                "conflict": conflicts.get(person.pk),
                "checked": str(person.pk) in chosen,
            }
        )
    return rows


@login_required
def assign(request, public_id):
    """Choose the level's number of assessors; a conflict of interest is refused with its reason."""
    assessment = assessment_for(request, public_id)
    _require_staff(request.user)
    candidates = list(with_open_assignments(assessor_candidates()))
    form = AssignForm(request.POST if request.method == "POST" else None, candidates=assessor_candidates())
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                transitions.assessment_assign(
                    assessment=assessment, assessors=list(form.cleaned_data["assessors"]), by=request.user
                )
            except transitions.TransitionNotAllowed as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form.add_error("assessors", error)
            else:
                messages.success(
                    request,
                    _("Assessors assigned to %(organisation)s; the review is open.")
                    % {"organisation": assessment.organisation},
                )
                # "Assign and open the review": the review is where the work goes on.
                return redirect("labels:review", public_id=assessment.public_id)
    chosen = set(request.POST.getlist("assessors")) if request.method == "POST" else set()
    conflicts = _conflicts(candidates, assessment.organisation)
    return render(
        request,
        "labels/assign.html",
        {
            "assessment": assessment,
            "form": form,
            "rows": _candidate_rows(candidates, assessment.organisation, conflicts, chosen),
            "national_rule": national_rule(assessment, candidates, conflicts),
            "can_assign_now": assessment.status == Status.SUBMITTED,
            "assignments": list(assessment.assignments.all()),
        },
        status=status,
    )
