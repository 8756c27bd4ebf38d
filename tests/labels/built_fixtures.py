"""The assessment fixtures of tests/labels/conftest.py, built with bulk inserts instead of through
the transitions (tests/factories.py). The page and API tests use these (their conftest imports
them); the tests of the transitions themselves and the journeys keep the transition-driven ones.
The same names and the same chain, so a test reads the same either way."""

import pytest

from tests.factories import assessment_draft, assessment_in_review, assessment_recommended, assessment_submitted


@pytest.fixture
def draft(framework, org_a, owner_a):
    """A Gold draft of organisation A, started by its owner, nothing answered."""
    return assessment_draft(organisation=org_a, owner=owner_a)


@pytest.fixture
def submitted(draft, owner_a):
    """Every indicator answered green and submitted; the scoring job waits."""
    return assessment_submitted(draft, by=owner_a)


@pytest.fixture
def in_review(submitted, staff_user, assessor, assessor2):
    return assessment_in_review(submitted, assessors=[assessor, assessor2], by=staff_user)


@pytest.fixture
def recommended(in_review):
    """Interviewed yesterday; both assessors recommend Gold."""
    return assessment_recommended(in_review)
