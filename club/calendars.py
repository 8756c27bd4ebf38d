"""iCalendar (RFC 5545) files: one event, and the feed of upcoming events a member subscribes to.

Times are written in the event's own time zone with its VTIMEZONE, so calendar apps show them
right wherever the reader is. The online link is written only for a member with a place."""

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Event

PRODID = "-//Cluster Excellence//Managers' club//EN"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(event: Event, *, with_link: bool) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", f"{event.public_id}@cluster-excellence")
    entry.add("dtstamp", timezone.now())
    entry.add("last-modified", event.updated_at)
    entry.add("dtstart", event.local_start)
    entry.add("dtend", event.local_end)
    entry.add("summary", event.title)
    description = event.description
    if with_link and event.online_link:
        description = f"{description}\n\n{event.online_link}".strip()
    if description:
        entry.add("description", description)
    location = event.place or (event.online_link if with_link else "")
    if location:
        entry.add("location", location)
    entry.add("categories", [event.get_kind_display()])
    entry.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    return entry


def event_ics(event: Event, *, with_link: bool) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_event(event, with_link=with_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def feed_ics(events: Iterable[Event], *, linked: set[int], name: str) -> bytes:
    """`linked`: ids of the events whose online link the reader may see (those they have a place at)."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_event(event, with_link=event.pk in linked))
    calendar.add_missing_timezones()
    return calendar.to_ical()
