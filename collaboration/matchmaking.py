"""Matchmaking events: creating them with time slots, taking part, one-to-one meetings and schedules.

The rule "two meetings of one person never overlap" is enforced in `meeting_accept`: it locks both
people's user rows (so acceptances of meetings of one person run one after the other), checks
their accepted meetings for an overlap, then writes one MeetingSeat per person, whose unique
(person, slot) constraint refuses a double booking even if a writer bypassed the lock."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from accounts.permissions import is_member
from clusterexcellence.errors import StateConflict

from . import permissions
from .choices import MeetingStatus
from .models import Event, Meeting, MeetingSeat, Participant, TimeSlot
from .models.matchmaking import TEXT_MAX
from .notifications import meeting_answered_notify, meeting_requested_notify

SLOTS_MAX = 60


class MeetingConflict(StateConflict):
    """A meeting's state or a person's schedule forbids the action."""


@dataclass(frozen=True)
class SlotPlan:
    """Consecutive slots of equal length on one day, as staff plan them."""

    day: date
    first_start: time
    minutes: int
    count: int
    pause_minutes: int = 0

    def periods(self) -> list[tuple[datetime, datetime]]:
        start = timezone.make_aware(datetime.combine(self.day, self.first_start))
        periods = []
        for _index in range(self.count):
            end = start + timedelta(minutes=self.minutes)
            periods.append((start, end))
            start = end + timedelta(minutes=self.pause_minutes)
        return periods


def _validate_periods(periods: list[tuple[datetime, datetime]]) -> None:
    if not periods or len(periods) > SLOTS_MAX:
        raise ValidationError(_("An event has between 1 and %(count)s time slots.") % {"count": SLOTS_MAX})
    ordered = sorted(periods)
    for start, end in ordered:
        if end <= start:
            raise ValidationError(_("A time slot must end after it starts."))
    for (_start, end), (next_start, _end) in zip(ordered, ordered[1:], strict=False):
        if next_start < end:
            raise ValidationError(_("The time slots of an event must not overlap."))


@transaction.atomic
def event_create(
    *, title: str, description: str = "", location: str = "", periods: list[tuple[datetime, datetime]], by: User
) -> Event:
    """Staff create an event with its time slots."""
    if not permissions.can_manage_events(by):
        raise PermissionDenied(_("Only the secretariat creates matchmaking events."))
    if not title.strip():
        raise ValidationError({"title": _("Give the event a title.")})
    _validate_periods(periods)
    event = Event.objects.create(title=title.strip(), description=description.strip(), location=location, created_by=by)
    TimeSlot.objects.bulk_create(TimeSlot(event=event, starts_at=start, ends_at=end) for start, end in sorted(periods))
    return event


@transaction.atomic
def participant_join(
    *, event: Event, user: User, organisation: Organisation | None, offers: str, looking_for: str
) -> Participant:
    """Take part in an event, or change what one offers and looks for."""
    if not permissions.can_take_part(user):
        raise PermissionDenied
    if organisation is not None and not is_member(user, organisation):
        raise PermissionDenied(_("You can only represent an organisation you belong to."))
    if len(offers) > TEXT_MAX or len(looking_for) > TEXT_MAX:
        raise ValidationError(_("Keep each text under %(count)s characters.") % {"count": TEXT_MAX})
    participant, _created = Participant.objects.update_or_create(
        event=event,
        user=user,
        defaults={"organisation": organisation, "offers": offers.strip(), "looking_for": looking_for.strip()},
    )
    return participant


def _busy(users: list[int], slot: TimeSlot) -> set[int]:
    """Which of the users already have an accepted meeting overlapping the slot."""
    overlapping = MeetingSeat.objects.filter(
        user_id__in=users, starts_at__lt=slot.ends_at, ends_at__gt=slot.starts_at
    ).values_list("user_id", flat=True)
    return set(overlapping)


@transaction.atomic
def meeting_request(*, event: Event, by: User, recipient: Participant, slot: TimeSlot, message: str = "") -> Meeting:
    """Ask another participant for a one-to-one meeting in a slot; they accept or decline."""
    requester = Participant.objects.filter(event=event, user=by).first()
    if requester is None:
        raise PermissionDenied(_("Take part in the event first."))
    if recipient.event_id != event.pk or slot.event_id != event.pk:
        raise ValidationError(_("Choose a participant and a time slot of this event."))
    if recipient.pk == requester.pk:
        raise ValidationError(_("You cannot meet yourself."))
    if len(message) > TEXT_MAX:
        raise ValidationError({"message": _("Keep the message under %(count)s characters.") % {"count": TEXT_MAX}})
    if slot.starts_at <= timezone.now():
        raise MeetingConflict(_("This time slot has already begun."))
    if _busy([by.pk], slot):
        raise MeetingConflict(_("You already have a meeting at this time."))
    pending = Meeting.objects.filter(
        Q(requester=requester, recipient=recipient) | Q(requester=recipient, recipient=requester),
        event=event,
        status__in=[MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED],
    )
    if pending.exists():
        raise MeetingConflict(_("You already have a request or a meeting with this person at this event."))
    meeting = Meeting.objects.create(
        event=event, slot=slot, requester=requester, recipient=recipient, message=message.strip()
    )
    meeting_requested_notify(meeting)
    return meeting


def _lock(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("slot", "requester__user", "recipient__user", "event")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def meeting_accept(*, meeting: Meeting, by: User) -> Meeting:
    """Accept a requested meeting: both people get it in their schedule, unless either is busy then."""
    meeting = _lock(meeting)
    if not permissions.can_answer_meeting(by, meeting):
        raise PermissionDenied(_("Only the person asked can accept this meeting."))
    if meeting.status != MeetingStatus.REQUESTED:
        raise MeetingConflict(_("This meeting has already been answered."))
    people = sorted([meeting.requester.user_id, meeting.recipient.user_id])
    # One acceptance per person at a time, in a fixed order so two acceptances cannot deadlock.
    list(User.objects.select_for_update(no_key=True).filter(pk__in=people).order_by("pk").values_list("pk"))
    busy = _busy(people, meeting.slot)
    if by.pk in busy:
        raise MeetingConflict(_("You already have a meeting at this time."))
    if busy:
        raise MeetingConflict(_("%(person)s already has a meeting at this time.") % {"person": meeting.requester.user})
    try:
        with transaction.atomic():
            MeetingSeat.objects.bulk_create(
                MeetingSeat(
                    meeting=meeting, user_id=user_id, slot=meeting.slot,
                    starts_at=meeting.slot.starts_at, ends_at=meeting.slot.ends_at,
                )
                for user_id in people
            )  # fmt: skip
    except IntegrityError as error:
        raise MeetingConflict(_("One of you already has a meeting at this time.")) from error
    meeting.status, meeting.decided_at = MeetingStatus.ACCEPTED, timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    meeting_answered_notify(meeting, tell=meeting.requester.user)
    return meeting


@transaction.atomic
def meeting_decline(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _lock(meeting)
    if not permissions.can_answer_meeting(by, meeting):
        raise PermissionDenied(_("Only the person asked can decline this meeting."))
    if meeting.status != MeetingStatus.REQUESTED:
        raise MeetingConflict(_("This meeting has already been answered."))
    meeting.status, meeting.decided_at = MeetingStatus.DECLINED, timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    meeting_answered_notify(meeting, tell=meeting.requester.user)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User) -> Meeting:
    """Either person calls off a request or an accepted meeting; the slot is free again."""
    meeting = _lock(meeting)
    if not permissions.can_cancel_meeting(by, meeting):
        raise PermissionDenied(_("Only the two people of a meeting can cancel it."))
    if meeting.status not in (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED):
        raise MeetingConflict(_("This meeting is no longer planned."))
    meeting.seats.all().delete()
    meeting.status, meeting.decided_at = MeetingStatus.CANCELLED, timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    other = meeting.recipient.user if by.pk == meeting.requester.user_id else meeting.requester.user
    meeting_answered_notify(meeting, tell=other)
    return meeting


def schedule_of(user: User) -> list[Meeting]:
    """The user's accepted meetings across events, in time order (one query)."""
    return list(
        Meeting.objects.filter(seats__user=user, status=MeetingStatus.ACCEPTED)
        .select_related("slot", "event", "requester__user", "requester__organisation")
        .select_related("recipient__user", "recipient__organisation")
        .order_by("slot__starts_at", "pk")
    )


def other_person(meeting: Meeting, user: User) -> Participant:
    return meeting.recipient if meeting.requester.user_id == user.pk else meeting.requester
