"""The one notification mechanism: an event, one delivery per recipient, sent by a job.

An app registers each kind once (`register_notification`) with the prefix of its e-mail templates
(`<template>_subject.txt`, `<template>.txt`, optionally `<template>.html`), then calls `notify()`
inside the transaction that made the change. The rows are unique on (kind, object, key,
recipient), so calling it again, or a task delivered twice, sends nothing twice. Templates get
`target` (also under its model's name, e.g. `assessment`), `recipient` (a User or None), `context`
(the JSON given to `notify`) and `site_url`.
"""

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from .emails import render_templated_email
from .models import DeliveryStatus, Notification, NotificationDelivery

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotificationKind:
    kind: str
    template: str


_KINDS: dict[str, NotificationKind] = {}


def register_notification(kind: str, *, template: str) -> None:
    _KINDS[kind] = NotificationKind(kind, template)


_muted = threading.local()


@contextmanager
def muted() -> Iterator[None]:
    """Record and send nothing inside (demo data: nobody should receive hundreds of e-mails)."""
    _muted.on = True
    try:
        yield
    finally:
        _muted.on = False


def notify(
    kind: str, *, target, recipients: Iterable, key: str = "", context: dict | None = None
) -> Notification | None:
    """Record that `kind` happened to `target` and send it to each recipient (users or addresses)
    after the transaction commits, each at most once."""
    from .jobs import job_enqueue
    from .tasks import send_notification

    if kind not in _KINDS:
        raise LookupError(f"Register the notification kind {kind!r} first (register_notification).")
    if getattr(_muted, "on", False):
        return None
    notification, _created = Notification.objects.get_or_create(
        kind=kind,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        key=key,
        defaults={"context": context or {}},
    )
    deliveries = {}
    for recipient in recipients:
        if isinstance(recipient, str):
            deliveries.setdefault(recipient.lower(), NotificationDelivery(email=recipient.lower()))
        elif recipient.is_active and recipient.email:
            deliveries[recipient.email.lower()] = NotificationDelivery(
                recipient=recipient, email=recipient.email.lower(), language=recipient.language
            )
    for delivery in deliveries.values():
        delivery.notification = notification
    created = NotificationDelivery.objects.bulk_create(deliveries.values(), ignore_conflicts=True)
    if created:
        job_enqueue(send_notification, target=notification)
    return notification


def notification_send(notification: Notification) -> dict:
    """Send every waiting delivery of a notification; each is claimed first, so a second run (a
    redelivered task, a staff retry) never sends one twice. Failed ones stay visible to staff."""
    kind = _KINDS[notification.kind]
    target = notification.target
    sent = failed = 0
    for delivery in notification.deliveries.filter(status=DeliveryStatus.PENDING).select_related("recipient"):
        claimed = NotificationDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, attempts=delivery.attempts + 1
        )
        if not claimed:
            continue
        language = delivery.language or settings.LANGUAGE_CODE
        context = {
            "target": target,
            notification.content_type.model: target,  # e.g. `assessment`, so templates read naturally
            "recipient": delivery.recipient,
            "context": notification.context,
        }
        try:
            message = render_templated_email(kind.template, to=[delivery.email], context=context, language=language)
            message.send()
        except Exception as exc:  # a bad address or a template error must not stop the others
            logger.exception("Notification delivery %s failed", delivery.pk)
            NotificationDelivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.FAILED, error=str(exc)[:2000]
            )
            failed += 1
            continue
        url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
        NotificationDelivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.SENT, subject=message.subject[:300], url=url, error="", sent_at=timezone.now()
        )
        sent += 1
    return {"sent": sent, "failed": failed}


@transaction.atomic
def delivery_retry(delivery: NotificationDelivery) -> None:
    """Staff put a failed delivery back in the queue."""
    from .jobs import job_enqueue
    from .tasks import send_notification

    if NotificationDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, error=""
    ):
        job_enqueue(send_notification, target=delivery.notification)


def notifications_of(user):
    """What the user was told, newest first: the deliveries sent to them (with subject and link)."""
    return NotificationDelivery.objects.filter(recipient=user, status=DeliveryStatus.SENT).order_by("-sent_at", "-pk")


def notifications_mark_read(*, user, deliveries: Iterable[NotificationDelivery] | None = None) -> int:
    """Mark the user's notifications (all of them, or `deliveries`) as read; returns how many changed."""
    unread = NotificationDelivery.objects.filter(recipient=user, read_at__isnull=True)
    if deliveries is not None:
        unread = unread.filter(pk__in=[delivery.pk for delivery in deliveries])
    return unread.update(read_at=timezone.now())
