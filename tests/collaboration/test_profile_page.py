"""An organisation's public profile page and the page where its owners choose what is public."""

import pytest

from collaboration.models import ProfileVisibility

URL = "/collaboration/organisations/alpha-cluster/"
VISIBILITY_URL = URL + "visibility/"


def test_anyone_sees_the_public_profile_with_its_open_postings(client, posting):
    content = client.get(URL).content.decode()
    assert "Alpha Cluster" in content
    assert posting.title in content
    assert "No current label." in content


def test_an_unknown_organisation_is_a_404(client, db):
    assert client.get("/collaboration/organisations/nobody/").status_code == 404


def test_owners_see_the_link_to_choose_what_is_public(client_as, owner_a):
    assert VISIBILITY_URL in client_as(owner_a).get(URL).content.decode()


def test_the_public_does_not(client, org_a):
    assert VISIBILITY_URL not in client.get(URL).content.decode()


def test_an_owner_hides_the_website(client_as, owner_a, org_a):
    response = client_as(owner_a).post(VISIBILITY_URL, {"region": "on", "participants": "on"})
    assert response.status_code == 302
    visibility = ProfileVisibility.objects.get(organisation=org_a)
    assert visibility.website_public is False and visibility.region_public is True


def test_a_viewer_may_not_choose(client_as, viewer_a):
    assert client_as(viewer_a).get(VISIBILITY_URL).status_code == 403


@pytest.mark.parametrize("persona", ["owner_b", "outsider"])
def test_outsiders_get_a_404(request, client_as, persona, org_a):
    assert client_as(request.getfixturevalue(persona)).get(VISIBILITY_URL).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, org_a):
    assert client.get(VISIBILITY_URL).status_code == 302
