"""Server time of the benchmark page at 1,000 and 10,000 demo organisations.

    .venv/bin/python bench/benchmarking.py                  # a temporary SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clusterexcellence .venv/bin/python bench/benchmarking.py
                                                            # a throw-away test_… database on that server

Seeds the demo data (`seed_demo`, every app's hook) into a fresh database, signs in as the demo
manager and requests the Bavarian Mobility Cluster's benchmark for one peer group (same sector)
REPEATS times in-process, after one request that builds the population. Prints the median and the
95th percentile of the server time, the queries per request and the population's build time, for
each size, so the growth is visible. The target is a median of at most 50 ms at 10,000 on PostgreSQL.
"""

import os
import shutil
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SIZES = (1000, 10000)
REPEATS = 40
URL = "/benchmarking/organisations/bavarian-mobility-cluster/?sector=mobility"


def setup_django():
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterexcellence.settings.test")
    django.setup()


def measure(size: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from benchmarking import population

    started = time.monotonic()
    call_command("seed_demo", orgs=size, seed=1, no_logins=True, stdout=StringIO())
    seeded = time.monotonic() - started
    client = Client()
    client.force_login(User.objects.get(email="manager@example.org"))
    first = time.perf_counter()
    response = client.get(URL)
    first = time.perf_counter() - first
    if response.status_code != 200:
        sys.exit(f"GET {URL} answered {response.status_code}")
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        client.get(URL)
        times.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    built = population._current
    return {
        "size": size,
        "benchmarked": len(built.org_ids),
        "seed": seeded,
        "build": built.build_seconds,
        "first": first,
        "median": statistics.median(times),
        "p95": sorted(times)[int(0.95 * (len(times) - 1))],
        "queries": len(queries),
    }


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    settings.DEBUG = False
    if connection.vendor == "postgresql":
        name = urlparse(os.environ.get("DATABASE_URL", "")).path.lstrip("/") or "clusterexcellence"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{name}_benchmarking"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = [measure(size) for size in SIZES]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if Path(settings.MEDIA_ROOT).name.startswith("ce-test-media-"):
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    print(f"benchmark page ({URL}) on {connection.vendor}, {REPEATS} requests after the first")
    print(
        f"{'organisations':>13} {'benchmarked':>11} {'median':>9} {'p95':>9} {'queries':>7} {'first':>8} {'build':>7}"
    )
    for r in results:
        print(
            f"{r['size']:>13} {r['benchmarked']:>11} {r['median'] * 1000:>7.1f}ms {r['p95'] * 1000:>7.1f}ms "
            f"{r['queries']:>7} {r['first']:>7.2f}s {r['build']:>6.2f}s"
        )


if __name__ == "__main__":
    main()
