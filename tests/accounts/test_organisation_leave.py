import pytest

from accounts.models import Membership

URL = "/organisations/alpha-cluster/leave/"


def is_active_member(user):
    return Membership.objects.active().filter(user=user).exists()


def test_it_rejects_get(client_as, viewer_a):
    assert client_as(viewer_a).get(URL).status_code == 405


def test_it_requires_sign_in(client, org_a):
    assert client.post(URL).status_code == 302


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a"])
def test_members_leave(request, client_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    response = client_as(user).post(URL, follow=True)
    assert not is_active_member(user)
    assert "You have left Alpha Cluster." in response.content.decode()
    # After leaving, the organisation is out of scope.
    assert client_as(user).get("/organisations/alpha-cluster/").status_code == 404


def test_the_last_owner_cannot_leave(client_as, owner_a, viewer_a):
    response = client_as(owner_a).post(URL, follow=True)
    assert response.status_code == 200
    assert "The last owner cannot leave. Make someone else owner first." in response.content.decode()
    assert is_active_member(owner_a)


def test_an_owner_leaves_when_another_owner_remains(client_as, owner_a, second_owner_a):
    client_as(owner_a).post(URL)
    assert not is_active_member(owner_a)


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_for_outsiders(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).post(URL).status_code == 404


def test_staff_who_are_not_members_have_nothing_to_leave(client_as, staff_user, org_a):
    assert client_as(staff_user).post(URL).status_code == 404
