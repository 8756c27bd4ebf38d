"""Fixtures for the labels pages: personas that only the review process needs."""

import pytest

from accounts.models import AssessorProfile
from tests.factories import UserFactory


@pytest.fixture
def other_assessor(db):
    """A certified assessor who is not assigned to the assessment under test."""
    user = UserFactory(email="other-assessor@example.test", is_assessor=True, first_name="Olga", last_name="Other")
    AssessorProfile.objects.create(user=user, languages=["en", "it"], countries=["IT"])
    return user
