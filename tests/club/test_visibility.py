"""A hidden profile appears nowhere; a members-only profile (and its photo) never reaches anonymous
visitors or non-members: pages, search, API, featured members."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from club.choices import Visibility
from club.profiles import profile_photo_set
from tests.factories import ClubMembershipFactory

from .conftest import image_bytes

PLACES = ["page", "photo", "directory", "search", "api_list", "api_search", "api_detail", "profession"]


def _person(visibility, name):
    user = ClubMembershipFactory(name=name, profile__visibility=visibility, profile__featured=True).user
    return profile_photo_set(user=user, upload=SimpleUploadedFile("p.png", image_bytes()))


def _appears(client, api, profile) -> set[str]:
    """Where the profile (or its photo) shows up for this viewer."""
    found = set()
    assert profile.photo_url
    if client.get(profile.get_absolute_url()).status_code == 200:
        found.add("page")
    if client.get(profile.photo_url).status_code == 200:
        found.add("photo")
    if profile.name in client.get("/club/members/").content.decode():
        found.add("directory")
    if profile.name in client.get("/club/members/", {"q": profile.name.split()[0]}).content.decode():
        found.add("search")
    listing = api.get("/api/club/members/")
    if listing.status_code == 200 and profile.name in listing.content.decode():
        found.add("api_list")
    search = api.get("/api/club/members/", {"q": profile.name})
    if search.status_code == 200 and profile.name in search.content.decode():
        found.add("api_search")
    if api.get(f"/api/club/members/{profile.public_id}/").status_code == 200:
        found.add("api_detail")
    if profile.name in client.get("/club/profession/").content.decode():
        found.add("profession")
    return found


@pytest.fixture
def profiles(db):
    return {
        "public": _person(Visibility.PUBLIC, "Pia Public"),
        "members": _person(Visibility.MEMBERS, "Max Membersonly"),
        "hidden": _person(Visibility.HIDDEN, "Hanna Hidden"),
    }


def _viewer(request, client, api_client, persona):
    user = request.getfixturevalue(persona) if persona else None
    if user is not None:
        client.force_login(user)
        api_client.force_authenticate(user)
    return client, api_client


@pytest.mark.parametrize("persona", [None, "outsider", "applicant", "declined", "former_member", "staff_user"])
def test_non_members_see_public_profiles_outside_the_directory_only(request, client, api_client, profiles, persona):
    client, api = _viewer(request, client, api_client, persona)

    assert _appears(client, api, profiles["public"]) == {"page", "photo", "api_detail", "profession"}
    assert _appears(client, api, profiles["members"]) == set()
    assert _appears(client, api, profiles["hidden"]) == set()


def test_members_see_public_and_members_only_profiles_everywhere_but_the_public_page(
    request, client, api_client, profiles
):
    client, api = _viewer(request, client, api_client, "club_member")

    assert _appears(client, api, profiles["public"]) == set(PLACES)
    assert _appears(client, api, profiles["members"]) == set(PLACES) - {"profession"}
    assert _appears(client, api, profiles["hidden"]) == set()


def test_a_former_members_profile_disappears(client_as, club_member, former_member):
    assert client_as(club_member).get(former_member.club_profile.get_absolute_url()).status_code == 404


def test_a_hidden_profile_cannot_be_contacted(client_as, club_member, profiles):
    url = f"/club/members/{profiles['hidden'].public_id}/contact/"
    assert client_as(club_member).get(url).status_code == 404


def test_members_only_photos_are_not_cached_publicly(client_as, club_member, profiles):
    client = client_as(club_member)
    assert client.get(profiles["members"].photo_url)["Cache-Control"] == "private, no-store"
    assert client.get(profiles["public"].photo_url)["Cache-Control"].startswith("public")


def test_no_page_or_api_answer_shows_an_e_mail_address(client_as, club_member, other_member, profiles):
    client = client_as(club_member)
    addresses = [other_member.email, *(profile.user.email for profile in profiles.values())]
    for url in ["/club/members/", other_member.club_profile.get_absolute_url(), "/api/club/members/",
                f"/api/club/members/{other_member.club_profile.public_id}/", "/club/profession/"]:  # fmt: skip
        content = client.get(url).content.decode()
        assert not any(address in content for address in addresses), url
