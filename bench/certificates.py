"""Certificates and the public register, measured.

    .venv/bin/python bench/certificates.py                      # a temporary SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clusterexcellence .venv/bin/python bench/certificates.py
    .venv/bin/python bench/certificates.py --sizes 300 10000 --labels 1000

Seeds the demo data (`seed_demo`, every app's hook) into a fresh database and prints:
- the time to render one certificate through the project's code (`labels.certificates.certificate_render`:
  template, QR code, `clusterexcellence.pdf.render_pdf`, the storage) against WeasyPrint rendering the
  same HTML directly, median of REPEATS, in the same run (target: at most 1.5×);
- certificates per second for `--labels` labels rendered again by one and by two processes, each
  running `certificate_render` as the Celery task's handler does (no broker in between);
- the queries and the server time of `/labels/register/` and `GET /api/labels/` at each size of
  `--sizes` (they must not grow with the number of organisations).
"""

import argparse
import multiprocessing
import os
import shutil
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 7


def setup_django():
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterexcellence.settings.test")
    django.setup()


def render_times() -> tuple[float, float]:
    """(median seconds through the project's code, median seconds of WeasyPrint alone)."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    from clusterexcellence.pdf import BASE_URL, StaticFilesOnly
    from labels.certificates import certificate_html_context, certificate_render
    from labels.models import Label

    label = Label.objects.select_related("organisation").first()
    certificate_render(label=label)  # warm: fonts and templates loaded once
    project, direct = [], []
    html = render_to_string("labels/pdf/certificate.html", certificate_html_context(label))
    for _ in range(REPEATS):
        began = time.perf_counter()
        certificate_render(label=label)
        project.append(time.perf_counter() - began)
        began = time.perf_counter()
        HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()
        direct.append(time.perf_counter() - began)
    return statistics.median(project), statistics.median(direct)


def _render_share(ids: list[int]) -> int:
    from django.db import connection

    from labels.certificates import certificate_render
    from labels.models import Label

    connection.close()  # a forked process opens its own connection
    for label in Label.objects.filter(pk__in=ids).select_related("organisation"):
        certificate_render(label=label)
    connection.close()
    return len(ids)


def throughput(count: int, workers: int) -> float:
    """Certificates per second for `count` labels rendered again by `workers` processes."""
    from django.db import connection

    from labels.models import Label

    ids = list(Label.objects.order_by("pk").values_list("pk", flat=True)[:count])
    shares = [ids[n::workers] for n in range(workers)]
    connection.close()
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        done = sum(pool.map(_render_share, shares))
    return done / (time.perf_counter() - began)


def page_figures(size: int) -> list[tuple]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from labels.models import Label

    call_command("seed_demo", orgs=size, seed=1, no_logins=True, stdout=StringIO())
    client = Client()
    rows = []
    for url in ("/labels/register/", "/api/labels/"):
        client.get(url)
        times = []
        for _ in range(REPEATS):
            began = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - began)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        rows.append((size, Label.objects.valid_on().count(), url, len(queries), statistics.median(times)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 10000])
    parser.add_argument("--labels", type=int, default=200, help="labels re-rendered per throughput run")
    options = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    settings.DEBUG = False
    if connection.vendor == "postgresql":
        name = urlparse(os.environ.get("DATABASE_URL", "")).path.lstrip("/") or "clusterexcellence"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{name}_certificates"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        pages = [row for size in sorted(options.sizes) for row in page_figures(size)]
        project, direct = render_times()
        rates = {workers: throughput(options.labels, workers) for workers in (1, 2)}
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if Path(settings.MEDIA_ROOT).name.startswith("ce-test-media-"):
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    print(f"certificates on {connection.vendor}")
    print(
        f"one certificate: {project * 1000:.0f} ms through the project, {direct * 1000:.0f} ms WeasyPrint alone "
        f"({project / direct:.2f}×; target at most 1.5×), median of {REPEATS}"
    )
    for workers, rate in rates.items():
        print(f"{options.labels} certificates rendered again by {workers} process(es): {rate:.1f} per second")
    print(f"{'organisations':>13} {'valid labels':>12} {'page':<20} {'queries':>7} {'median':>9}")
    for size, valid, url, queries, median in pages:
        print(f"{size:>13} {valid:>12} {url:<20} {queries:>7} {median * 1000:>7.1f}ms")


if __name__ == "__main__":
    main()
