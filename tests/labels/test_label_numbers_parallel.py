"""Certificate numbers stay unique when the board approves several assessments of one series at the
same moment: real parallel transactions on PostgreSQL (SQLite serialises every write)."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from labels import transitions
from labels.models import CertificateCounter, Label
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, assessment_in
from tests.services import require_postgres

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 4


def test_parallel_approvals_draw_distinct_consecutive_numbers():
    require_postgres()
    staff = UserFactory(is_staff=True)
    board = UserFactory(is_board_member=True)
    assessors = [UserFactory(is_assessor=True), UserFactory(is_assessor=True)]
    waiting = []
    for _ in range(PARALLEL):
        organisation = OrganisationFactory(country="DE")
        owner = MembershipFactory(organisation=organisation, role="owner").user
        waiting.append(
            assessment_in(
                "recommended", organisation=organisation, owner=owner, staff=staff, assessors=assessors, board=board
            )
        )
    barrier = threading.Barrier(PARALLEL)
    errors = []

    def approve(assessment):
        try:
            barrier.wait(timeout=10)  # every transaction starts together
            transitions.assessment_decide(assessment=assessment, approve=True, reason="Met.", by=board)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=approve, args=(assessment,)) for assessment in waiting]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    year = timezone.localdate().year
    numbers = sorted(Label.objects.values_list("certificate_number", flat=True))
    assert numbers == [f"DEU-GOLD-{year}-{n:04d}" for n in range(1, PARALLEL + 1)]
    assert CertificateCounter.objects.get(country="DEU", level="gold", year=year).last == PARALLEL
