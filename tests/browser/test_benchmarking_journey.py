"""The newcomer's benchmarking journey: peer groups switched and combined, quartiles, percentiles and
the radar, a suppressed group explained, a practice note beside a weak indicator, the report
downloaded; then the secretariat exports the scheme statistics."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from benchmarking.models import PracticeNote
from tests.benchmarking.helpers import decided_assessment, peers

from .journeys import Sessions, import_demo_catalogue

pytestmark = pytest.mark.browser


@pytest.fixture
def sessions(chromium, live_server):
    sessions = Sessions(chromium, live_server.url)
    yield sessions
    sessions.close()


@pytest.fixture
def scheme(db, org_a, owner_a, staff_user):
    """Organisation A (ICT, Germany, founded 1995) among 22 peers; three are as old as A (too few)."""
    framework = import_demo_catalogue()
    org_a.year_founded = 1995
    org_a.save()
    decided_assessment(org_a, framework, {"G3": "0.5", "S1": "40"})
    peers(7, framework, values=lambda i: {"S1": str(20 + 10 * i)})
    peers(3, framework, year_founded=1995)
    peers(6, framework, sector="food")
    (author, *_rest) = peers(6, framework, country="FR")
    PracticeNote.objects.create(
        organisation=author, indicator_key=f"{framework.code}:G3", title="Eight training days a year",
        body="Each of us plans **eight days** of training.", attributed=True, status="published",
    )  # fmt: skip
    return author


def test_a_manager_compares_learns_and_downloads_then_staff_export(sessions, scheme, owner_a, staff_user, org_a):
    page = sessions.sign_in(owner_a)
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Benchmarking").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Benchmarking: {org_a.name}")
    summary = page.locator(".group-summary")
    expect(summary).to_contain_text("All organisations")
    expect(summary).to_contain_text("Compared with 22 other organisations")
    expect(page.locator("svg.chart-radar")).to_be_visible()
    s1 = page.locator("#row-S1")
    expect(s1.locator("td").nth(1)).to_have_text("Yellow")  # 40: yellow from 15, green from 60
    expect(s1.locator("td").nth(5)).to_have_text("60")  # the peers' median
    expect(s1.locator("td").nth(6)).to_have_text("11")  # (2 below + 1/2 equal) / 22
    expect(page.locator("th", has_text="Percentile rank")).to_be_visible()

    page.get_by_label("Same sector").check()
    page.get_by_role("button", name="Compare").click()
    expect(summary).to_contain_text("Compared with 16 other organisations")
    page.get_by_label("Same country").check()
    page.get_by_role("button", name="Compare").click()
    expect(summary).to_contain_text("Compared with 10 other organisations")
    expect(page.get_by_label("Same sector")).to_be_checked()

    page.get_by_label("Similar age").check()
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("#suppressed")).to_contain_text("fewer than 5 organisations besides yours")

    page.get_by_label("Similar age").uncheck()
    page.get_by_label("Same sector").uncheck()
    page.get_by_label("Same country").uncheck()
    page.get_by_role("button", name="Compare").click()
    page.get_by_text("Learn from the best: 1 practice note on G3").click()
    expect(page.locator(".practice-note")).to_contain_text("eight days")
    expect(page.locator(".practice-note")).to_contain_text(f"Shared by {scheme.name}")

    page.get_by_role("button", name="Create the report").click()
    expect(page.locator("#report-status")).to_contain_text("Your report is ready", timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")

    staff = sessions.sign_in(staff_user)
    staff.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Benchmarking").click()
    staff.get_by_role("navigation", name="Benchmarking").get_by_role("link", name="Scheme statistics").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Scheme statistics")
    with staff.expect_download() as export:
        staff.get_by_role("link", name="Indicator distributions (CSV)").click()
    assert "S1" in Path(export.value.path()).read_text(encoding="utf-8")
    assert sessions.console_errors() == []
