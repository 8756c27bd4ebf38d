"""Events: registering, the waiting list and its promotion, deadlines, the link, calendars, reminders."""

from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from club import events, memberships
from club.models import Registration
from club.tasks import send_event_reminders
from clusterexcellence.models import Job, JobStatus
from tests.factories import ClubMembershipFactory, EventFactory


def members(count):
    return [ClubMembershipFactory().user for _ in range(count)]


def test_places_go_first_come_then_the_waiting_list(event):
    first, second, third = members(3)

    statuses = [events.event_register(event=event, user=user).status for user in (first, second, third)]

    assert statuses == ["registered", "registered", "waiting"]
    assert events.event_register(event=event, user=first).status == "registered"  # twice changes nothing


def test_a_cancelled_place_goes_to_the_first_waiting_who_is_told(event, run_jobs):
    first, second, third, fourth = members(4)
    for user in (first, second, third, fourth):
        events.event_register(event=event, user=user)

    run_jobs(lambda: events.registration_cancel(registration=Registration.objects.get(user=first), by=first))

    assert Registration.objects.get(user=third).status == "registered"
    assert Registration.objects.get(user=fourth).status == "waiting"
    (email,) = mail.outbox
    assert email.to == [third.email]
    assert "moved up from the waiting list" in email.body


def test_more_places_move_the_waiting_list_up(event):
    users = members(4)
    for user in users:
        events.event_register(event=event, user=user)
    event.capacity = 4
    event.save()

    events.event_capacity_changed(event=event)

    assert set(Registration.objects.values_list("status", flat=True)) == {"registered"}


def test_registration_closes_at_the_deadline(club_member):
    closed = EventFactory(registration_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(events.RegistrationNotAllowed):
        events.event_register(event=closed, user=club_member)


def test_a_started_event_cannot_be_cancelled(club_member):
    soon = timezone.now() + timedelta(hours=2)
    started = EventFactory(starts_at=soon, registration_deadline=soon)
    registration = events.event_register(event=started, user=club_member)
    started.starts_at = timezone.now() - timedelta(minutes=5)
    started.save()
    with pytest.raises(events.RegistrationNotAllowed):
        events.registration_cancel(registration=registration, by=club_member)


def test_the_online_link_is_shown_to_members_with_a_place_only(client_as, event, club_member, other_member):
    event.capacity = 1
    event.save()
    client_as(club_member).post(f"/club/events/{event.public_id}/register/")
    assert event.online_link in client_as(club_member).get(event.get_absolute_url()).content.decode()

    client = client_as(other_member)
    client.post(f"/club/events/{event.public_id}/register/")
    content = client.get(event.get_absolute_url()).content.decode()
    assert "number 1 on the waiting list" in content
    assert event.online_link not in content
    assert event.online_link not in client.get(f"/club/events/{event.public_id}/calendar.ics").content.decode()


def test_event_pages_are_for_members(client_as, api_as, event, outsider):
    assert client_as(outsider).get(event.get_absolute_url()).status_code == 403
    assert client_as(outsider).post(f"/club/events/{event.public_id}/register/").status_code == 403
    assert api_as(outsider).get("/api/club/events/").status_code == 403
    assert not Registration.objects.exists()


def test_a_late_registration_is_refused_on_the_page_and_in_the_api(client_as, api_as, club_member):
    closed = EventFactory(registration_deadline=timezone.now() - timedelta(minutes=1))
    response = client_as(club_member).post(f"/club/events/{closed.public_id}/register/", follow=True)
    assert "Registration for this event has closed." in response.content.decode()
    assert api_as(club_member).post(f"/api/club/events/{closed.public_id}/registration/").status_code == 409


def test_the_event_file_is_icalendar_in_the_events_time_zone(client_as, club_member):
    event = EventFactory(time_zone="America/New_York", title="Transatlantic webinar")
    events.event_register(event=event, user=club_member)

    response = client_as(club_member).get(f"/club/events/{event.public_id}/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Transatlantic webinar"
    assert entry.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert entry["dtstart"].params["TZID"] == "America/New_York"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_the_feed_lists_upcoming_events_for_a_member_and_stops_when_they_leave(client, api_as, club_member, event):
    past = EventFactory(title="Old meeting", starts_at=timezone.now() - timedelta(days=30))
    events.event_register(event=event, user=club_member)
    feed_url = api_as(club_member).get("/api/club/calendar/").json()["feed_url"]

    calendar = icalendar.Calendar.from_ical(client.get(feed_url).content)  # no session: calendar apps
    summaries = [str(entry["summary"]) for entry in calendar.walk("VEVENT")]
    assert summaries == [event.title] and past.title not in summaries
    assert event.online_link in client.get(feed_url).content.decode().replace("\r\n ", "")

    memberships.membership_leave(user=club_member)
    assert client.get(feed_url).status_code == 404


def test_reminders_go_the_day_before_once(club_member, other_member, run_jobs):
    soon = timezone.now() + timedelta(hours=20)
    tomorrow = EventFactory(title="Tomorrow's webinar", starts_at=soon, registration_deadline=soon)
    later = EventFactory(title="Next month", starts_at=timezone.now() + timedelta(days=30))
    events.event_register(event=tomorrow, user=club_member)
    events.event_register(event=later, user=other_member)

    run_jobs(lambda: send_event_reminders())
    run_jobs(lambda: send_event_reminders())

    assert [(email.to, email.subject) for email in mail.outbox] == [
        ([club_member.email], "Tomorrow: Tomorrow's webinar")
    ]
    assert list(Job.objects.filter(kind="club.tasks.send_event_reminders").values_list("status", flat=True)) == [
        JobStatus.DONE, JobStatus.DONE,
    ]  # fmt: skip


def test_the_api_registers_cancels_and_lists(api_as, club_member, event):
    api = api_as(club_member)
    created = api.post(f"/api/club/events/{event.public_id}/registration/")
    assert created.status_code == 201
    assert created.json()["my_registration"] == "registered"
    assert created.json()["online_link"] == event.online_link
    assert api.get("/api/club/registrations/").json()["count"] == 1
    assert api.get("/api/club/events/").json()["results"][0]["places_taken"] == 1

    cancelled = api.delete(f"/api/club/events/{event.public_id}/registration/")
    assert cancelled.json()["my_registration"] is None
    assert cancelled.json()["online_link"] == ""
    assert api.delete(f"/api/club/events/{event.public_id}/registration/").status_code == 404


def test_the_event_list_takes_a_bounded_number_of_queries(client_as, club_member, django_assert_max_num_queries):
    for number in range(15):
        event = EventFactory(starts_at=timezone.now() + timedelta(days=number - 5))
        for user in members(2):
            Registration.objects.create(event=event, user=user, status="registered")
    client = client_as(club_member)
    client.get("/club/events/")
    with django_assert_max_num_queries(7):
        assert client.get("/club/events/").status_code == 200
