"""Appeals (ISO/IEC 17065): within LABEL_APPEAL_DAYS of a rejection, a suspension or a revocation,
the organisation's owner appeals it once, with grounds and documents; a board member who neither
took the decision nor assessed the application, and has no conflict of interest, upholds or
dismisses the appeal with a reason. Upheld against a rejection, the application goes back to the
board; against a suspension or revocation, the label is valid again.

Each function locks the rows it changes, checks the person (PermissionDenied → 403), the state
(AppealNotAllowed → 409) and the input (ValidationError → 400), and writes the history rows and
e-mails in the same transaction."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import MembershipRole
from accounts.permissions import membership_role
from clusterexcellence.errors import StateConflict
from clusterexcellence.notifications import notify, register_notification

from . import label_records
from .conflicts import conflicts_of_interest
from .evidence import evidence_content_type
from .models import (
    APPEAL_DECISION_MAX_LENGTH,
    APPEAL_DOCUMENTS_MAX,
    APPEAL_REASON_MAX_LENGTH,
    Appeal,
    AppealAction,
    AppealDocument,
    AppealEvent,
    AppealKind,
    AppealStatus,
    Assessment,
    AssessmentStatus,
    AssessorAssignment,
    Label,
    LabelAction,
    LabelStatus,
)
from .transitions import TransitionNotAllowed, _lock, _move, _require_state

NOTIFICATIONS = ("appeal_filed", "appeal_decided")


class AppealNotAllowed(StateConflict):
    """The state of the decision or of the appeal (not the person) forbids this; shown to the user."""


def register() -> None:
    for event in NOTIFICATIONS:
        register_notification(f"labels.{event}", template=f"labels/appeals/email/{event}")


# --- what may be appealed --------------------------------------------------------------------------


@dataclass(frozen=True)
class Contested:
    """A decision an owner may appeal: what it was, when, and who took it."""

    kind: str
    assessment: Assessment
    label: Label | None
    decision_at: datetime
    decided_by_id: int | None

    @property
    def deadline(self) -> datetime:
        """The last moment an appeal may be filed."""
        return self.decision_at + timedelta(days=settings.LABEL_APPEAL_DAYS)

    def is_open(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) <= self.deadline


def contested_decision(*, assessment: Assessment | None = None, label: Label | None = None) -> Contested | None:
    """The rejection of `assessment`, or the suspension or revocation `label` is under, or None."""
    if label is not None:
        kinds = {LabelStatus.SUSPENDED: AppealKind.SUSPENSION, LabelStatus.REVOKED: AppealKind.REVOCATION}
        if label.status not in kinds:
            return None
        action = LabelAction.SUSPENDED if label.status == LabelStatus.SUSPENDED else LabelAction.REVOKED
        event = label.history.filter(action=action).order_by("-at", "-pk").first()
        decision_at = label.status_changed_at or (event.at if event else label.issued_at)
        return Contested(
            kind=kinds[label.status],
            assessment=label.assessment,
            label=label,
            decision_at=decision_at,
            decided_by_id=event.actor_id if event else None,
        )
    if assessment is not None and assessment.status == AssessmentStatus.REJECTED and assessment.decided_at:
        return Contested(
            kind=AppealKind.REJECTION,
            assessment=assessment,
            label=None,
            decision_at=assessment.decided_at,
            decided_by_id=assessment.decided_by_id,
        )
    return None


def appeal_of(contested: Contested) -> Appeal | None:
    """The appeal already filed against the decision, if any."""
    return Appeal.objects.filter(
        assessment=contested.assessment, kind=contested.kind, decision_at=contested.decision_at
    ).first()


def appeal_state_refusal(contested: Contested | None, now: datetime | None = None) -> str | None:
    """Why the decision cannot be appealed now (not the person), or None when it can."""
    if contested is None:
        return _("There is no rejection, suspension or revocation to appeal.")
    if not contested.is_open(now):
        return _("The period for an appeal ended on %(date)s.") % {
            "date": timezone.localtime(contested.deadline).date().isoformat()
        }
    if appeal_of(contested) is not None:
        return _("This decision has already been appealed.")
    return None


def can_appeal(user, organisation) -> bool:
    """The organisation's owners appeal its decisions."""
    return membership_role(user, organisation) == MembershipRole.OWNER


ONLY_OWNERS = _("Only the organisation's owners appeal a decision.")


def _clean(text: str, field: str, limit: int, missing: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: missing})
    if len(text) > limit:
        raise ValidationError({field: _("Keep it under %(count)s characters.") % {"count": limit}})
    return text


def _check_documents(documents: Sequence) -> list[str]:
    """The detected content type of each upload (evidence rules: type from the content, size limit)."""
    if len(documents) > APPEAL_DOCUMENTS_MAX:
        raise ValidationError({"documents": _("Attach at most %(count)s documents.") % {"count": APPEAL_DOCUMENTS_MAX}})
    types = []
    for upload in documents:
        try:
            types.append(evidence_content_type(upload))
        except ValidationError as error:
            raise ValidationError({"documents": [f"{upload.name}: {message}" for message in error.messages]}) from None
    return types


# --- filing ------------------------------------------------------------------------------------


@transaction.atomic
def appeal_file(
    *,
    by,
    reason: str,
    documents: Sequence = (),
    assessment: Assessment | None = None,
    label: Label | None = None,
) -> Appeal:
    """The organisation's owner appeals the rejection of `assessment` or the suspension or
    revocation of `label`, within the period, once per decision."""
    if label is not None:
        label = (
            Label.objects.select_for_update(of=("self",)).select_related("assessment", "organisation").get(pk=label.pk)
        )
        organisation = label.organisation
    else:
        assessment = (
            Assessment.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=assessment.pk)
        )
        organisation = assessment.organisation
    if not can_appeal(by, organisation):
        raise PermissionDenied(ONLY_OWNERS)
    contested = contested_decision(assessment=assessment, label=label)
    now = timezone.now()
    refusal = appeal_state_refusal(contested, now)
    if refusal:
        raise AppealNotAllowed(refusal)
    reason = _clean(reason, "reason", APPEAL_REASON_MAX_LENGTH, _("Give the grounds of your appeal."))
    types = _check_documents(documents)
    appeal = Appeal.objects.create(
        assessment=contested.assessment,
        label=contested.label,
        kind=contested.kind,
        decision_at=contested.decision_at,
        decided_by_board_member_id=contested.decided_by_id,
        reason=reason,
        filed_by=by,
        filed_at=now,
    )
    for upload, content_type in zip(documents, types, strict=True):
        AppealDocument.objects.create(
            appeal=appeal,
            file=upload,
            original_name=(upload.name or "document")[-255:],
            content_type=content_type,
            size=upload.size,
        )
    event = AppealEvent.objects.create(appeal=appeal, action=AppealAction.FILED, actor=by, at=now, reason=reason)
    notify("labels.appeal_filed", target=appeal, recipients=_deciders(appeal) + _owners(appeal), key=str(event.pk))
    return appeal


# --- deciding ----------------------------------------------------------------------------------


def appeal_decide_refusals(user, appeals: Iterable[Appeal]) -> dict[int, str | None]:
    """For each appeal (by id), why the user may not decide on it, or None when they may: board
    members who neither took the contested decision nor assessed the application, without a conflict
    of interest (labels/conflicts.py). Three queries for any number of appeals."""
    appeals = list(appeals)
    if not (user.is_authenticated and user.is_board_member):
        return {a.pk: _("Only members of the label board decide on appeals.") for a in appeals}
    organisations = {a.assessment.organisation_id: a.assessment.organisation for a in appeals}
    conflicts = conflicts_of_interest(user, organisations.values())
    assessed = set(
        AssessorAssignment.objects.filter(
            assessor=user, assessment_id__in={a.assessment_id for a in appeals}
        ).values_list("assessment_id", flat=True)
    )
    refusals = {}
    for appeal in appeals:
        if appeal.decided_by_board_member_id == user.pk:
            refusals[appeal.pk] = _("You took the decision under appeal, so you do not decide on the appeal.")
        elif appeal.assessment_id in assessed:
            refusals[appeal.pk] = _("You assessed this application, so you do not decide on the appeal.")
        elif appeal.assessment.organisation_id in conflicts:
            refusals[appeal.pk] = _("You have a conflict of interest: %(reason)s") % {
                "reason": conflicts[appeal.assessment.organisation_id]
            }
        else:
            refusals[appeal.pk] = None
    return refusals


def appeal_decide_refusal(user, appeal: Appeal) -> str | None:
    return appeal_decide_refusals(user, [appeal])[appeal.pk]


def _application_reopen(*, assessment: Assessment, appeal: Appeal, by) -> Assessment:
    """An upheld appeal sends a rejected application back to the board, which decides it again."""
    assessment = _lock(assessment)
    _require_state(assessment, AssessmentStatus.REJECTED)
    assessment.decision_reason = ""
    assessment.decided_by = None
    assessment.decided_at = None
    note = _("Appeal upheld: %(reason)s") % {"reason": appeal.decision_reason}
    _move(assessment, AssessmentStatus.RECOMMENDED, by=by, note=note, notify="recommended")
    return assessment


@transaction.atomic
def appeal_decide(*, appeal: Appeal, uphold: bool, reason: str, by) -> Appeal:
    """A board member without a part in the contested decision upholds or dismisses the appeal."""
    appeal = (
        Appeal.objects.select_for_update(of=("self",))
        .select_related("assessment__organisation", "label")
        .get(pk=appeal.pk)
    )
    refusal = appeal_decide_refusal(by, appeal)
    if refusal:
        raise PermissionDenied(refusal)
    if appeal.status != AppealStatus.PENDING:
        raise AppealNotAllowed(_("This appeal has already been decided."))
    reason = _clean(reason, "reason", APPEAL_DECISION_MAX_LENGTH, _("Give a reason for the decision."))
    now = timezone.now()
    appeal.status = AppealStatus.UPHELD if uphold else AppealStatus.DISMISSED
    appeal.decided_by = by
    appeal.decided_at = now
    appeal.decision_reason = reason
    appeal.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    if uphold:
        _remedy(appeal, by)
    action = AppealAction.UPHELD if uphold else AppealAction.DISMISSED
    event = AppealEvent.objects.create(appeal=appeal, action=action, actor=by, at=now, reason=reason)
    recipients = _owners(appeal) + _users([appeal.decided_by_board_member_id])
    notify("labels.appeal_decided", target=appeal, recipients=recipients, key=str(event.pk))
    return appeal


def _remedy(appeal: Appeal, by) -> None:
    """What an upheld appeal changes: the application back to the board, or the label valid again."""
    if appeal.kind == AppealKind.REJECTION:
        try:
            _application_reopen(assessment=appeal.assessment, appeal=appeal, by=by)
        except TransitionNotAllowed as error:
            raise AppealNotAllowed(str(error)) from error
        return
    label = appeal.label
    if label.status_changed_at != appeal.decision_at:
        raise AppealNotAllowed(
            _("The label's status has changed since the appeal was filed, so there is nothing to restore.")
        )
    label_records.label_restore(label=label, reason=appeal.decision_reason, by=by)


# --- who hears of it ---------------------------------------------------------------------------


def _users(ids: Iterable[int | None]) -> list:
    ids = [pk for pk in ids if pk]
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True)) if ids else []


def _owners(appeal: Appeal) -> list:
    return [
        membership.user
        for membership in appeal.assessment.organisation.memberships.active()
        .filter(role=MembershipRole.OWNER)
        .select_related("user")
    ]


def _deciders(appeal: Appeal) -> list:
    """The board members who may decide on the appeal."""
    board = get_user_model().objects.filter(is_board_member=True, is_active=True)
    return [member for member in board if appeal_decide_refusal(member, appeal) is None]


# --- reading -------------------------------------------------------------------------------------


def appeals_pending_count() -> int:
    return Appeal.objects.filter(status=AppealStatus.PENDING).count()
