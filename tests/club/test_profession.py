"""The public page on the profession, in English and German, with featured public profiles only."""

from club.choices import Visibility
from tests.factories import ClubMembershipFactory

URL = "/club/profession/"


def test_visitors_read_the_profession_page_with_featured_public_members(client, db):
    ClubMembershipFactory(name="Fay Featured", profile__visibility=Visibility.PUBLIC, profile__featured=True)
    ClubMembershipFactory(name="Nora Notfeatured", profile__visibility=Visibility.PUBLIC)
    ClubMembershipFactory(name="Mo Membersonly", profile__visibility=Visibility.MEMBERS, profile__featured=True)

    content = client.get(URL).content.decode()

    assert "The competences it needs" in content and "How the label fits in" in content
    assert "Fay Featured" in content
    assert "Nora Notfeatured" not in content and "Mo Membersonly" not in content
    assert 'href="/accounts/signup/"' in content


def test_it_is_in_german_too(client, db):
    content = client.get(URL, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Der Beruf des Clustermanagers" in content


def test_signed_in_non_members_are_invited_to_apply_and_members_to_the_directory(client_as, outsider, club_member):
    assert 'href="/club/join/"' in client_as(outsider).get(URL).content.decode()
    assert 'href="/club/members/"' in client_as(club_member).get(URL).content.decode()
