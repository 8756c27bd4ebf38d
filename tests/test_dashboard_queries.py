"""The dashboard's query count, pinned for every demo role: each section's loader runs a fixed
number of queries, however much work waits. A new section adds its loader's queries here."""

import pytest
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import Membership
from clusterexcellence.models import Job, JobStatus
from labels.models import AssessmentStatus
from tests.factories import assessment_in, organisations_bulk

STATES = [
    AssessmentStatus.DRAFT,
    AssessmentStatus.SUBMITTED,
    AssessmentStatus.IN_REVIEW,
    AssessmentStatus.RECOMMENDED,
    AssessmentStatus.APPROVED,
]
# The demo logins of README.md, by persona, and the most queries their dashboard may run.
QUERIES = {
    "owner_a": 34,  # manager@example.org
    # viewer@example.org; on PostgreSQL the peers rebuilt after new decisions are read through a cursor
    "viewer_a": 34,
    "assessor": 11,  # assessor@example.org
    "board_member": 10,  # board@example.org
    "staff_user": 14,  # staff@example.org
    "club_member": 10,  # member@example.org
    "outsider": 10,  # a newcomer who signed up and belongs to nothing yet
}


@pytest.fixture
def work(owner_a, viewer_a, staff_user, assessor, assessor2, board_member):
    """work(n) adds n organisations that manager and viewer belong to, each with an assessment in
    another state (waiting for staff, the assessors and the board), and n failed jobs."""

    def add(count: int) -> None:
        organisations = organisations_bulk(count)
        Membership.objects.bulk_create(
            Membership(user=user, organisation=organisation, role=role, joined_at=timezone.now())
            for organisation in organisations
            for user, role in ((owner_a, MembershipRole.OWNER), (viewer_a, MembershipRole.VIEWER))
        )
        for n, organisation in enumerate(organisations):
            assessment = assessment_in(
                STATES[n % len(STATES)],
                organisation=organisation,
                owner=owner_a,
                staff=staff_user,
                assessors=[assessor, assessor2],
                board=board_member,
            )
            Job.objects.create(kind="tests.report", target=assessment, status=JobStatus.FAILED)
        for person in (owner_a, viewer_a):
            person.__dict__.pop("_membership_roles", None)

    return add


@pytest.mark.parametrize(("persona", "queries"), QUERIES.items())
def test_the_dashboards_queries_do_not_grow_with_the_work_waiting(
    request, client_as, work, persona, queries, django_assert_max_num_queries
):
    client = client_as(request.getfixturevalue(persona))
    work(3)  # sections that summarise a few organisations show at most three
    client.get("/dashboard/")
    with django_assert_max_num_queries(queries):
        assert client.get("/dashboard/").status_code == 200
    work(10)
    with django_assert_max_num_queries(queries):
        assert client.get("/dashboard/").status_code == 200
