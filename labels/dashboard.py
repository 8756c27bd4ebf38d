"""The labels app's dashboard sections: open applications, and the waiting work of each role."""

from django.utils import timezone

from accounts.permissions import belongs_to_an_organisation

from .models import Assessment, AssessmentStatus, AssessorAssignment, Label, LabelStatus
from .permissions import can_download_certificate

OPEN_APPLICATIONS_SHOWN = 10


def applications_load(request) -> dict | None:
    """The open label applications of the user's organisations, newest first."""
    user = request.user
    if not belongs_to_an_organisation(user):
        return None
    applications = Assessment.objects.filter(
        organisation__memberships__user=user,
        organisation__memberships__left_at__isnull=True,
        status__in=AssessmentStatus.open(),
    ).select_related("organisation")[:OPEN_APPLICATIONS_SHOWN]
    # The labels the organisations hold now (valid or suspended, not expired), with their validity.
    labels = (
        Label.objects.of_members(user)
        .exclude(status=LabelStatus.REVOKED)
        .filter(valid_until__gte=timezone.localdate())
        .select_related("organisation")
        .order_by("organisation__name", "-valid_until")[:OPEN_APPLICATIONS_SHOWN]
    )
    return {"applications": list(applications), "labels": list(labels)}


def assessor_load(request) -> dict:
    """Assignments in review that still wait for this assessor's recommendation."""
    waiting = AssessorAssignment.objects.filter(
        assessor=request.user, assessment__status=AssessmentStatus.IN_REVIEW, recommended_level=""
    ).count()
    return {"waiting": waiting}


def board_load(request) -> dict:
    """Recommendations this board member may decide (never on one they assessed)."""
    waiting = (
        Assessment.objects.filter(status=AssessmentStatus.RECOMMENDED)
        .exclude(assignments__assessor=request.user)
        .count()
    )
    return {"waiting": waiting}


def staff_load(request) -> dict:
    """Submitted assessments waiting for assessors (failed jobs are the platform's own section)."""
    return {"submitted": Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count()}


def organisation_labels_load(request, organisation) -> dict | None:
    """The organisation page's panel: every label it was awarded, newest first, with its state."""
    labels = list(Label.objects.filter(organisation=organisation).order_by("-valid_from", "-pk"))
    if not labels:
        return None
    return {"labels": labels, "may_download": can_download_certificate(request.user, labels[0])}
