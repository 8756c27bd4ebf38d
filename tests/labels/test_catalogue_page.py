import re

import pytest
from django.urls import reverse

from labels.catalogue_import import framework_import

from . import DEMO_CATALOGUE, demo_document, write_catalogue

# These tests import catalogues themselves, the shipped one included.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_catalogue")]

URL = reverse("labels:catalogue")


@pytest.fixture
def demo():
    return framework_import(DEMO_CATALOGUE)


def _row(html: str, code: str) -> str:
    """The table row of one indicator, whitespace collapsed."""
    match = re.search(rf'<tr id="indicator-{code}">(.*?)</tr>', html, re.S)
    assert match, f"no row for {code}"
    return " ".join(match.group(1).split())


def test_anyone_may_see_the_catalogue(client, demo):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Cluster Management Excellence (demonstration catalogue)" in html
    assert "Version 2026.1" in html
    assert "36 indicators in 6 areas." in html
    assert "31 count towards Gold with 70 points in all; 7 are minimum requirements and 4 are eligibility" in html
    assert html.count('<tr id="indicator-') == 36


def test_it_shows_an_indicator_with_question_measure_thresholds_roles_and_evidence(client, demo):
    row = _row(client.get(URL).content.decode(), "G1")

    assert "Dedicated management staff" in row
    assert "How many full-time equivalents work for the cluster organisation?" in row
    assert "Number" in row and "FTE" in row
    assert "at least 0.5" in row and "at least 3" in row
    assert "Eligibility" in row and "Minimum" in row and "Gold, 3 points" in row
    assert "Staff list with working time" in row


def test_it_says_at_most_for_indicators_where_less_is_better(client, demo):
    row = _row(client.get(URL).content.decode(), "T6")

    assert "at most 4" in row and "at most 2" in row


def test_it_lists_the_steps_of_a_scale(client, demo):
    row = _row(client.get(URL).content.decode(), "G2")

    assert '<li value="0">No formal involvement</li>' in row
    assert '<li value="4">Elected board plus working groups that steer activities</li>' in row
    assert "from step 2" in row and "from step 3" in row


def test_it_shows_yes_for_a_boolean_threshold(client, demo):
    row = _row(client.get(URL).content.decode(), "C2")

    assert "yes" in row
    assert "Gold, 1 point<" in row


def test_it_summarises_the_rules_of_each_level(client, demo):
    html = " ".join(client.get(URL).content.decode().split())

    assert "24 months" in html
    assert "A Bronze benchmarking 18 to 24 months earlier" in html
    assert "3 improvement areas validated by the assessor" in html
    assert "A score of at least 80 %" in html and "out of 70 in all" in html
    assert "A renewal within 12 months after expiry continues the label without a gap." in html


def test_it_shows_the_german_texts_to_german_readers(client, demo):
    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "Exzellenz im Clustermanagement (Demonstrationskatalog)" in html
    assert "Struktur des Clusters" in html
    row = _row(html, "G2")
    assert "Beteiligung der Partner an Entscheidungen" in row
    assert "Keine formale Beteiligung" in row
    assert "Satzung, Zusammensetzung des Vorstands, Protokolle" in row
    assert "VZÄ" in _row(html, "G1")


def test_it_shows_the_newest_published_version(client, demo, tmp_path):
    document = demo_document()
    document["framework"]["version"] = "2026.2"
    framework_import(write_catalogue(tmp_path, document))

    assert "Version 2026.2" in client.get(URL).content.decode()


def test_it_says_so_when_nothing_is_published(client, db):
    framework_import(DEMO_CATALOGUE, publish=False)

    response = client.get(URL)

    assert response.status_code == 200
    assert "No indicator catalogue has been published yet." in response.content.decode()
    assert "indicator-S1" not in response.content.decode()


def test_it_has_no_inline_styles_or_scripts(client, demo):
    html = client.get(URL).content.decode()

    assert "style=" not in html
    assert "<script>" not in html


def test_it_takes_a_bounded_number_of_queries(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the current version, then the catalogue in three
        client.get(URL)
    with django_assert_max_num_queries(0):  # from the cache, the current version too
        client.get(URL)


def test_it_takes_a_bounded_number_of_queries_when_signed_in(client_as, owner_a, demo, django_assert_max_num_queries):
    client = client_as(owner_a)

    with django_assert_max_num_queries(8):
        client.get(URL)
