"""Seats at club events: registering, the waiting list, cancelling and automatic promotion.

Every change of an event's seats first writes the event row (`_lock`), so concurrent registrations
queue behind each other on PostgreSQL (row lock) and on SQLite (database write lock) alike, and
the count of taken seats read afterwards is the truth: no event is ever overbooked."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from clusterexcellence.errors import StateConflict
from clusterexcellence.notifications import notify

from . import permissions
from .choices import RegistrationStatus
from .models import Event, Registration

Status = RegistrationStatus


class RegistrationNotAllowed(StateConflict):
    """The event's state (deadline passed, already started) forbids the change."""


def _lock(event: Event) -> Event:
    # An UPDATE, not only SELECT … FOR UPDATE: SQLite has no row locks, but a write takes its
    # database lock at once, which serialises the seat count just the same.
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now())
    return Event.objects.select_for_update().get(pk=event.pk)


def seats_taken(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Status.REGISTERED).count()


@transaction.atomic
def event_register(*, event: Event, user: User) -> Registration:
    """A place if one is free, else the end of the waiting list. Registering twice changes nothing."""
    if not permissions.can_register(user):
        raise PermissionDenied(_("Only club members can register for events."))
    event = _lock(event)
    if not event.registration_open:
        raise RegistrationNotAllowed(_("Registration for this event has closed."))
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status != Status.CANCELLED:
        return registration
    status = Status.REGISTERED if seats_taken(event) < event.capacity else Status.WAITING
    if registration is None:
        registration = Registration(event=event, user=user)
    # A second registration after cancelling joins the end of the queue.
    registration.status, registration.queued_at, registration.cancelled_at = status, timezone.now(), None
    registration.promoted_at = None
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, by: User) -> Registration:
    """Give up a place (the first on the waiting list moves up and is told) or a waiting-list place."""
    if registration.user_id != by.pk:
        raise PermissionDenied(_("You are not allowed to do this."))
    event = _lock(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if event.starts_at <= timezone.now():
        raise RegistrationNotAllowed(_("The event has started; registrations can no longer change."))
    if registration.status == Status.CANCELLED:
        return registration
    registration.status, registration.cancelled_at = Status.CANCELLED, timezone.now()
    registration.save()
    waiting_list_promote(event=event)
    return registration


def waiting_list_promote(*, event: Event) -> list[Registration]:
    """Fill free places from the waiting list, first come first served, and tell each person moved up.

    Call with the event locked (inside `_lock`'s transaction)."""
    free = event.capacity - seats_taken(event)
    if free <= 0 or event.starts_at <= timezone.now():
        return []
    promoted = list(
        Registration.objects.select_for_update()
        .filter(event=event, status=Status.WAITING)
        .select_related("user")
        .order_by("queued_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status, registration.promoted_at = Status.REGISTERED, now
        registration.save(update_fields=["status", "promoted_at"])
        notify(
            "club.promoted",
            target=event,
            recipients=[registration.user],
            key=f"promoted-{registration.pk}-{now.isoformat()}",
        )
    return promoted


@transaction.atomic
def event_capacity_changed(*, event: Event) -> list[Registration]:
    """After staff added places, the waiting list moves up (called by the administration)."""
    return waiting_list_promote(event=_lock(event))


def registrations_cancel_all(*, user: User) -> None:
    """A member who leaves gives up their future places and waiting-list places."""
    upcoming = Registration.objects.filter(
        user=user, event__starts_at__gt=timezone.now(), status__in=[Status.REGISTERED, Status.WAITING]
    ).select_related("event")
    for registration in upcoming:
        registration_cancel(registration=registration, by=user)


def reminders_send(*, now=None) -> int:
    """Remind the registered members of each event that starts within the next day; `notify` keeps it to
    one reminder per person and event however often this runs. Returns the number of events."""
    now = now or timezone.now()
    events = Event.objects.filter(starts_at__gt=now, starts_at__lte=now + timedelta(days=1))
    count = 0
    for event in events.prefetch_related("registrations__user"):
        people = [r.user for r in event.registrations.all() if r.status == Status.REGISTERED]
        if people:
            notify("club.reminder", target=event, recipients=people, key="day-before")
            count += 1
    return count
