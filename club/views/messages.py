"""Messages through the portal: inbox, sent, reading and replying, contacting a member, blocking a
sender and reporting abuse. No page shows an e-mail address."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterexcellence.page_cache import cached_page

from .. import messaging, permissions
from ..forms import MessageForm, ReportForm
from ..models import Block, Message, Profile
from .access import member_required

PAGE_SIZE = 25


def _names(user_ids) -> dict[int, str]:
    """Members' names by user id, in one query (the profile's name, never an address)."""
    return dict(Profile.objects.filter(user_id__in=set(user_ids)).values_list("user_id", "name"))


def _listing(request, queryset, *, template: str, other: str):
    page = Paginator(queryset.order_by("-sent_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    names = _names(getattr(message, f"{other}_id") for message in page)
    unknown = _("A former member")
    rows = [(message, names.get(getattr(message, f"{other}_id"), unknown)) for message in page]
    return render(request, template, {"page": page, "rows": rows})


@cached_page  # outside: the membership check is among what the page is kept with
@member_required
def inbox(request):
    return _listing(request, Message.objects.filter(recipient=request.user), template="club/inbox.html", other="sender")


@cached_page  # outside: the membership check is among what the page is kept with
@member_required
def sent(request):
    return _listing(request, Message.objects.filter(sender=request.user), template="club/sent.html", other="recipient")


def _message_for(request, public_id) -> Message:
    """A message the user sent or received, else 404."""
    scope = Message.objects.filter(Q(sender=request.user) | Q(recipient=request.user))
    return get_object_or_404(scope, public_id=public_id)


def _send(request, form, **kwargs) -> tuple[Message | None, int]:
    """Send; the rate limit becomes a form error with status 429 (a refused recipient is the 403 page)."""
    try:
        message = messaging.message_send(
            sender=request.user, subject=form.cleaned_data["subject"], body=form.cleaned_data["body"], **kwargs
        )
    except messaging.RateLimited as refusal:
        form.add_error(None, str(refusal))
        return None, 429
    return message, 200


@member_required
def message_detail(request, public_id):
    """Read a message (the recipient's first look marks it read) and reply to its sender."""
    message = _message_for(request, public_id)
    messaging.message_mark_read(message=message, by=request.user)
    can_reply = permissions.can_reply(request.user, message)
    subject = message.subject if message.subject.lower().startswith("re:") else f"Re: {message.subject}"
    form = MessageForm(request.POST if request.method == "POST" else None, initial={"subject": subject[:150]})
    status = 200
    if request.method == "POST":
        if not can_reply:
            raise PermissionDenied(_("You can only reply to messages you received."))
        status = 400
        if form.is_valid():
            result, status = _send(request, form, recipient=message.sender, reply_to=message)
            if result is not None:
                flash.success(request, _("Your reply was sent."))
                return redirect(result)
    names = _names([message.sender_id, message.recipient_id])
    blocked = Block.objects.filter(blocker=request.user, blocked_id=message.sender_id).exists()
    context = {
        "message": message,
        "sender_name": names.get(message.sender_id, _("A former member")),
        "recipient_name": names.get(message.recipient_id, _("A former member")),
        "is_recipient": message.recipient_id == request.user.pk,
        "can_reply": can_reply,
        "form": form,
        "report_form": ReportForm(),
        "blocked": blocked,
    }
    return render(request, "club/message_detail.html", context, status=status)


@member_required
def contact(request, public_id):
    """Write to a member from their profile; the address stays with the portal."""
    profile = get_object_or_404(Profile.objects.visible_to(request.user), public_id=public_id)
    if not permissions.can_contact_profile(request.user, profile):
        raise PermissionDenied(_("You cannot send a message to this member."))
    form = MessageForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            result, status = _send(request, form, recipient=profile.user)
            if result is not None:
                flash.success(request, _("Your message to %(name)s was sent.") % {"name": profile.name})
                return redirect("club:sent")
    context = {"profile": profile, "form": form, "left": messaging.messages_left(request.user)}
    return render(request, "club/contact.html", context, status=status)


@require_POST
@member_required
def report(request, public_id):
    message = _message_for(request, public_id)
    form = ReportForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Say briefly what is wrong with the message."))
        return redirect(message)
    try:
        messaging.abuse_report(message=message, by=request.user, reason=form.cleaned_data["reason"])
    except messaging.AlreadyReported as refusal:
        flash.info(request, str(refusal))
    else:
        flash.success(request, _("Thank you. The secretariat will look at the message."))
    return redirect(message)


@require_POST
@member_required
def block(request, public_id):
    message = _message_for(request, public_id)
    if message.recipient_id != request.user.pk:
        raise PermissionDenied(_("You can only block the senders of messages you received."))
    messaging.sender_block(blocker=request.user, blocked=message.sender)
    flash.success(request, _("You will receive no more messages from this sender."))
    return redirect(message)


@member_required
def blocked(request):
    """The senders the member blocked, each with a way to unblock."""
    blocks = list(Block.objects.filter(blocker=request.user))
    names = _names(block.blocked_id for block in blocks)
    rows = [(block, names.get(block.blocked_id, _("A former member"))) for block in blocks]
    return render(request, "club/blocked.html", {"rows": rows})


@require_POST
@member_required
def unblock(request, public_id):
    block = get_object_or_404(Block.objects.filter(blocker=request.user), public_id=public_id)
    messaging.sender_unblock(block=block, by=request.user)
    flash.success(request, _("The sender can write to you again."))
    return redirect("club:blocked")
