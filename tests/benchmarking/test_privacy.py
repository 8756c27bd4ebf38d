"""No page, PDF or API response reveals another organisation's name or single value; groups and
single indicators of exactly the threshold are shown, one below are suppressed."""

import shutil
import subprocess

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse

from benchmarking.models import BenchmarkReport
from benchmarking.reports import report_context, report_render

from .helpers import decided_assessment, peers

pytestmark = pytest.mark.django_db

PLANTED = {"S1": "987654", "S2": "99.9", "S5": "8642.137", "G1": "7531.9"}
PLANTED_TEXTS = ["987654", "987.654", "987,654", "8642", "8.642", "7531", "7.531", "99.9", "99,9", "Zyxwvu"]


def page(client, organisation, query=""):
    return client.get(reverse("benchmarking:benchmark", args=[organisation.slug]) + query)


def api(client, organisation, query=""):
    return client.get(reverse("api-benchmark-detail", args=[organisation.slug]) + query)


@pytest.fixture
def planted(framework, decided_a):
    """Seven ordinary peers and one with distinctive values and name."""
    peers(7, framework)
    (distinct,) = peers(1, framework, name="Zyxwvu Planted Cluster", values=lambda i: PLANTED)
    return distinct


def assert_nothing_planted(text: str):
    for planted in PLANTED_TEXTS:
        assert planted not in text, planted


@pytest.mark.parametrize("query", ["", "?sector=ict", "?sector=ict&country=DE&size=50-99&age=10-19&level=bronze"])
def test_the_page_and_the_api_never_show_a_planted_value_or_name(client_as, api_as, owner_a, org_a, planted, query):
    assert_nothing_planted(page(client_as(owner_a), org_a, query).text)
    assert_nothing_planted(api(api_as(owner_a), org_a, query).content.decode())


def test_the_report_never_shows_a_planted_value_or_name(owner_a, org_a, planted):
    report = BenchmarkReport.objects.create(
        organisation=org_a, criteria=["sector"], language="en", requested_by=owner_a
    )

    assert_nothing_planted(render_to_string("benchmarking/pdf/report.html", report_context(report)))
    report = report_render(report)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", report.file.path, "-"], capture_output=True, check=True, text=True).stdout
        assert "Benchmarking report" in text
        assert_nothing_planted(text)


def test_the_staff_statistics_and_public_figures_name_no_organisation(client_as, staff_user, client, planted):
    assert "Zyxwvu" not in client_as(staff_user).get(reverse("benchmarking:statistics")).text
    assert_nothing_planted(client.get(reverse("benchmarking:scheme")).text)


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_a_group_of_exactly_the_threshold_is_shown(client_as, api_as, owner_a, org_a, framework, decided_a):
    peers(5, framework)

    assert "Compared with <strong>5</strong>" in page(client_as(owner_a), org_a).text
    assert api(api_as(owner_a), org_a).json()["peer_group"]["n"] == 5


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_a_group_one_below_the_threshold_is_suppressed(client_as, api_as, owner_a, org_a, framework, decided_a):
    peers(4, framework)

    response = page(client_as(owner_a), org_a)
    data = api(api_as(owner_a), org_a).json()

    assert "fewer than 5 organisations besides yours" in response.text
    assert data["peer_group"]["n"] is None
    assert "fewer than 5" in data["peer_group"]["suppressed"]
    assert all(i["median"] is None and i["n"] is None and i["suppressed"] for i in data["indicators"])


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_an_indicator_with_exactly_the_threshold_of_values_is_shown(
    api_as, client_as, owner_a, org_a, framework, decided_a
):
    peers(6, framework, missing=["F1"])  # F1: 0 values among these six
    peers(5, framework, missing=["F2"])  # F2: 6 + 0 = 6 values; F1: 5 values
    peers(1, framework, missing=["F1", "F2"])

    data = {i["code"]: i for i in api(api_as(owner_a), org_a).json()["indicators"]}

    assert data["F1"]["n"] == 5 and data["F1"]["median"] is not None
    assert data["F2"]["n"] == 6


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_only_the_latest_decided_assessment_of_a_peer_counts(api_as, owner_a, org_a, framework, decided_a):
    crowd = peers(6, framework)
    decided_assessment(crowd[0], framework, missing=["F1"], days_ago=5)  # newer, without F1

    data = {i["code"]: i for i in api(api_as(owner_a), org_a).json()["indicators"]}

    assert data["F1"]["n"] == 5
    assert data["F2"]["n"] == 6


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_an_indicator_one_below_the_threshold_is_suppressed_on_the_page_and_in_the_api(
    api_as, client_as, owner_a, org_a, framework, decided_a
):
    peers(4, framework)
    peers(8, framework, missing=["F1"])

    data = {i["code"]: i for i in api(api_as(owner_a), org_a).json()["indicators"]}
    text = page(client_as(owner_a), org_a).text

    assert data["F1"]["n"] is None and data["F1"]["median"] is None
    assert "have a value for this indicator" in data["F1"]["suppressed"]
    assert data["F2"]["n"] == 12
    assert "have a value for this indicator" in text


@override_settings(PEER_GROUP_MIN_SIZE=5)
def test_a_group_that_would_isolate_peers_by_difference_is_suppressed(
    api_as, client_as, owner_a, org_a, framework, decided_a
):
    peers(20, framework)  # Germany, ICT
    peers(3, framework, sector="food")  # Germany, food: "Germany" minus "ICT in Germany" would be these three

    data = api(api_as(owner_a), org_a, "?sector=ict&country=DE").json()
    text = page(client_as(owner_a), org_a, "?sector=ict&country=DE").text

    assert api(api_as(owner_a), org_a, "?country=DE").json()["peer_group"]["n"] == 23
    assert data["peer_group"]["n"] is None
    assert "differs from the group" in data["peer_group"]["suppressed"]
    assert "Comparing the two would reveal the values of those few" in text
