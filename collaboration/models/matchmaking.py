"""Matchmaking events: time slots, participants with offers and wishes, one-to-one meetings.

A person's accepted meetings never overlap: each accepted meeting gives both people a MeetingSeat,
unique per person and slot, and collaboration/matchmaking.py checks overlaps across events under
a lock on both people. Meeting.status is written only by that module."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from ..choices import MeetingStatus

TEXT_MAX = 1000


class Event(models.Model):
    """A matchmaking event run by the secretariat."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("matchmaking event")
        verbose_name_plural = _("matchmaking events")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collaboration:event_detail", args=[self.public_id])


class TimeSlot(models.Model):
    """A period in which one-to-one meetings of an event take place; slots of an event never overlap."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_slot_per_start"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"),
        ]

    def __str__(self):
        return f"{timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}–{timezone.localtime(self.ends_at):%H:%M}"


class Participant(models.Model):
    """A person taking part in an event, with what they offer and look for."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_participations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="event_participations"
    )
    offers = models.TextField(_("what I offer"), max_length=TEXT_MAX, blank=True)
    looking_for = models.TextField(_("what I am looking for"), max_length=TEXT_MAX, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_participation_per_event")]

    def __str__(self):
        return str(self.user)


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A meeting is seen by its two people (and staff, who run the event)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(Q(requester__user=user) | Q(recipient__user=user))


class Meeting(models.Model):
    """A one-to-one meeting one participant asks another for, in one slot."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    slot = models.ForeignKey(TimeSlot, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="requested_meetings")
    recipient = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="received_meetings")
    message = models.TextField(_("message"), max_length=TEXT_MAX, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.REQUESTED, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["slot__starts_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(requester=F("recipient")), name="meeting_of_two_people")]

    def __str__(self):
        return f"{self.requester} – {self.recipient} ({self.slot})"

    def get_absolute_url(self):
        return reverse("collaboration:event_detail", args=[self.event.public_id]) + "#meetings"

    @property
    def status_choice(self) -> MeetingStatus:
        return MeetingStatus(self.status)


class MeetingSeat(models.Model):
    """One person's place in an accepted meeting. Unique per person and slot: the database refuses
    a second meeting in the same slot even when two acceptances race; times are copied from the slot
    so overlaps across events are one indexed query."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_seats")
    slot = models.ForeignKey(TimeSlot, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "slot"], name="one_meeting_per_person_and_slot")]
        indexes = [models.Index(fields=["user", "starts_at"])]

    def __str__(self):
        return f"{self.user} at {self.slot}"
