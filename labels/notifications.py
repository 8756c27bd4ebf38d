"""Who hears of which assessment event, by e-mail rendered from templates/labels/email/."""

from django.contrib.auth import get_user_model

from accounts.choices import MembershipRole
from clusterexcellence.emails import send_templated_email

from .models import Assessment


def _organisation_editors(assessment: Assessment) -> list[str]:
    return list(
        assessment.organisation.memberships.active()
        .filter(role__in=[MembershipRole.OWNER, MembershipRole.EDITOR])
        .values_list("user__email", flat=True)
    )


def _assessors(assessment: Assessment) -> list[str]:
    return [a.assessor.email for a in assessment.assignments.select_related("assessor")]


def _staff() -> list[str]:
    return list(get_user_model().objects.filter(is_staff=True, is_active=True).values_list("email", flat=True))


def _board(assessment: Assessment) -> list[str]:
    assessors = {a.assessor_id for a in assessment.assignments.all()}
    return [
        email
        for pk, email in get_user_model()
        .objects.filter(is_board_member=True, is_active=True)
        .values_list("pk", "email")
        if pk not in assessors
    ]


RECIPIENTS = {
    "submitted": lambda a: _staff() + _organisation_editors(a),
    "assigned": lambda a: _assessors(a) + _organisation_editors(a),
    "clarification": _organisation_editors,
    "resubmitted": _assessors,
    "recommended": lambda a: _board(a) + _organisation_editors(a),
    "decided": lambda a: _organisation_editors(a) + _assessors(a),
}


def notify_event(event: str, assessment_id: int) -> None:
    assessment = Assessment.objects.select_related("organisation", "framework").get(pk=assessment_id)
    clarification = assessment.clarifications.first() if event == "clarification" else None
    for email in sorted(set(RECIPIENTS[event](assessment))):
        send_templated_email(
            f"labels/email/{event}", to=[email], context={"assessment": assessment, "clarification": clarification}
        )
