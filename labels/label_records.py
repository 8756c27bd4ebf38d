"""Awarded labels: issuing one with the approving decision, numbering certificates, and the board's
suspension, reinstatement and revocation.

Each change locks the label, checks the actor (PermissionDenied → 403) and the label's state
(LabelNotAllowed → 409), writes the history row in the same transaction and schedules the
certificate's rendering after commit. Nothing else writes Label.status."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from clusterexcellence.errors import StateConflict
from clusterexcellence.jobs import job_enqueue

from . import permissions
from .label_reminders import label_change_notify
from .models import (
    PUBLIC_REASON_MAX_LENGTH,
    Assessment,
    CertificateCounter,
    Label,
    LabelAction,
    LabelEvent,
    LabelState,
    LabelStatus,
)
from .renewals import DEFAULT_VALIDITY_MONTHS, renewable_label
from .scoring import add_months

UNKNOWN_COUNTRY = "XXX"


class LabelNotAllowed(StateConflict):
    """The label's state (not the person) forbids the change; shown to the user."""


# --- validity and numbers ----------------------------------------------------------------------


def validity_months(assessment: Assessment, level: str) -> int:
    return int(assessment.framework.level_rules(level).get("validity_months", DEFAULT_VALIDITY_MONTHS))


def label_validity(assessment: Assessment, level: str, *, renews: Label | None = None) -> tuple[date, date]:
    """(first day, last day) of the label an approved assessment awards.

    A renewal continues the day after the old label's last day; otherwise the label counts from the
    first day of the interview's month (or the decision's, without an interview)."""
    months = validity_months(assessment, level)
    start = renews.valid_until + timedelta(days=1) if renews is not None else assessment.completed_on.replace(day=1)
    return start, add_months(start, months) - timedelta(days=1)


def certificate_number(country: str, level: str, year: int, sequence: int) -> str:
    """`<ISO3>-<LEVEL>-<YEAR>-<SEQ>`, e.g. DEU-GOLD-2026-0007."""
    return f"{country}-{level.upper()}-{year}-{sequence:04d}"


@transaction.atomic
def certificate_numbers_draw(country: str, level: str, year: int, count: int = 1) -> list[str]:
    """The next `count` numbers of the series, drawn under the series' row lock, which the caller's
    transaction holds until it commits (a number is never drawn twice, nor given back)."""
    # Create the series' counter if it is new; a concurrent creator wins and this insert does nothing.
    CertificateCounter.objects.bulk_create(
        [CertificateCounter(country=country, level=level, year=year)], ignore_conflicts=True
    )
    counter = CertificateCounter.objects.select_for_update().get(country=country, level=level, year=year)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return [certificate_number(country, level, year, n) for n in range(first, first + count)]


def _country_code(organisation) -> str:
    return getattr(organisation.country, "alpha3", "") or UNKNOWN_COUNTRY


# --- issuing -----------------------------------------------------------------------------------


def _continued_label(assessment: Assessment, level: str) -> Label | None:
    """The label an approved renewal continues: same level, started inside the catalogue's window."""
    if not assessment.renewal:
        return None
    started = timezone.localtime(assessment.created_at).date() if assessment.created_at else timezone.localdate()
    return renewable_label(assessment.organisation, level, on=started, framework=assessment.framework)


@transaction.atomic
def label_issue(*, assessment: Assessment, by: User | None) -> Label:
    """Issue the label of an approved assessment; called by assessment_decide in its transaction."""
    from .tasks import render_certificate

    level = assessment.awarded_level
    renews = _continued_label(assessment, level)
    valid_from, valid_until = label_validity(assessment, level, renews=renews)
    decided = timezone.localtime(assessment.decided_at).date() if assessment.decided_at else timezone.localdate()
    (number,) = certificate_numbers_draw(_country_code(assessment.organisation), level, decided.year)
    label = Label.objects.create(
        organisation=assessment.organisation,
        assessment=assessment,
        framework=assessment.framework,
        level=level,
        certificate_number=number,
        valid_from=valid_from,
        valid_until=valid_until,
        renews=renews,
        issued_at=assessment.decided_at or timezone.now(),
    )
    LabelEvent.objects.create(label=label, action=LabelAction.ISSUED, actor=by, reason=assessment.decision_reason)
    job_enqueue(render_certificate, target=label, by=by)
    return label


@transaction.atomic
def labels_issue_bulk(assessments: Iterable[Assessment], *, by: User | None = None) -> list[Label]:
    """Labels for many approved assessments at once (demo data, test factories): a few statements
    whatever their number; no certificate is rendered until someone asks for it."""
    assessments = [a for a in assessments if a.awarded_level]
    by_series = defaultdict(list)
    for assessment in assessments:
        decided = timezone.localtime(assessment.decided_at).date() if assessment.decided_at else timezone.localdate()
        by_series[(_country_code(assessment.organisation), assessment.awarded_level, decided.year)].append(assessment)
    labels = []
    for (country, level, year), members in sorted(by_series.items()):
        numbers = certificate_numbers_draw(country, level, year, len(members))
        for assessment, number in zip(members, numbers, strict=True):
            valid_from, valid_until = label_validity(assessment, level)
            labels.append(
                Label(
                    organisation_id=assessment.organisation_id,
                    assessment=assessment,
                    framework_id=assessment.framework_id,
                    level=level,
                    certificate_number=number,
                    valid_from=valid_from,
                    valid_until=valid_until,
                    issued_at=assessment.decided_at or timezone.now(),
                )
            )
    Label.objects.bulk_create(labels, batch_size=2000)
    LabelEvent.objects.bulk_create(
        (
            LabelEvent(label=label, action=LabelAction.ISSUED, actor=by, at=label.issued_at, reason="")
            for label in labels
        ),
        batch_size=2000,
    )
    return labels


# --- the board's changes -----------------------------------------------------------------------


def _lock(label: Label) -> Label:
    return Label.objects.select_for_update().select_related("organisation").get(pk=label.pk)


def _require_board(user: User, label: Label) -> None:
    refusal = permissions.label_change_refusal(user, label)
    if refusal:
        raise PermissionDenied(refusal)


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a public reason.")})
    if len(reason) > PUBLIC_REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": _("Keep the reason under %(count)s characters.") % {"count": PUBLIC_REASON_MAX_LENGTH}}
        )
    return reason


def _require_state(label: Label, *allowed: LabelState) -> None:
    state = label.state
    if state not in allowed:
        raise LabelNotAllowed(_("This is not possible while the label is %(state)s.") % {"state": state.label.lower()})


def _change(label: Label, *, to: str, action: str, reason: str, by: User, public_reason: str) -> Label:
    now = timezone.now()
    label.status = to
    label.public_reason = public_reason
    label.status_changed_at = now
    label.save(update_fields=["status", "public_reason", "status_changed_at"])
    event = LabelEvent.objects.create(label=label, action=action, actor=by, at=now, reason=reason)
    label_change_notify(label, event)
    return label


@transaction.atomic
def label_suspend(*, label: Label, reason: str, by: User) -> Label:
    """The board suspends a valid label with a public reason; it stops validating at once."""
    label = _lock(label)
    _require_board(by, label)
    reason = _clean_reason(reason)
    _require_state(label, LabelState.VALID)
    return _change(label, to=LabelStatus.SUSPENDED, action=LabelAction.SUSPENDED, reason=reason, by=by,
                   public_reason=reason)  # fmt: skip


@transaction.atomic
def label_reinstate(*, label: Label, reason: str, by: User) -> Label:
    """The board lifts a suspension; the label validates again until its last day."""
    label = _lock(label)
    _require_board(by, label)
    reason = _clean_reason(reason)
    _require_state(label, LabelState.SUSPENDED)
    return _change(label, to=LabelStatus.VALID, action=LabelAction.REINSTATED, reason=reason, by=by, public_reason="")


@transaction.atomic
def label_revoke(*, label: Label, reason: str, by: User) -> Label:
    """The board revokes a valid or suspended label for good, with a public reason."""
    label = _lock(label)
    _require_board(by, label)
    reason = _clean_reason(reason)
    _require_state(label, LabelState.VALID, LabelState.SUSPENDED)
    return _change(label, to=LabelStatus.REVOKED, action=LabelAction.REVOKED, reason=reason, by=by,
                   public_reason=reason)  # fmt: skip


@transaction.atomic
def label_restore(*, label: Label, reason: str, by: User) -> Label:
    """An upheld appeal (labels/appeals.py) restores a suspended or revoked label: valid again until
    its last day, the board member's reason in the history."""
    label = _lock(label)
    _require_board(by, label)
    reason = _clean_reason(reason)
    _require_state(label, LabelState.SUSPENDED, LabelState.REVOKED)
    return _change(label, to=LabelStatus.VALID, action=LabelAction.REINSTATED, reason=reason, by=by, public_reason="")
