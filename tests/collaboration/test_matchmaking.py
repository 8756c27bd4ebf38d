"""Matchmaking: events with slots, taking part, requests, answers, schedules without double bookings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from collaboration import matchmaking
from collaboration.choices import MeetingStatus
from collaboration.ical import schedule_ics
from collaboration.models import MeetingSeat
from tests.factories import UserFactory

from .conftest import join


@pytest.fixture
def people(event, owner_a, owner_b, outsider, org_a, org_b):
    return join(event, owner_a, org_a), join(event, owner_b, org_b), join(event, outsider)


def ask(event, by, recipient, slot, message="Shall we meet?"):
    return matchmaking.meeting_request(event=event, by=by, recipient=recipient, slot=slot, message=message)


def test_only_staff_create_events(owner_a):
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(PermissionDenied):
        matchmaking.event_create(title="x", periods=[(start, start + timedelta(minutes=20))], by=owner_a)


def test_slots_of_an_event_must_not_overlap(staff_user):
    start = timezone.now() + timedelta(days=1)
    periods = [(start, start + timedelta(minutes=30)), (start + timedelta(minutes=20), start + timedelta(minutes=50))]
    with pytest.raises(ValidationError, match="must not overlap"):
        matchmaking.event_create(title="x", periods=periods, by=staff_user)


def test_a_plan_gives_consecutive_slots():
    from datetime import date, time

    periods = matchmaking.SlotPlan(date(2030, 5, 6), time(9), minutes=20, count=3, pause_minutes=5).periods()
    assert [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in periods] == [
        ("09:00", "09:20"), ("09:25", "09:45"), ("09:50", "10:10"),
    ]  # fmt: skip


def test_a_participant_represents_only_their_own_organisation(event, owner_a, org_b):
    with pytest.raises(PermissionDenied):
        join(event, owner_a, org_b)


def test_an_accepted_meeting_is_in_both_schedules(event, people, owner_a, owner_b, django_capture_on_commit_callbacks):
    _a, b, _c = people
    with django_capture_on_commit_callbacks(execute=True):
        meeting = ask(event, owner_a, b, event.slots.first())
        matchmaking.meeting_accept(meeting=meeting, by=owner_b)

    assert [m.pk for m in matchmaking.schedule_of(owner_a)] == [meeting.pk]
    assert [m.pk for m in matchmaking.schedule_of(owner_b)] == [meeting.pk]
    assert [message.to for message in mail.outbox] == [["owner-b@example.test"], ["owner-a@example.test"]]
    assert mail.outbox[1].subject == "Your meeting was accepted"


def test_only_the_person_asked_accepts(event, people, owner_a, outsider):
    _a, b, _c = people
    meeting = ask(event, owner_a, b, event.slots.first())
    for someone in (owner_a, outsider):
        with pytest.raises(PermissionDenied):
            matchmaking.meeting_accept(meeting=meeting, by=someone)


def test_a_person_cannot_be_booked_twice_in_one_slot(event, people, owner_a, owner_b, outsider):
    a, b, c = people
    slot = event.slots.first()
    first = ask(event, owner_b, a, slot)
    second = ask(event, outsider, a, slot)
    matchmaking.meeting_accept(meeting=first, by=owner_a)

    with pytest.raises(matchmaking.MeetingConflict, match="You already have a meeting at this time"):
        matchmaking.meeting_accept(meeting=second, by=owner_a)
    second.refresh_from_db()
    assert second.status == MeetingStatus.REQUESTED


def test_overlapping_slots_of_two_events_count_as_a_double_booking(event, people, owner_a, owner_b, staff_user):
    a, b, _c = people
    slot = event.slots.first()
    other = matchmaking.event_create(
        title="Side event", periods=[(slot.starts_at + timedelta(minutes=10), slot.ends_at + timedelta(minutes=10))],
        by=staff_user,
    )  # fmt: skip
    a2, _b2 = join(other, owner_a), join(other, owner_b)
    matchmaking.meeting_accept(meeting=ask(event, owner_a, b, slot), by=owner_b)
    with pytest.raises(matchmaking.MeetingConflict):
        matchmaking.meeting_accept(meeting=ask(other, owner_b, a2, other.slots.get()), by=owner_a)


def test_an_answered_meeting_cannot_be_answered_again(event, people, owner_a, owner_b):
    _a, b, _c = people
    meeting = ask(event, owner_a, b, event.slots.first())
    matchmaking.meeting_decline(meeting=meeting, by=owner_b)
    with pytest.raises(matchmaking.MeetingConflict):
        matchmaking.meeting_accept(meeting=meeting, by=owner_b)


def test_cancelling_frees_the_slot(event, people, owner_a, owner_b):
    _a, b, _c = people
    meeting = ask(event, owner_a, b, event.slots.first())
    matchmaking.meeting_accept(meeting=meeting, by=owner_b)
    matchmaking.meeting_cancel(meeting=meeting, by=owner_a)
    assert not MeetingSeat.objects.exists()
    assert matchmaking.schedule_of(owner_b) == []


def test_one_open_request_per_pair(event, people, owner_a, owner_b):
    _a, b, _c = people
    ask(event, owner_a, b, event.slots.first())
    with pytest.raises(matchmaking.MeetingConflict):
        ask(event, owner_a, b, event.slots.last())


def test_nobody_meets_themselves_or_asks_without_taking_part(event, people, owner_a):
    a, _b, _c = people
    with pytest.raises(ValidationError):
        ask(event, owner_a, a, event.slots.first())
    with pytest.raises(PermissionDenied):
        ask(event, UserFactory(), a, event.slots.first())


def test_the_schedule_downloads_as_icalendar(client_as, event, people, owner_a, owner_b, org_b):
    _a, b, _c = people
    meeting = ask(event, owner_a, b, event.slots.first())
    matchmaking.meeting_accept(meeting=meeting, by=owner_b)

    response = client_as(owner_a).get("/collaboration/schedule.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 1
    assert "Beta Cluster" in str(entries[0]["SUMMARY"])
    assert entries[0].decoded("DTSTART") == meeting.slot.starts_at
    assert schedule_ics(owner_b).count(b"BEGIN:VEVENT") == 1


def test_the_event_page_lets_participants_ask_and_answer(client_as, event, people, owner_a, owner_b):
    a, b, _c = people
    slot = event.slots.first()
    response = client_as(owner_a).post(
        f"/collaboration/events/{event.public_id}/participants/{b.pk}/meet/", {"slot": slot.pk, "message": "Hi"}
    )
    assert response.status_code == 302
    meeting = b.received_meetings.get()
    client = client_as(owner_b)
    assert "Accept" in client.get(event.get_absolute_url()).content.decode()
    client.post(f"/collaboration/meetings/{meeting.public_id}/accept/")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED
    assert "Beta Cluster" not in client.get("/collaboration/schedule/").content.decode()  # the other person's org
    assert "Alpha Cluster" in client.get("/collaboration/schedule/").content.decode()


def test_a_stranger_cannot_answer_a_meeting_through_the_page(client_as, event, people, owner_a, owner_b, editor_a):
    _a, b, _c = people
    meeting = ask(event, owner_a, b, event.slots.first())
    assert client_as(editor_a).post(f"/collaboration/meetings/{meeting.public_id}/accept/").status_code == 404


def test_staff_create_an_event_on_the_page(client_as, staff_user):
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    response = client_as(staff_user).post(
        "/collaboration/events/new/",
        {"title": "Days", "day": day, "first_start": "09:00", "minutes": 20, "pause_minutes": 5, "count": 6},
    )
    assert response.status_code == 302
    from collaboration.models import Event

    assert Event.objects.get().slots.count() == 6


def test_others_may_not_create_events(client_as, owner_a):
    assert client_as(owner_a).get("/collaboration/events/new/").status_code == 403
