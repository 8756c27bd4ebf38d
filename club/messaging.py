"""Messages between members: sending (rate limited, never to someone who blocked the sender),
reading, replying, blocking a sender and reporting abuse to the secretariat."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from clusterexcellence.errors import StateConflict
from clusterexcellence.notifications import notify

from . import permissions
from .models import AbuseReport, Block, ClubMembership, Message
from .profiles import member_name

RATE_WINDOW = timedelta(hours=1)


class RateLimited(StateConflict):
    """The sender wrote too many messages in the last hour (HTTP 429)."""


class AlreadyReported(StateConflict):
    """The member reported this message before."""


def messages_left(sender: User) -> int:
    """How many messages the sender may still send in the current hour."""
    since = timezone.now() - RATE_WINDOW
    sent = Message.objects.filter(sender=sender, sent_at__gte=since).count()
    return max(0, settings.CLUB_MESSAGES_PER_HOUR - sent)


@transaction.atomic
def message_send(*, sender: User, recipient: User, subject: str, body: str, reply_to: Message | None = None) -> Message:
    """Deliver a message in the portal and tell the recipient by e-mail, in their language."""
    if reply_to is not None:
        if not permissions.can_reply(sender, reply_to):
            raise PermissionDenied(_("You can only reply to messages you received."))
        recipient = reply_to.sender  # the reply goes to the sender, whatever the form said
    if not permissions.can_contact(sender, recipient):
        raise PermissionDenied(_("You cannot send a message to this member."))
    # Lock the sender's membership row, so that two messages sent at once are counted one after the other.
    ClubMembership.objects.select_for_update().filter(user=sender).first()
    if messages_left(sender) <= 0:
        limit = settings.CLUB_MESSAGES_PER_HOUR
        raise RateLimited(
            ngettext(
                "You can send %(count)s message an hour. Please wait a little before sending more.",
                "You can send %(count)s messages an hour. Please wait a little before sending more.",
                limit,
            )
            % {"count": limit}
        )
    message = Message.objects.create(sender=sender, recipient=recipient, subject=subject, body=body, reply_to=reply_to)
    notify(
        "club.message",
        target=message,
        recipients=[recipient],
        context={"sender_name": member_name(sender)},
    )
    return message


def message_mark_read(*, message: Message, by: User) -> Message:
    """The recipient opened the message (a compare-and-set: the first reading time stays)."""
    if by.pk == message.recipient_id and message.read_at is None:
        now = timezone.now()
        if Message.objects.filter(pk=message.pk, read_at__isnull=True).update(read_at=now):
            message.read_at = now
    return message


@transaction.atomic
def sender_block(*, blocker: User, blocked: User) -> Block:
    """No more messages from `blocked` to `blocker`; asking twice changes nothing."""
    if blocker.pk == blocked.pk:
        raise StateConflict(_("You cannot block yourself."))
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


@transaction.atomic
def sender_unblock(*, block: Block, by: User) -> None:
    if block.blocker_id != by.pk:
        raise PermissionDenied(_("You are not allowed to do this."))
    block.delete()


@transaction.atomic
def abuse_report(*, message: Message, by: User, reason: str) -> AbuseReport:
    """The recipient tells the secretariat; staff read the message and the report in the administration."""
    if not permissions.can_report(by, message):
        raise PermissionDenied(_("Only the recipient can report a message."))
    try:
        with transaction.atomic():
            report = AbuseReport.objects.create(message=message, reporter=by, reason=reason)
    except IntegrityError:
        raise AlreadyReported(_("You reported this message already; the secretariat will look at it.")) from None
    staff = get_user_model().objects.filter(is_staff=True, is_active=True)
    notify("club.abuse_report", target=report, recipients=staff)
    return report
