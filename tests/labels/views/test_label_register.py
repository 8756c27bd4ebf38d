"""The public register: valid labels only, search, filters, pages, CSV and JSON exports of the
filter, never a score; its query count does not grow with the number of labels."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from labels.label_records import label_revoke, label_suspend, labels_issue_bulk
from labels.models import Assessment, Label
from tests.factories import organisations_bulk

REGISTER = reverse("labels:register")


def _labels(framework, count, *, level="gold", **fields):
    """`count` organisations with an approved assessment and its label, in a few inserts."""
    organisations = organisations_bulk(count, **fields)
    now = timezone.now()
    assessments = Assessment.objects.bulk_create(
        Assessment(organisation=o, framework=framework, level=level, status="approved", awarded_level=level,
                   interview_date=now.date() - timedelta(days=20), decided_at=now)
        for o in organisations
    )  # fmt: skip
    for assessment, organisation in zip(assessments, organisations, strict=True):
        assessment.organisation = organisation
    return labels_issue_bulk(assessments)


def test_anyone_sees_the_valid_labels(client, label):
    page = client.get(REGISTER).content.decode()

    assert "Alpha Cluster" in page
    assert "1 valid label" in page


def test_suspended_revoked_and_expired_labels_are_not_listed(client, framework, board_member):
    suspended, revoked, expired, valid = _labels(framework, 4)
    label_suspend(label=suspended, reason="Review.", by=board_member)
    label_revoke(label=revoked, reason="Fraud.", by=board_member)
    Label.objects.filter(pk=expired.pk).update(valid_until=timezone.localdate() - timedelta(days=1))

    page = client.get(REGISTER).content.decode()

    assert "1 valid label" in page
    assert valid.organisation.name in page
    for gone in (suspended, revoked, expired):
        assert gone.organisation.name not in page


def test_filters_and_search_narrow_the_list(client, framework):
    _labels(framework, 2, country="FR", sector="food")
    silver = _labels(framework, 1, level="silver")[0]
    gold_de = _labels(framework, 1)[0]

    assert "2 valid labels" in client.get(REGISTER, {"country": "FR"}).content.decode()
    assert "2 valid labels" in client.get(REGISTER, {"sector": "food"}).content.decode()
    page = client.get(REGISTER, {"level": "silver"}).content.decode()
    assert "1 valid label" in page and silver.organisation.name in page
    page = client.get(REGISTER, {"q": gold_de.organisation.name}).content.decode()
    assert "1 valid label" in page


def test_an_unknown_filter_value_is_a_400(client, db):
    assert client.get(REGISTER, {"level": "platinum"}).status_code == 400
    assert client.get(REGISTER, {"q": "x" * 101}).status_code == 400
    assert client.get(reverse("labels:register_export", args=["csv"]), {"level": "platinum"}).status_code == 400


def test_the_list_has_pages(client, framework):
    _labels(framework, 30)

    first = client.get(REGISTER).content.decode()
    second = client.get(REGISTER, {"page": 2}).content.decode()

    assert "Page 1 of 2" in first
    assert "Page 2 of 2" in second


def test_the_exports_hold_the_current_filter_and_no_score(client, framework):
    _labels(framework, 2, country="FR")
    _labels(framework, 1)

    response = client.get(reverse("labels:register_export", args=["csv"]), {"country": "FR"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 2
    assert {row["country"] for row in rows} == {"FR"}
    assert "score" not in ",".join(rows[0])

    data = json.loads(client.get(reverse("labels:register_export", args=["json"]), {"country": "FR"}).content)
    assert len(data) == 2
    assert set(data[0]) == {
        "organisation", "country", "sector", "website", "level", "valid_from", "valid_until",
        "certificate_number", "verify_url",
    }  # fmt: skip


def test_an_unknown_export_format_is_404(client, db):
    assert client.get("/labels/register/export.xml").status_code == 404


@pytest.mark.parametrize("count", [3, 40])
def test_the_query_count_does_not_grow_with_the_labels(client, framework, count, django_assert_max_num_queries):
    _labels(framework, count)

    with django_assert_max_num_queries(4):
        assert client.get(REGISTER).status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(reverse("labels:register_export", args=["json"])).status_code == 200
