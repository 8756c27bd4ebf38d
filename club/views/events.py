"""Club events: the list, one event with registration and the waiting list, and calendar files."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterexcellence.page_cache import cached_page

from .. import calendars, events, permissions
from ..choices import MembershipStatus, RegistrationStatus
from ..models import ClubMembership, Event, Registration
from .access import member_required

Status = RegistrationStatus
PAST_SHOWN = 20


def _with_counts(queryset):
    return queryset.annotate(
        taken=Count("registrations", filter=Q(registrations__status=Status.REGISTERED)),
        waiting=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
    )


@cached_page  # outside: the membership check is among what the page is kept with
@member_required
def event_list(request):
    mine = dict(
        Registration.objects.filter(user=request.user)
        .exclude(status=Status.CANCELLED)
        .values_list("event_id", "status")
    )
    upcoming = list(_with_counts(Event.objects.upcoming()))
    for event in upcoming:
        event.my_status = mine.get(event.pk)
    context = {"upcoming": upcoming, "past": list(Event.objects.past()[:PAST_SHOWN]), "feed_url": _feed_url(request)}
    return render(request, "club/event_list.html", context)


def _feed_url(request) -> str:
    token = ClubMembership.objects.filter(user=request.user).values_list("calendar_token", flat=True).first()
    return request.build_absolute_uri(reverse("club:calendar_feed", args=[token])) if token else ""


def _event(public_id) -> Event:
    return get_object_or_404(_with_counts(Event.objects.all()), public_id=public_id)


def _registration(event, user) -> Registration | None:
    return Registration.objects.filter(event=event, user=user).exclude(status=Status.CANCELLED).first()


@cached_page  # outside: the membership check is among what the page is kept with
@member_required
def event_detail(request, public_id):
    event = _event(public_id)
    registration = _registration(event, request.user)
    position = None
    if registration is not None and registration.status == Status.WAITING:
        ahead = Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
        position = Registration.objects.filter(ahead, event=event, status=Status.WAITING).count() + 1
    context = {
        "event": event,
        "registration": registration,
        "position": position,
        "show_link": permissions.can_see_event_link(request.user, registration),
        "free": max(0, event.capacity - event.taken),
    }
    return render(request, "club/event_detail.html", context)


@require_POST
@member_required
def register(request, public_id):
    event = _event(public_id)
    try:
        registration = events.event_register(event=event, user=request.user)
    except events.RegistrationNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect(event)
    if registration.status == Status.REGISTERED:
        messages.success(request, _("You have a place at this event."))
    else:
        messages.info(request, _("The event is full: you are on the waiting list and will be told if a place frees."))
    return redirect(event)


@require_POST
@member_required
def cancel(request, public_id):
    event = _event(public_id)
    registration = _registration(event, request.user)
    if registration is None:
        return redirect(event)
    try:
        events.registration_cancel(registration=registration, by=request.user)
    except events.RegistrationNotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your registration was cancelled."))
    return redirect(event)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@member_required
def event_ics(request, public_id):
    event = _event(public_id)
    with_link = permissions.can_see_event_link(request.user, _registration(event, request.user))
    return _ics(calendars.event_ics(event, with_link=with_link), f"{event.public_id}.ics")


@require_GET
def calendar_feed(request, token):
    """The subscribable feed: calendar apps cannot sign in, so the secret token in the address stands for
    the member; it stops working when they are no longer a member."""
    membership = (
        ClubMembership.objects.filter(calendar_token=token, status=MembershipStatus.APPROVED, user__is_active=True)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    upcoming = list(Event.objects.upcoming())
    linked = set(
        Registration.objects.filter(user=membership.user, status=Status.REGISTERED).values_list("event_id", flat=True)
    )
    return _ics(calendars.feed_ics(upcoming, linked=linked, name=_("Club events")), "club-events.ics")
