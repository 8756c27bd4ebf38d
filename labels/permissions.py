"""Who may do what with an assessment. Views, API views and transitions all ask these.

Each predicate answers for the person only; whether the assessment's state allows the action
is checked by the transition (a 409 rather than a 403)."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from accounts.choices import MembershipRole
from accounts.permissions import membership_role

from .conflicts import conflict_of_interest, conflicts_of_interest
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


def decide_refusals(user, assessments: Iterable[Assessment]) -> dict[int, str | None]:
    """For each assessment (by id), why the user may not decide on it, or None when they may.

    Board members decide, but never on an assessment they assessed, and never with a conflict of
    interest with the organisation (the assessors' rules, labels/conflicts.py). Two queries for
    any number of assessments, so the board's queue can ask about every row."""
    assessments = list(assessments)
    if not (user.is_authenticated and user.is_board_member):
        return {a.pk: _("Only members of the label board decide on an assessment.") for a in assessments}
    conflicts = conflicts_of_interest(user, {a.organisation_id: a.organisation for a in assessments}.values())
    refusals = {}
    for assessment in assessments:
        if is_assigned_assessor(user, assessment):
            refusals[assessment.pk] = _("You assessed this application, so you do not decide on it.")
        elif assessment.organisation_id in conflicts:
            refusals[assessment.pk] = _("You have a conflict of interest: %(reason)s") % {
                "reason": conflicts[assessment.organisation_id]
            }
        else:
            refusals[assessment.pk] = None
    return refusals


def decide_refusal(user, assessment: Assessment) -> str | None:
    """Why the user may not decide on the assessment, or None when they may."""
    return decide_refusals(user, [assessment])[assessment.pk]


def can_decide(user, assessment: Assessment) -> bool:
    """Board members without a conflict who did not assess it decide (see decide_refusals)."""
    return decide_refusal(user, assessment) is None


def can_see_review(user, assessment: Assessment) -> bool:
    """Assessors' working notes are for assessors, the board and staff until the decision."""
    return user.is_authenticated and (user.is_staff or user.is_board_member or is_assigned_assessor(user, assessment))


def can_see_review_results(user, assessment: Assessment) -> bool:
    """Verified values, assessors' comments and recommendations: for the assessors' side, and for
    everyone who may see the assessment once the board has decided."""
    return assessment.status in AssessmentStatus.decided() or can_see_review(user, assessment)


def can_see_recommendation(user, assessment: Assessment, assignment) -> bool:
    """An assessor's recommended level and summary. The assessors' side sees them, except that
    while not every assessor has recommended, an assessor sees only their own: two Gold assessors
    judge independently."""
    if not can_see_review_results(user, assessment):
        return False
    if assignment.assessor_id == user.pk or not is_assigned_assessor(user, assessment):
        return True
    return all(a.recommended_level for a in assessment.assignments.all())


# --- awarded labels ----------------------------------------------------------------------------


def label_change_refusal(user, label) -> str | None:
    """Why the user may not suspend, reinstate or revoke the label, or None when they may: board
    members without a conflict of interest with the organisation (labels/conflicts.py)."""
    if not (user.is_authenticated and user.is_board_member):
        return _("Only members of the label board suspend, reinstate or revoke a label.")
    conflict = conflict_of_interest(user, label.organisation)
    if conflict:
        return _("You have a conflict of interest: %(reason)s") % {"reason": conflict}
    return None


def can_change_label(user, label) -> bool:
    return label_change_refusal(user, label) is None


def can_download_certificate(user, label) -> bool:
    """The organisation's members and staff download the certificate."""
    return user.is_authenticated and (user.is_staff or membership_role(user, label.organisation) is not None)


def can_get_assessment_report(user, assessment: Assessment) -> bool:
    """The organisation's members and staff create and download the assessment report PDF."""
    return user.is_authenticated and (user.is_staff or membership_role(user, assessment.organisation) is not None)


def can_watch_report_job(user, job) -> bool:
    """The report's rendering job (and its download link): whoever may get the report."""
    assessment = Assessment.objects.visible_to(user).select_related("organisation").filter(pk=job.object_id).first()
    return assessment is not None and can_get_assessment_report(user, assessment)
