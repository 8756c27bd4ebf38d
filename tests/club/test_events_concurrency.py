"""No overbooking: the last place taken by two people at the same moment goes to one of them, the
other lands on the waiting list and moves up when a place frees. Real parallel transactions on
PostgreSQL (SQLite serialises all writes, so there is nothing to race)."""

import threading

import pytest
from django.db import close_old_connections, connection

from club import events
from club.models import Registration
from tests.factories import ClubMembershipFactory, EventFactory
from tests.services import require_postgres

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_registrations_for_the_last_place_at_once_go_one_to_the_waiting_list():
    require_postgres()
    event = EventFactory(capacity=2)
    holder, first, second = (ClubMembershipFactory().user for _ in range(3))
    events.event_register(event=event, user=holder)
    barrier = threading.Barrier(2)
    results, errors = {}, []

    def register(user):
        try:
            barrier.wait(timeout=10)  # both transactions start together
            results[user.pk] = events.event_register(event=event, user=user).status
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(results.values()) == ["registered", "waiting"]
    assert Registration.objects.filter(event=event, status="registered").count() == 2

    events.registration_cancel(registration=Registration.objects.get(user=holder), by=holder)

    assert set(Registration.objects.filter(user__in=[first, second]).values_list("status", flat=True)) == {"registered"}
