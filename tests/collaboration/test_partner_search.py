"""The partner search page and API: organisations and postings together, with facets."""

from collaboration.models import Posting
from collaboration.search import SearchFilters, organisation_facets, organisations_matching, posting_facets

from .conftest import make_posting

URL = "/collaboration/search/"


def test_it_finds_organisations_and_postings_together(client, org_a, owner_a, org_b):
    make_posting(org_a, owner_a, title="Hydrogen trucks")
    content = client.get(URL, {"q": "hydrogen"}).content.decode()
    assert "1 open posting" in content and "Hydrogen trucks" in content
    assert "0 organisations" in content


def test_facets_count_organisations_and_postings(org_a, owner_a, org_b):
    make_posting(org_a, owner_a, countries=["FR"])
    facets = organisation_facets(organisations_matching(SearchFilters()))
    assert facets["country"] == {"DE": 1, "FR": 1}
    assert facets["participant_type"]["research"] == 2
    assert posting_facets(Posting.objects.all())["country"] == {"FR": 1}


def test_a_facet_link_adds_its_filter(client, org_a, org_b):
    content = client.get(URL, {"sector": "ict"}).content.decode()
    assert "?sector=ict&amp;country=FR" in content


def test_the_page_keeps_a_flat_query_count(client, org_a, owner_a, django_assert_max_num_queries):
    for n in range(15):
        make_posting(org_a, owner_a, title=f"Posting {n}")
    with django_assert_max_num_queries(14):
        client.get(URL, {"sector": "mobility"})


def test_the_api_answers_with_facets(api_client, org_a, owner_a):
    make_posting(org_a, owner_a)
    data = api_client.get("/api/partner-search/", {"country": "AT"}).json()
    assert data["posting_count"] == 1 and data["organisation_count"] == 0
    assert data["posting_facets"]["topic"] == {"hydrogen": 1}


def test_a_bad_value_is_a_400_naming_the_field(api_client, db):
    response = api_client.get("/api/partner-search/", {"level": "platinum"})
    assert response.status_code == 400
    assert "level" in response.json()
