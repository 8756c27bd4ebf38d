"""Who may do what with an assessment. Views, API views and transitions all ask these.

Each predicate answers for the person only; whether the assessment's state allows the action
is checked by the transition (a 409 rather than a 403)."""

from accounts.choices import MembershipRole
from accounts.permissions import membership_role

from .models import Assessment, AssessmentStatus


def can_apply(user, organisation) -> bool:
    """Owners and editors start applications for their organisation."""
    return membership_role(user, organisation) in (MembershipRole.OWNER, MembershipRole.EDITOR)


def can_edit_answers(user, assessment: Assessment) -> bool:
    return can_apply(user, assessment.organisation)


can_submit = can_edit_answers


def can_withdraw(user, assessment: Assessment) -> bool:
    return membership_role(user, assessment.organisation) == MembershipRole.OWNER


def can_assign(user) -> bool:
    return user.is_authenticated and user.is_staff


def is_assigned_assessor(user, assessment: Assessment) -> bool:
    if not (user.is_authenticated and user.is_assessor):
        return False
    return any(a.assessor_id == user.pk for a in assessment.assignments.all())


can_review = is_assigned_assessor


def can_decide(user, assessment: Assessment) -> bool:
    """Board members decide, but never on an assessment they assessed themselves."""
    return user.is_authenticated and user.is_board_member and not is_assigned_assessor(user, assessment)


def can_see_review(user, assessment: Assessment) -> bool:
    """Assessors' working notes are for assessors, the board and staff until the decision."""
    return user.is_authenticated and (user.is_staff or user.is_board_member or is_assigned_assessor(user, assessment))


def can_see_review_results(user, assessment: Assessment) -> bool:
    """Verified values, assessors' comments and recommendations: for the assessors' side, and for
    everyone who may see the assessment once the board has decided."""
    return assessment.status in AssessmentStatus.decided() or can_see_review(user, assessment)
