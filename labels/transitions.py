"""Every change of an assessment's state, one function each.

A transition locks the row, checks the current state (TransitionNotAllowed → 409) and the actor
(PermissionDenied → 403), writes the history row, and schedules e-mails and background work with
transaction.on_commit. Nothing else writes Assessment.status."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from clusterexcellence.errors import StateConflict
from clusterexcellence.jobs import job_enqueue

from . import permissions
from .assessment_scores import answered_codes, review_rating_store
from .choices import Level
from .conflicts import assessor_conflict
from .eligibility import application_refusal
from .label_records import label_issue
from .level_rules import level_check, level_refusal
from .models import (
    Answer,
    Assessment,
    AssessmentEvent,
    AssessmentStatus,
    AssessorAssignment,
    ClarificationRequest,
    Framework,
    Indicator,
    Recommendation,
    Review,
)
from .notifications import assessment_notify
from .verification import verification_progress, verification_refusal

Status = AssessmentStatus


class TransitionNotAllowed(StateConflict):
    """The assessment's state (not the person) forbids the action; shown to the user."""


class LevelNotMet(TransitionNotAllowed):
    """The verified values do not meet the level asked for; `reasons` lists every unmet rule."""

    def __init__(self, message: str, reasons: Iterable[str]):
        self.reasons = tuple(reasons)
        super().__init__(message, unmet=list(self.reasons))


def _require_level(assessment: Assessment, level: str) -> None:
    """Refuse a level the verified values do not support (level_rules.level_check decides)."""
    outcome = level_check(assessment, level)
    if not outcome.met:
        raise LevelNotMet(level_refusal(outcome), outcome.reasons)


def _require_verified(assessment: Assessment) -> None:
    refusal = verification_refusal(verification_progress(assessment))
    if refusal:
        raise TransitionNotAllowed(refusal)


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().select_related("framework", "organisation").get(pk=assessment.pk)


def _require_state(assessment: Assessment, *allowed: str) -> None:
    if assessment.status not in allowed:
        raise TransitionNotAllowed(
            _("This is not possible while the assessment is %(status)s.")
            % {"status": assessment.get_status_display().lower()}
        )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You are not allowed to do this."))


def _move(assessment: Assessment, to: str, *, by: User, note: str = "", notify: str = "") -> None:
    """Change the state, write the history row and, with `notify`, tell the people concerned."""
    history = AssessmentEvent.objects.create(
        assessment=assessment, actor=by, from_status=assessment.status, to_status=to, note=note
    )
    assessment.status = to
    assessment.save()
    if notify:
        assessment_notify(notify, assessment, history=history)


def _score_provisionally(assessment: Assessment, by: User) -> None:
    from .tasks import score_assessment

    job_enqueue(score_assessment, target=assessment, by=by)


@transaction.atomic
def assessment_start(*, organisation: Organisation, level: str, renewal: bool = False, by: User) -> Assessment:
    """Open a draft application for a label level."""
    _require(permissions.can_apply(by, organisation))
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one application at a time
    framework = Framework.objects.current()
    refusal = application_refusal(organisation, level, renewal=renewal, framework=framework)
    if refusal:
        raise TransitionNotAllowed(refusal)
    assessment = Assessment.objects.create(
        organisation=organisation, framework=framework, level=level, renewal=renewal, created_by=by
    )
    AssessmentEvent.objects.create(assessment=assessment, actor=by, from_status="", to_status=Status.DRAFT)
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by: User) -> Assessment:
    """Freeze the answers and score them provisionally in the background."""
    assessment = _lock(assessment)
    _require(permissions.can_submit(by, assessment))
    _require_state(assessment, Status.DRAFT)
    missing = submission_gaps(assessment)
    if missing:
        raise TransitionNotAllowed(" ".join(missing))
    assessment.submitted_at = timezone.now()
    _move(assessment, Status.SUBMITTED, by=by, notify="submitted")
    _score_provisionally(assessment, by)
    return assessment


def submission_gaps(assessment: Assessment) -> list[str]:
    """What still stands between a draft and its submission, as sentences for the user."""
    gaps = []
    codes = answered_codes(assessment)
    unanswered = [i.code for i in assessment.framework.indicators.all() if i.code not in codes]
    if unanswered:
        gaps.append(_("Answer every indicator first; still open: %(codes)s.") % {"codes": ", ".join(unanswered)})
    required_areas = int(assessment.level_rules.get("improvement_areas", 0)) if assessment.level == Level.SILVER else 0
    if required_areas and assessment.improvement_areas.count() < required_areas:
        gaps.append(_("Describe %(count)s improvement areas.") % {"count": required_areas})
    return gaps


@transaction.atomic
def assessment_withdraw(*, assessment: Assessment, by: User) -> Assessment:
    assessment = _lock(assessment)
    _require(permissions.can_withdraw(by, assessment))
    _require_state(assessment, Status.DRAFT, Status.SUBMITTED)
    _move(assessment, Status.WITHDRAWN, by=by)
    return assessment


@transaction.atomic
def assessment_assign(*, assessment: Assessment, assessors: Iterable[User], by: User) -> Assessment:
    """Assign the level's number of assessors, none in conflict, and open the review."""
    assessment = _lock(assessment)
    _require(permissions.can_assign(by))
    _require_state(assessment, Status.SUBMITTED)
    assessors = list({a.pk: a for a in assessors}.values())
    if len(assessors) != assessment.required_assessors:
        raise ValidationError(
            _("A %(level)s assessment needs exactly %(count)s assessor(s).")
            % {"level": assessment.get_level_display(), "count": assessment.required_assessors}
        )
    conflicts = [reason for a in assessors if (reason := assessor_conflict(a, assessment.organisation))]
    if conflicts:
        raise ValidationError(conflicts)
    AssessorAssignment.objects.bulk_create(
        AssessorAssignment(assessment=assessment, assessor=a, assigned_by=by) for a in assessors
    )
    # The verified value starts as the declared one; assessors correct where needed.
    Review.objects.bulk_create(
        Review(assessment=assessment, indicator_id=answer.indicator_id, verified_value=answer.value)
        for answer in assessment.answers.all()
    )
    review_rating_store(assessment)
    note = ", ".join(str(a) for a in assessors)
    _move(assessment, Status.IN_REVIEW, by=by, note=note, notify="assigned")
    return assessment


@transaction.atomic
def clarification_request(
    *, assessment: Assessment, indicators: Iterable[Indicator], message: str, by: User
) -> ClarificationRequest:
    """Send the assessment back to the organisation for the named indicators only."""
    assessment = _lock(assessment)
    _require(permissions.can_review(by, assessment))
    _require_state(assessment, Status.IN_REVIEW)
    indicators = list(indicators)
    if not indicators or not message.strip():
        raise ValidationError(_("Name at least one indicator and write a message."))
    if any(i.framework_id != assessment.framework_id for i in indicators):
        raise ValidationError(_("Those indicators do not belong to this assessment's catalogue."))
    request = ClarificationRequest.objects.create(assessment=assessment, message=message.strip(), requested_by=by)
    request.indicators.set(indicators)
    codes = ", ".join(i.code for i in indicators)
    _move(assessment, Status.CLARIFICATION, by=by, note=f"{codes}: {message.strip()}", notify="clarification")
    return request


def open_clarification(assessment: Assessment) -> ClarificationRequest | None:
    return assessment.clarifications.filter(resolved_at__isnull=True).prefetch_related("indicators").first()


@transaction.atomic
def clarification_answer(*, assessment: Assessment, by: User, note: str = "") -> Assessment:
    """Resubmit after a clarification: back to the assessors, who see the changed values."""
    assessment = _lock(assessment)
    _require(permissions.can_submit(by, assessment))
    _require_state(assessment, Status.CLARIFICATION)
    request = open_clarification(assessment)
    if request is not None:
        request.resolved_at = timezone.now()
        request.save(update_fields=["resolved_at"])
        # Carry the new declared values into the review so the assessors see them; a value that
        # changed after the assessors' question has to be verified again.
        for answer in Answer.objects.filter(assessment=assessment, indicator__in=request.indicators.all()):
            Review.objects.filter(assessment=assessment, indicator_id=answer.indicator_id).update(
                verified_value=answer.value, verified_at=None, verified_by=None
            )
    review_rating_store(assessment)
    _move(assessment, Status.IN_REVIEW, by=by, note=note.strip(), notify="resubmitted")
    _score_provisionally(assessment, by)
    return assessment


@transaction.atomic
def interview_record(*, assessment: Assessment, on: date, by: User) -> Assessment:
    assessment = _lock(assessment)
    _require(permissions.can_review(by, assessment))
    _require_state(assessment, Status.IN_REVIEW)
    if on > timezone.localdate():
        raise ValidationError(_("The interview date cannot be in the future."))
    assessment.interview_date = on
    assessment.save(update_fields=["interview_date", "updated_at"])
    return assessment


@transaction.atomic
def assessment_recommend(*, assessment: Assessment, level: str, summary: str, by: User) -> Assessment:
    """Record one assessor's recommendation; the last one moves the assessment to the board.

    Refused until every indicator is verified, and for a level the verified values do not meet."""
    assessment = _lock(assessment)
    _require(permissions.can_review(by, assessment))
    _require_state(assessment, Status.IN_REVIEW)
    if level not in Recommendation.values:
        raise ValidationError(_("Choose Gold, Silver, Bronze or no label."))
    order = [Level.BRONZE, Level.SILVER, Level.GOLD]
    if level != Recommendation.NONE and order.index(level) > order.index(assessment.level):
        raise ValidationError(_("You cannot recommend a higher level than the one applied for."))
    if not summary.strip():
        raise ValidationError(_("Write a summary for the board."))
    if level != Recommendation.NONE and assessment.interview_date is None:
        raise ValidationError(_("Record the interview or visit date before recommending a label."))
    _require_verified(assessment)
    if level != Recommendation.NONE:
        _require_level(assessment, level)
    assignment = assessment.assignments.get(assessor=by)
    assignment.recommended_level = level
    assignment.recommendation_summary = summary.strip()
    assignment.recommended_at = timezone.now()
    assignment.save()
    assignments = list(assessment.assignments.select_related("assessor"))
    if all(a.recommended_level for a in assignments):
        levels = {a.recommended_level for a in assignments}
        assessment.recommendations_disagree = len(levels) > 1
        views = "; ".join(f"{a.assessor}: {a.get_recommended_level_display()}" for a in assignments)
        review_rating_store(assessment)
        _move(assessment, Status.RECOMMENDED, by=by, note=views, notify="recommended")
    return assessment


def agreed_recommendation(assessment: Assessment) -> str | None:
    """The level all assessors recommend, or None while they disagree or have not all spoken."""
    levels = {a.recommended_level for a in assessment.assignments.all()}
    return levels.pop() if len(levels) == 1 and "" not in levels else None


@transaction.atomic
def assessment_decide(
    *, assessment: Assessment, approve: bool, reason: str, by: User, level: str | None = None
) -> Assessment:
    """The board approves (awarding the recommended level) or rejects, with a reason.

    When the assessors disagree, an approving board names the level it awards. Approval is refused
    unless every indicator is verified and the level's rules are met (level_rules.level_check);
    the board may reject whatever the values say, never award against them."""
    assessment = _lock(assessment)
    refusal = permissions.decide_refusal(by, assessment)
    if refusal:
        raise PermissionDenied(refusal)
    _require_state(assessment, Status.RECOMMENDED)
    if not reason.strip():
        raise ValidationError(_("Give a reason for the decision."))
    if approve:
        recommended = {a.recommended_level for a in assessment.assignments.all()} - {Recommendation.NONE}
        level = level or agreed_recommendation(assessment)
        if not level or level == Recommendation.NONE:
            raise ValidationError(
                _("The assessors did not agree on a level: name the level to award.")
                if assessment.recommendations_disagree and recommended
                else _("No label was recommended, so there is nothing to approve. Reject instead.")
            )
        if level not in recommended:
            raise ValidationError(_("The board can award only a level that an assessor recommended."))
        # The board cannot override the rules: it awards only what the verified values support.
        _require_verified(assessment)
        _require_level(assessment, level)
        assessment.awarded_level = level
    assessment.decision_reason = reason.strip()
    assessment.decided_by = by
    assessment.decided_at = timezone.now()
    _move(assessment, Status.APPROVED if approve else Status.REJECTED, by=by, note=reason.strip(), notify="decided")
    if approve:
        label_issue(assessment=assessment, by=by)
    return assessment
