"""The table versions in Redis, as production keeps them (clusterexcellence/data_versions.py): the
suite's own cache is each process's memory, so this module points the cache at the Redis in
REDIS_URL (with a key prefix of its own)."""

import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings

from accounts.models import Organisation
from clusterexcellence import data_versions
from tests.services import require_redis

pytestmark = pytest.mark.django_db
TABLE = Organisation._meta.db_table


@pytest.fixture(autouse=True)
def redis_cache():
    url = require_redis()
    backend = {"BACKEND": "clusterexcellence.redis_cache.RedisCache", "LOCATION": url}
    with override_settings(CACHES={"default": {**backend, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}):
        yield
        cache._cache.get_client(write=True).delete(cache.make_key("data-versions"))


def test_a_write_bumps_the_version_in_redis(org_a):
    data_versions.start([TABLE])
    before = data_versions.versions([TABLE])[TABLE]

    Organisation.objects.filter(pk=org_a.pk).update(name="Renamed")

    assert data_versions.versions([TABLE])[TABLE] > before


def test_a_remembered_value_is_served_until_its_tables_change(org_a):
    def make():
        return list(Organisation.objects.values_list("name", flat=True))

    names = [data_versions.remember("names", "test-names", make, timeout=60) for _ in range(3)]
    Organisation.objects.filter(pk=org_a.pk).update(name="Renamed")
    made_again = []

    def count_make():
        made_again.append(1)
        return make()

    after = data_versions.remember("names", "test-names", count_make, timeout=60)
    served = data_versions.remember("names", "test-names", count_make, timeout=60)

    assert names[0] == names[2]
    assert "Renamed" in after and served == after
    assert made_again == [1]  # made once after the change, then served


def test_a_lost_version_starts_again_at_random_not_at_one():
    data_versions.bump([TABLE])
    cache._cache.get_client(write=True).delete(cache.make_key("data-versions"))  # evicted, say

    data_versions.bump([TABLE])

    assert data_versions.versions([TABLE])[TABLE] > 1000
