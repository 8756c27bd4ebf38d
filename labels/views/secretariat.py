"""The secretariat's pages: the queue of assessments and failed jobs, and assigning assessors."""

from celery import current_app
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Membership, User
from clusterexcellence.jobs import job_send_again
from clusterexcellence.models import Job, JobStatus

from .. import transitions
from ..conflicts import assessor_conflict
from ..models import Assessment, AssessmentStatus, AssessorAssignment
from ..permissions import can_assign
from ..review_forms import AssignForm, assessor_candidates
from .access import assessment_for

Status = AssessmentStatus
FAILED_JOBS_SHOWN = 50


def _require_staff(user) -> None:
    # The secretariat's pages and actions are for the people who may assign assessors: staff.
    if not can_assign(user):
        raise PermissionDenied(_("Only the secretariat can open this page."))


def _with_assessors(queryset):
    return queryset.select_related("organisation", "framework").prefetch_related(
        Prefetch("assignments", queryset=AssessorAssignment.objects.select_related("assessor"))
    )


@login_required
def queue(request):
    """Submitted assessments waiting for assessors, those under way, and failed or stalled background jobs."""
    _require_staff(request.user)
    waiting = Assessment.objects.filter(status=Status.SUBMITTED).select_related("organisation", "framework")
    under_way = _with_assessors(
        Assessment.objects.filter(status__in=[Status.IN_REVIEW, Status.CLARIFICATION, Status.RECOMMENDED])
    )
    stalled = Job.objects.stalled()
    failed_jobs = (
        Job.objects.filter(Q(status=JobStatus.FAILED) | Q(pk__in=stalled.values("pk")))
        .select_related("content_type", "created_by")
        # The targets' names need their organisation: one query per kind of target, not per job.
        .prefetch_related(GenericPrefetch("target", [Assessment.objects.select_related("organisation")]))
        .order_by("-status", "-finished_at", "-pk")[:FAILED_JOBS_SHOWN]
    )
    return render(
        request,
        "labels/secretariat_queue.html",
        {
            "waiting": list(waiting.order_by("submitted_at", "pk")),
            "under_way": list(under_way.order_by("submitted_at", "pk")),
            "failed_jobs": list(failed_jobs),
            "failed_jobs_shown": FAILED_JOBS_SHOWN,
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


def _candidate_rows(candidates, organisation, chosen: set[str]) -> list[dict]:
    conflicts = _conflicts(candidates, organisation)
    rows = []
    for person in candidates:
        profile = getattr(person, "assessor_profile", None)
        rows.append(
            {
                "person": person,
                "languages": ", ".join(profile.languages or []) if profile else "",
                "countries": ", ".join(country.name for country in profile.countries) if profile else "",
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
    candidates = list(assessor_candidates())
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
                return redirect("labels:secretariat_queue")
    chosen = set(request.POST.getlist("assessors")) if request.method == "POST" else set()
    return render(
        request,
        "labels/assign.html",
        {
            "assessment": assessment,
            "form": form,
            "rows": _candidate_rows(candidates, assessment.organisation, chosen),
            "can_assign_now": assessment.status == Status.SUBMITTED,
            "assignments": list(assessment.assignments.all()),
        },
        status=status,
    )


@require_POST
@login_required
def job_retry(request, public_id):
    """Send a failed or stalled background job again (the secretariat's repair button)."""
    _require_staff(request.user)
    job = get_object_or_404(Job, public_id=public_id)
    if job.status != JobStatus.FAILED and not job.is_stalled:
        messages.info(request, _("This job is no longer failed or stalled; nothing was retried."))
    elif job.kind not in current_app.tasks:
        # A job of a task that no longer exists cannot run again; say so rather than fail.
        messages.error(request, _("The portal no longer knows this kind of job, so it cannot be retried."))
    elif job_send_again(job):
        messages.success(request, _("The job was sent again."))
    else:
        messages.info(request, _("This job is no longer failed or stalled; nothing was retried."))
    return redirect("labels:secretariat_queue")
