"""The public directory: filters, search, label badges, pagination, a flat query count."""

import pytest
from django.utils import timezone

from accounts.models import Organisation
from labels.selectors import LabelInfo
from tests.factories import OrganisationFactory

URL = "/collaboration/organisations/"


def names(response) -> str:
    return response.content.decode()


def test_anyone_sees_the_directory(client, org_a, org_b):
    content = names(client.get(URL))
    assert "Alpha Cluster" in content and "Beta Cluster" in content
    assert "2 organisations" in content


def test_it_filters_by_country_and_sector(client, org_a, org_b):
    assert "Alpha Cluster" not in names(client.get(URL, {"country": "FR"}))
    assert "Beta Cluster" in names(client.get(URL, {"country": "FR"}))
    OrganisationFactory(name="Food Cluster", sector="food")
    content = names(client.get(URL, {"sector": "food"}))
    assert "Food Cluster" in content and "Alpha Cluster" not in content


def test_it_filters_by_participant_type(client, org_a):
    OrganisationFactory(name="No Research", participants_research=0)
    content = names(client.get(URL, {"participant_type": "research"}))
    assert "Alpha Cluster" in content and "No Research" not in content


def test_it_filters_by_label_level(client, org_a, org_b, monkeypatch):
    today = timezone.localdate()
    label = LabelInfo(org_b.pk, "gold", today.replace(day=1), today.replace(year=today.year + 2))
    monkeypatch.setattr("collaboration.search.current_labels", lambda ids=None: {org_b.pk: label})
    content = names(client.get(URL, {"level": "gold"}))
    assert "Beta Cluster" in content and "Alpha Cluster" not in content


def test_words_must_all_appear(client, org_a):
    OrganisationFactory(name="Hydrogen Valley", technologies="fuel cells")
    assert "Hydrogen Valley" in names(client.get(URL, {"q": "hydrogen fuel"}))
    assert "Hydrogen Valley" not in names(client.get(URL, {"q": "hydrogen solar"}))


def test_a_bad_filter_value_is_an_error_on_the_form_not_a_500(client, org_a):
    response = client.get(URL, {"country": "XX", "page": "abc"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_ten_thousand_organisations_page_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    Organisation.objects.bulk_create(
        Organisation(name=f"Cluster {n:05d}", slug=f"cluster-{n:05d}", country="DE", sector="ict", year_founded=2000)
        for n in range(10_000)
    )
    with django_assert_max_num_queries(4):  # count, page (with visibility), labels, session-less
        response = client.get(URL, {"page": 200})
    content = response.content.decode()
    assert "10000 organisations" in content.replace(",", "")
    assert "Cluster 04975" in content
    assert "Page 200 of 400" in content
