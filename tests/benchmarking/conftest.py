"""Fixtures for benchmarking: the demo catalogue, peers with decided assessments, a fresh population."""

import pytest
from django.core.cache import cache

from benchmarking import population as population_module
from tests.factories import shipped_catalogue_import

from .helpers import decided_assessment


@pytest.fixture(autouse=True)
def fresh_population():
    """Each test starts without a population from another test's (rolled back) data."""
    population_module._current = None
    population_module._profiles_seen = (float("-inf"), None)
    cache.clear()
    yield
    population_module._current = None
    population_module._profiles_seen = (float("-inf"), None)


@pytest.fixture
def framework(db):
    return shipped_catalogue_import()


@pytest.fixture
def decided_a(framework, org_a):
    """Organisation A's approved Bronze: green everywhere except S3 (yellow) and G3 (red)."""
    return decided_assessment(org_a, framework, {"S3": "3", "G3": "0.5"})
