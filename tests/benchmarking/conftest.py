"""Fixtures for benchmarking: the demo catalogue, peers with decided assessments, a fresh population."""

import pytest
from django.core.cache import cache

from benchmarking import population as population_module
from labels.catalogue_import import framework_import
from tests.labels import DEMO_CATALOGUE

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
    return framework_import(DEMO_CATALOGUE)


@pytest.fixture
def decided_a(framework, org_a):
    """Organisation A's approved Bronze: green everywhere except S3 (yellow) and G3 (red)."""
    return decided_assessment(org_a, framework, {"S3": "3", "G3": "0.5"})
