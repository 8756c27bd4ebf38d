import pytest

from accounts.choices import MembershipRole
from tests.factories import MembershipFactory


def test_it_requires_sign_in(client, org_a):
    response = client.get("/organisations/alpha-cluster/")
    assert response.status_code == 302


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_see_the_profile_and_the_members(request, client_as, persona, owner_a, viewer_a):
    user = request.getfixturevalue(persona)
    response = client_as(user).get("/organisations/alpha-cluster/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Alpha Cluster" in content
    assert "owner-a@example.test" in content or str(owner_a) in content
    assert "Participants by type" in content


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member", "club_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).get("/organisations/alpha-cluster/").status_code == 404


def test_an_unknown_slug_is_not_found(client_as, staff_user):
    assert client_as(staff_user).get("/organisations/nope/").status_code == 404


def test_it_offers_editing_to_owners_and_editors_only(client_as, editor_a, viewer_a):
    assert (
        'href="/organisations/alpha-cluster/edit/"'
        in client_as(editor_a).get("/organisations/alpha-cluster/").content.decode()
    )
    assert (
        'href="/organisations/alpha-cluster/edit/"'
        not in client_as(viewer_a).get("/organisations/alpha-cluster/").content.decode()
    )


def test_it_shows_the_services_by_name(client_as, owner_a, org_a):
    org_a.services = ["policy", "unknown-old-value"]
    org_a.save()
    content = client_as(owner_a).get("/organisations/alpha-cluster/").content.decode()
    assert "Policy dialogue" in content
    assert "unknown-old-value" not in content


def test_its_queries_do_not_grow_with_the_members(client_as, owner_a, org_a, django_assert_max_num_queries):
    client = client_as(owner_a)
    MembershipFactory.create_batch(2, organisation=org_a, role=MembershipRole.VIEWER)
    client.get("/organisations/alpha-cluster/")
    # Five for the page, one for the labels panel (the organisation's awarded labels).
    with django_assert_max_num_queries(6):
        assert client.get("/organisations/alpha-cluster/").status_code == 200
    MembershipFactory.create_batch(10, organisation=org_a, role=MembershipRole.EDITOR)
    with django_assert_max_num_queries(6):
        assert client.get("/organisations/alpha-cluster/").status_code == 200
