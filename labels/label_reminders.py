"""E-mails about awarded labels, to the organisation's owners in their language: reminders 6 months
and 1 month before a label's last day, each sent once (notify's uniqueness per label, key and
recipient), and the board's suspension, reinstatement or revocation, once per history row."""

from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import Membership
from clusterexcellence.models import Notification
from clusterexcellence.notifications import notify, register_notification

from .models import Label
from .scoring import add_months

KIND = "labels.expiry"
CHANGED = "labels.label_changed"
# (months before the last day, key): the nearest applies, so a late first run sends only that one.
REMINDERS = ((1, "1m"), (6, "6m"))


def register() -> None:
    register_notification(KIND, template="labels/email/expiry")
    register_notification(CHANGED, template="labels/email/label_changed")


def _owners(organisation) -> list:
    return [
        membership.user
        for membership in organisation.memberships.filter(
            role=MembershipRole.OWNER, left_at__isnull=True
        ).select_related("user")
    ]


def label_change_notify(label: Label, event) -> None:
    """Tell the owners that the board suspended, reinstated or revoked their label, and why."""
    notify(CHANGED, target=label, recipients=_owners(label.organisation), key=str(event.pk),
           context={"action": event.action, "reason": event.reason})  # fmt: skip


def label_reminders_send(*, today: date | None = None) -> int:
    """Remind the owners of every valid label whose last day is within 6 (or 1) months and that no
    renewal continues yet; returns how many reminders were recorded now. Run again, it records nothing new."""
    today = today or timezone.localdate()
    owners = Membership.objects.filter(role=MembershipRole.OWNER, left_at__isnull=True).select_related("user")
    labels = (
        Label.objects.valid_on(today)
        .filter(valid_until__lt=add_months(today, REMINDERS[-1][0]), renewed_by__isnull=True)
        .select_related("organisation")
        .prefetch_related(Prefetch("organisation__memberships", queryset=owners, to_attr="owners"))
    )
    sent = set(
        Notification.objects.filter(
            kind=KIND, content_type__app_label="labels", content_type__model="label"
        ).values_list("object_id", "key")
    )
    recorded = 0
    for label in labels:
        months, key = next((m, k) for m, k in REMINDERS if label.valid_until < add_months(today, m))
        if (str(label.pk), key) in sent:
            continue
        recipients = [membership.user for membership in label.organisation.owners]
        notify(KIND, target=label, recipients=recipients, key=key, context={"months": months})
        recorded += 1
    return recorded
