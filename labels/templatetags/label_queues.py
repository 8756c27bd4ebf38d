"""Counts of waiting label work for the labels app's dashboard sections (one query each)."""

from django import template

from clusterexcellence.models import Job, JobStatus

from ..models import Assessment, AssessmentStatus, AssessorAssignment

register = template.Library()


@register.simple_tag
def assessor_waiting(user) -> int:
    """Assignments in review that still wait for this assessor's recommendation."""
    return AssessorAssignment.objects.filter(
        assessor=user, assessment__status=AssessmentStatus.IN_REVIEW, recommended_level=""
    ).count()


@register.simple_tag
def board_waiting(user) -> int:
    """Recommendations this board member may decide (never on one they assessed)."""
    return Assessment.objects.filter(status=AssessmentStatus.RECOMMENDED).exclude(assignments__assessor=user).count()


@register.simple_tag
def secretariat_waiting() -> dict:
    """Submitted assessments waiting for assessors, and failed background jobs."""
    return {
        "submitted": Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count(),
        "failed_jobs": (Job.objects.filter(status=JobStatus.FAILED) | Job.objects.stalled()).count(),
    }


@register.simple_tag
def open_applications(user) -> list:
    """The open label applications of the user's organisations, newest first."""
    return list(
        Assessment.objects.filter(
            organisation__memberships__user=user,
            organisation__memberships__left_at__isnull=True,
            status__in=AssessmentStatus.open(),
        ).select_related("organisation")[:10]
    )
