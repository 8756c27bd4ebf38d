"""SQL queries of the self-assessment pages as answers and evidence accumulate.

    .venv/bin/python bench/assessment_pages.py                  # a temporary in-memory SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clusterexcellence .venv/bin/python bench/assessment_pages.py
                                                                # a throw-away test_… database on that server

Imports the demo catalogue, creates an organisation, its owner and a Gold draft, then requests the
area page with the most indicators and the task list as the owner: with no answers, one answer, all
answered, evidence on one indicator and evidence on every indicator. Prints a table and exits 1 when
a page's query count grows with the number of answers or evidence files (one → all), which is the
N+1 regression this guards against.
"""

import os
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "test_ce_bench_assessment_pages"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def setup_django():
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clusterexcellence.settings.test")
    django.setup()


def measure(client, url: str) -> int:
    """Queries of one GET, after a warm-up request that fills the per-process caches (content types…)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"GET {url} answered {response.status_code}; is the page built yet?")
    return len(queries)


def run() -> int:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from accounts.choices import MembershipRole, Sector
    from accounts.models import Membership, Organisation, User
    from labels import answers, transitions
    from labels.catalogue_import import framework_import
    from labels.demo import DEMO_CATALOGUE, value_in_band

    framework = framework_import(DEMO_CATALOGUE)
    organisation = Organisation.objects.create(
        name="Bench Cluster", slug="bench-cluster", country="DE", sector=Sector.ICT, year_founded=2010
    )
    owner = User.objects.create_user(email="owner@bench.example.org", password=None)
    Membership.objects.create(user=owner, organisation=organisation, role=MembershipRole.OWNER)
    assessment = transitions.assessment_start(organisation=organisation, level="gold", by=owner)
    area = framework.areas.annotate(size=Count("indicators")).order_by("-size", "position").first()
    indicators = list(framework.indicators.order_by("area__position", "position"))
    in_area = [i for i in indicators if i.area_id == area.pk]

    client = Client()
    client.force_login(owner)
    pages = {
        f"area page ({area.code}, {len(in_area)} indicators)": reverse(
            "labels:area", args=[assessment.public_id, area.code]
        ),
        "task list": reverse("labels:assessment_detail", args=[assessment.public_id]),
    }
    rng = random.Random(1)

    def answer(items):
        for indicator in items:
            value = value_in_band(rng, indicator, rng.choice(["green", "yellow", "red"]))
            answers.answer_save(assessment=assessment, indicator=indicator, value=value, comment="Bench.", by=owner)

    def upload(items):
        for indicator in items:
            document = SimpleUploadedFile(f"{indicator.code}.pdf", PDF, content_type="application/pdf")
            answers.evidence_add(assessment=assessment, indicator=indicator, upload=document, by=owner)

    stages = [
        ("no answers", lambda: None),
        ("one answer", lambda: answer(in_area[:1])),
        ("all answered", lambda: answer([i for i in indicators if i not in in_area[:1]])),
        ("evidence on one", lambda: upload(in_area[:1])),
        ("evidence on all", lambda: upload([i for i in indicators if i not in in_area[:1]])),
    ]
    counts: dict[str, dict[str, int]] = {page: {} for page in pages}
    for stage, prepare in stages:
        prepare()
        for page, url in pages.items():
            counts[page][stage] = measure(client, url)

    width = max(len(page) for page in pages)
    header = f"{'queries':<{width}}  " + "  ".join(f"{stage:>15}" for stage, _prepare in stages)
    print(header)
    print("-" * len(header))
    failures = []
    for page, by_stage in counts.items():
        print(f"{page:<{width}}  " + "  ".join(f"{by_stage[stage]:>15}" for stage, _prepare in stages))
        if by_stage["all answered"] > by_stage["one answer"]:
            failures.append(f"{page}: {by_stage['one answer']} → {by_stage['all answered']} queries as answers grow")
        if by_stage["evidence on all"] > by_stage["evidence on one"]:
            failures.append(
                f"{page}: {by_stage['evidence on one']} → {by_stage['evidence on all']} queries as evidence grows"
            )
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    return 1 if failures else 0


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    if connection.vendor == "postgresql":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = BENCH_DATABASE
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        status = run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        if Path(settings.MEDIA_ROOT).name.startswith("ce-test-media-"):  # the test settings' own temporary folder
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
