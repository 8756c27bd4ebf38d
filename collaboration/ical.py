"""A person's matchmaking schedule as an iCalendar file (RFC 5545), written with `icalendar`."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from accounts.models import User

from .matchmaking import other_person, schedule_of


def schedule_ics(user: User) -> bytes:
    """Every accepted meeting of the user, with the other person and their organisation."""
    calendar = Calendar()
    calendar.add("prodid", "-//Cluster Excellence//Matchmaking//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Cluster Excellence meetings"))
    now = timezone.now()
    for meeting in schedule_of(user):
        other = other_person(meeting, user)
        with_whom = str(other.user) + (f" ({other.organisation.name})" if other.organisation else "")
        entry = CalendarEvent()
        entry.add("uid", f"{meeting.public_id}@cluster-excellence")
        entry.add("dtstamp", now)
        entry.add("dtstart", meeting.slot.starts_at)
        entry.add("dtend", meeting.slot.ends_at)
        entry.add("summary", _("Meeting with %(person)s") % {"person": with_whom})
        entry.add("description", f"{meeting.event.title}\n{meeting.message}".strip())
        if meeting.event.location:
            entry.add("location", meeting.event.location)
        entry.add("url", settings.SITE_URL + meeting.get_absolute_url())
        calendar.add_component(entry)
    return calendar.to_ical()
