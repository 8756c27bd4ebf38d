"""Fixtures of the Open Badges, embeddable badge, appeal and reminder tests: an approved Gold
assessment of organisation A with its label, built with the factories (no e-mails)."""

import pytest

from labels.models import Label
from tests.factories import UserFactory, assessment_in


@pytest.fixture
def approved(framework, org_a, owner_a, staff_user, assessor, assessor2, board_member):
    """Organisation A's Gold application, approved by the board member; it issued the label."""
    return assessment_in(
        "approved", organisation=org_a, owner=owner_a, staff=staff_user, assessors=[assessor, assessor2],
        board=board_member,
    )  # fmt: skip


@pytest.fixture
def label(approved) -> Label:
    return Label.objects.select_related("organisation").get(assessment=approved)


@pytest.fixture
def rejected(framework, org_a, owner_a, staff_user, assessor, assessor2, board_member):
    """Organisation A's Gold application, rejected by the board member."""
    return assessment_in(
        "rejected", organisation=org_a, owner=owner_a, staff=staff_user, assessors=[assessor, assessor2],
        board=board_member,
    )  # fmt: skip


@pytest.fixture
def board2(db):
    """A second board member, who took no part in the decisions the fixtures make."""
    return UserFactory(email="board2@example.test", is_board_member=True)
