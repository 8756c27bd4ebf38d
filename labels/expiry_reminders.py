"""Expiry reminders: the owners of an organisation hear, in their language, 6 months and 1 month
before its label's last day, once each. A LabelReminder row marks each one sent, written in the
same transaction as the e-mail's record, so a rerun (or two beat runs at once) sends nothing twice.

Only labels valid today are reminded of; a label a renewal already continues is not."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.choices import MembershipRole
from clusterexcellence.notifications import notify, register_notification

from .models import Label, LabelReminder
from .scoring import add_months

# (kind, months before the last day), latest first: inside the 1-month window only that one is sent.
REMINDERS = (("1m", 1), ("6m", 6))
NOTIFICATION = "labels.label_expiring"


def register() -> None:
    register_notification(NOTIFICATION, template="labels/badges/email/label_expiring")


def reminder_due(label: Label, today: date) -> tuple[str, int] | None:
    """The reminder (kind, months) whose window `today` falls in, or None."""
    for kind, months in REMINDERS:
        if add_months(label.valid_until, -months) <= today <= label.valid_until:
            return kind, months
    return None


def _owners(label: Label) -> list:
    return [
        membership.user
        for membership in label.organisation.memberships.active()
        .filter(role=MembershipRole.OWNER)
        .select_related("user")
    ]


def reminders_send(*, today: date | None = None) -> int:
    """Record and send every reminder due today and not sent yet; returns how many labels were reminded."""
    today = today or timezone.localdate()
    horizon = add_months(today, max(months for _kind, months in REMINDERS))
    candidates = (
        Label.objects.valid_on(today)
        .filter(valid_until__lte=horizon, renewed_by__isnull=True)
        .select_related("organisation")
        .prefetch_related("reminders")
    )
    sent = 0
    for label in candidates:
        due = reminder_due(label, today)
        if due is None or due[0] in {reminder.kind for reminder in label.reminders.all()}:
            continue
        kind, months = due
        try:
            with transaction.atomic():
                LabelReminder.objects.create(label=label, kind=kind, sent_at=timezone.now())
                notify(
                    NOTIFICATION,
                    target=label,
                    recipients=_owners(label),
                    key=kind,
                    context={"months": months, "valid_until": label.valid_until.isoformat()},
                )
        except IntegrityError:  # another run sent it meanwhile
            continue
        sent += 1
    return sent
