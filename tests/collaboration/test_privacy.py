"""A part of the profile an owner made private appears nowhere public: the profile page, the
directory and its search, the partner search, the API and the map's tooltip."""

import pytest

from collaboration.profiles import visibility_update

SECRET_REGION = "Quietvalley"
SECRET_WORD = "zeppelinium"
SECRET_EMAIL = "secret-contact@alpha.example"


@pytest.fixture
def private_org(org_a, owner_a):
    org_a.region = SECRET_REGION
    org_a.description = f"We build {SECRET_WORD} airships."
    org_a.contact_email = SECRET_EMAIL
    org_a.contact_name = "Hidden Person"
    org_a.save()
    visibility_update(organisation=org_a, public={"region": False, "description": False}, by=owner_a)
    return org_a


PUBLIC_PAGES = [
    "/collaboration/organisations/alpha-cluster/",
    "/collaboration/organisations/",
    "/collaboration/search/",
    "/collaboration/map/",
    "/api/directory/",
    "/api/directory/alpha-cluster/",
    "/api/directory/map/",
    "/api/partner-search/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_private_part_is_on_no_public_page(client, private_org, url):
    content = client.get(url).content.decode()
    assert ("Germany" if "map" in url else "Alpha Cluster") in content  # the organisation is there…
    for secret in (SECRET_REGION, SECRET_WORD, SECRET_EMAIL, "Hidden Person"):
        assert secret not in content  # …but not what it hid (contact is private by default)


@pytest.mark.parametrize("url", ["/collaboration/organisations/", "/collaboration/search/", "/api/directory/"])
def test_searching_for_a_private_word_finds_nothing(client, private_org, url):
    assert "Alpha Cluster" not in client.get(url, {"q": SECRET_WORD}).content.decode()
    assert "Alpha Cluster" not in client.get(url, {"q": SECRET_REGION}).content.decode()


def test_the_same_word_is_found_once_it_is_public(client, private_org, owner_a):
    visibility_update(organisation=private_org, public={"description": True}, by=owner_a)
    assert "Alpha Cluster" in client.get("/collaboration/organisations/", {"q": SECRET_WORD}).content.decode()


def test_hidden_participants_match_no_participant_filter(client, org_a, owner_a):
    visibility_update(organisation=org_a, public={"participants": False}, by=owner_a)
    content = client.get("/api/directory/", {"participant_type": "sme"}).json()
    assert content["count"] == 0


def test_the_map_tooltip_counts_the_organisation_but_not_its_private_region(client, private_org):
    content = client.get("/collaboration/map/").content.decode()
    assert "Germany: 1 organisation" in content
    assert SECRET_REGION not in content


def test_members_still_see_everything_in_their_workspace(client_as, private_org, owner_a):
    content = client_as(owner_a).get("/organisations/alpha-cluster/").content.decode()
    assert SECRET_REGION in content
