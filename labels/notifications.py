"""Who hears of which assessment event; sent through clusterexcellence.notifications with the
e-mail templates in templates/labels/email/."""

from django.contrib.auth import get_user_model

from accounts.choices import MembershipRole
from accounts.models import User
from clusterexcellence.notifications import notify, register_notification

from .models import Assessment, AssessmentEvent

EVENTS = ("submitted", "assigned", "clarification", "resubmitted", "recommended", "decided")


def register() -> None:
    for event in EVENTS:
        register_notification(f"labels.{event}", template=f"labels/email/{event}")


def _organisation_editors(assessment: Assessment) -> list[User]:
    return [
        membership.user
        for membership in assessment.organisation.memberships.active()
        .filter(role__in=[MembershipRole.OWNER, MembershipRole.EDITOR])
        .select_related("user")
    ]


def _assessors(assessment: Assessment) -> list[User]:
    return [a.assessor for a in assessment.assignments.select_related("assessor")]


def _staff() -> list[User]:
    return list(get_user_model().objects.filter(is_staff=True, is_active=True))


def _board(assessment: Assessment) -> list[User]:
    assessors = {a.assessor_id for a in assessment.assignments.all()}
    return [u for u in get_user_model().objects.filter(is_board_member=True, is_active=True) if u.pk not in assessors]


RECIPIENTS = {
    "submitted": lambda a: _staff() + _organisation_editors(a),
    "assigned": lambda a: _assessors(a) + _organisation_editors(a),
    "clarification": _organisation_editors,
    "resubmitted": _assessors,
    "recommended": lambda a: _board(a) + _organisation_editors(a),
    "decided": lambda a: _organisation_editors(a) + _assessors(a),
}


def assessment_notify(event: str, assessment: Assessment, *, history: AssessmentEvent) -> None:
    """Tell the people concerned by a transition, once per history row."""
    notify(f"labels.{event}", target=assessment, recipients=RECIPIENTS[event](assessment), key=str(history.pk))
