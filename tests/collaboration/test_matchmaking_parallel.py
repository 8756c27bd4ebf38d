"""Two meetings of one person accepted at the same moment: PostgreSQL, real parallel transactions."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from collaboration import matchmaking
from collaboration.choices import MeetingStatus
from collaboration.models import Meeting, MeetingSeat
from tests.factories import MembershipFactory, UserFactory
from tests.services import require_postgres

from .conftest import join

pytestmark = pytest.mark.django_db(transaction=True)


def accept_in_parallel(meetings, user) -> list:
    """Each meeting accepted by `user` in its own thread and transaction, released together."""
    barrier = threading.Barrier(len(meetings))
    outcomes = [None] * len(meetings)

    def accept(index, meeting):
        try:
            barrier.wait(timeout=10)
            matchmaking.meeting_accept(meeting=meeting, by=user)
            outcomes[index] = "accepted"
        except matchmaking.MeetingConflict:
            outcomes[index] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(i, m)) for i, m in enumerate(meetings)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def crowd(staff_user):
    """A person asked by three others for the same slot, and by a fourth in an overlapping slot elsewhere."""
    start = matchmaking.timezone.now().replace(microsecond=0) + timedelta(days=5)
    first = matchmaking.event_create(title="A", periods=[(start, start + timedelta(minutes=20))], by=staff_user)
    second = matchmaking.event_create(
        title="B", periods=[(start + timedelta(minutes=10), start + timedelta(minutes=30))], by=staff_user
    )
    wanted = MembershipFactory().user
    asked = [join(first, wanted), join(second, wanted)]
    meetings = []
    for event, participant in ((first, asked[0]), (first, asked[0]), (first, asked[0]), (second, asked[1])):
        asker = UserFactory()
        join(event, asker)
        meetings.append(
            matchmaking.meeting_request(event=event, by=asker, recipient=participant, slot=event.slots.get())
        )
    return wanted, meetings


def test_only_one_of_several_meetings_accepted_at_once_is_kept(crowd):
    require_postgres()
    wanted, meetings = crowd

    outcomes = accept_in_parallel(meetings, wanted)

    assert sorted(outcomes) == ["accepted", "refused", "refused", "refused"]
    assert Meeting.objects.filter(status=MeetingStatus.ACCEPTED).count() == 1
    assert MeetingSeat.objects.filter(user=wanted).count() == 1
    assert len(matchmaking.schedule_of(wanted)) == 1
