"""Fixtures for the labels pages: personas that only the review process needs."""

import pytest

from accounts.models import AssessorProfile
from tests.factories import UserFactory
from tests.labels import built_fixtures

# Assessments built with bulk inserts: these tests are about pages and endpoints, not transitions.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended


@pytest.fixture
def other_assessor(db):
    """A certified assessor who is not assigned to the assessment under test."""
    user = UserFactory(email="other-assessor@example.test", is_assessor=True, first_name="Olga", last_name="Other")
    AssessorProfile.objects.create(user=user, languages=["en", "it"], countries=["IT"])
    return user


@pytest.fixture
def label(recommended, board_member):
    """Organisation A's Gold label, issued by the board's approval (its certificate not rendered yet)."""
    from labels import transitions

    return transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member).label
