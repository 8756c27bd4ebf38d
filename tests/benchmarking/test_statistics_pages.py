"""The secretariat's statistics with CSV exports, and the public figures (suppressed where small)."""

import csv
import io

import pytest
from django.urls import reverse

from .helpers import peers

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheme(framework, decided_a):
    peers(6, framework)
    peers(2, framework, country="FR")


def test_staff_see_the_statistics_and_export_them(client_as, staff_user, scheme):
    client = client_as(staff_user)

    assert "Distribution of every indicator" in client.get(reverse("benchmarking:statistics")).text
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("benchmarking:statistics_indicators_csv")).content.decode()))
    )
    assert len(rows) == 36
    assert rows[0]["code"] == "S1" and rows[0]["n"] == "9" and rows[0]["green"] == "9"
    labels = list(
        csv.DictReader(io.StringIO(client.get(reverse("benchmarking:statistics_labels_csv")).content.decode()))
    )
    assert {(r["level"], r["country"], r["labels"]) for r in labels} == {("bronze", "DE", "7"), ("bronze", "FR", "2")}


@pytest.mark.parametrize("name", ["statistics", "statistics_indicators_csv", "statistics_labels_csv"])
def test_others_are_refused(client_as, owner_a, scheme, name):
    assert client_as(owner_a).get(reverse(f"benchmarking:{name}")).status_code == 403


def test_the_api_statistics_are_for_staff(api_as, staff_user, owner_a, scheme, api_client):
    assert api_as(owner_a).get("/api/scheme-statistics/").status_code == 403
    api_client.force_authenticate(staff_user)
    assert len(api_client.get("/api/scheme-statistics/").json()["indicators"]) == 36


def test_the_public_figures_group_small_countries_and_hide_small_levels(client, scheme):
    data = client.get("/api/scheme-figures/").json()
    text = client.get(reverse("benchmarking:scheme")).text

    assert (data["organisations"], data["benchmarked"], data["labels"]) == (9, 9, 9)
    assert {c["label"]: c["count"] for c in data["labels_by_country"]} == {
        "Germany": 7, "Other countries (fewer than 5 labels each)": 2
    }  # fmt: skip
    assert {c["key"]: c["count"] for c in data["labels_by_level"]} == {"gold": None, "silver": None, "bronze": 9}
    assert "France" not in text and "fewer than 5" in text
