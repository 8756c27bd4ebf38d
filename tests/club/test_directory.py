"""The directory: search by name, expertise and organisation, filters, typo tolerance, pages."""

import pytest
from django.db import connection

from club.choices import Visibility
from tests.factories import ClubMembershipFactory

URL = "/club/members/"


@pytest.fixture
def people(db):
    def member(name, **profile):
        return ClubMembershipFactory(name=name, **{f"profile__{k}": v for k, v in profile.items()}).user.club_profile

    return {
        "kim": member("Kim Mobility", organisation="Bavarian Mobility Cluster", expertise=["battery systems"],
                      country="DE", languages="de,en", sector="mobility"),
        "lea": member("Lea Food", organisation="Catalan Food Cluster", expertise=["food safety"], country="ES",
                      languages="es,ca,en", sector="food"),
        "ola": member("Ola Energy", organisation="Nordic Energy Network", expertise=["hydrogen"], country="NO",
                      languages="no", sector="energy"),
    }  # fmt: skip


def names(client, **params) -> set[str]:
    content = client.get(URL, params).content.decode()
    return {name for name in ("Kim Mobility", "Lea Food", "Ola Energy") if name in content}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kim", {"Kim Mobility"}),  # name
        ("hydrogen", {"Ola Energy"}),  # expertise
        ("catalan food", {"Lea Food"}),  # organisation, two words
        ("battery", {"Kim Mobility"}),
    ],
)
def test_it_searches_names_expertise_and_organisations(client_as, club_member, people, query, expected):
    assert names(client_as(club_member), q=query) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "ES"}, {"Lea Food"}),
        ({"language": "en"}, {"Kim Mobility", "Lea Food"}),
        ({"language": "no"}, {"Ola Energy"}),
        ({"sector": "energy"}, {"Ola Energy"}),
        ({"country": "DE", "language": "es"}, set()),
        ({"country": "XX"}, {"Kim Mobility", "Lea Food", "Ola Energy"}),  # an unknown code is left out, no 500
    ],
)
def test_it_filters_by_country_language_and_sector(client_as, club_member, people, filters, expected):
    assert names(client_as(club_member), **filters) == expected


def test_it_forgives_a_typo(client_as, club_member, people):
    # PostgreSQL: trigram word similarity. SQLite: the first letters of a longer word.
    assert names(client_as(club_member), q="Mobilty") == {"Kim Mobility"}
    assert names(client_as(club_member), q="hydrogne") == {"Ola Energy"}


def test_on_postgresql_the_search_uses_trigrams(client_as, club_member, people):
    if connection.vendor != "postgresql":
        pytest.skip("trigrams are PostgreSQL's")
    assert names(client_as(club_member), q="Enrgy Nordik") == {"Ola Energy"}


def test_the_api_searches_and_filters_alike(api_as, club_member, people):
    body = api_as(club_member).get("/api/club/members/", {"q": "food", "country": "ES"}).json()
    assert [row["name"] for row in body["results"]] == ["Lea Food"]


def test_the_directory_is_for_members(api_as, client_as, outsider):
    assert client_as(outsider).get(URL).status_code == 403
    assert api_as(outsider).get("/api/club/members/").status_code == 403


def test_it_pages_with_a_bounded_number_of_queries(client_as, club_member, django_assert_max_num_queries):
    for number in range(45):
        visibility = Visibility.PUBLIC if number % 2 else Visibility.MEMBERS
        ClubMembershipFactory(name=f"Member {number:02d}", profile__visibility=visibility)
    client = client_as(club_member)
    client.get(URL)  # session and user loaded once

    with django_assert_max_num_queries(6):
        first = client.get(URL).content.decode()
    with django_assert_max_num_queries(6):
        third = client.get(URL, {"page": 3}).content.decode()
    assert "Member 00" in first and "Page 1 of 3" in first
    assert "Member 00" not in third and "Page 3 of 3" in third
    with django_assert_max_num_queries(8):
        assert api_as_count(client) == 46


def api_as_count(client) -> int:
    return client.get("/api/club/members/").json()["count"]


def test_a_member_who_leaves_is_refused_even_after_the_page_was_kept(client_as, club_member, people):
    from club.models import ClubMembership

    client = client_as(club_member)
    for _ in range(3):  # the page is kept from the second request on (clusterexcellence/page_cache.py)
        assert client.get(URL).status_code == 200

    ClubMembership.objects.filter(user=club_member).delete()

    assert client.get(URL).status_code == 403
