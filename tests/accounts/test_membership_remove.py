import pytest

from accounts.models import Membership


def url(user):
    return f"/organisations/alpha-cluster/members/{user.memberships.get().pk}/remove/"


def is_active_member(user):
    return Membership.objects.active().filter(user=user).exists()


def test_it_rejects_get(client_as, owner_a, viewer_a):
    assert client_as(owner_a).get(url(viewer_a)).status_code == 405


def test_it_requires_sign_in(client, viewer_a):
    assert client.post(url(viewer_a)).status_code == 302
    assert is_active_member(viewer_a)


def test_owners_remove_members(client_as, owner_a, viewer_a):
    response = client_as(owner_a).post(url(viewer_a), follow=True)
    assert not is_active_member(viewer_a)
    assert "was removed" in response.content.decode()


def test_removal_keeps_the_history(client_as, owner_a, viewer_a):
    client_as(owner_a).post(url(viewer_a))
    assert Membership.objects.get(user=viewer_a).left_at is not None


@pytest.mark.parametrize("persona", ["editor_a", "staff_user"])
def test_it_refuses_non_owners(request, client_as, persona, owner_a, viewer_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).post(url(viewer_a)).status_code == 403
    assert is_active_member(viewer_a)


def test_a_viewer_cannot_remove_the_owner(client_as, owner_a, viewer_a):
    assert client_as(viewer_a).post(url(owner_a)).status_code == 403
    assert is_active_member(owner_a)


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, viewer_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).post(url(viewer_a)).status_code == 404
    assert is_active_member(viewer_a)


def test_members_may_remove_themselves(client_as, owner_a, viewer_a):
    response = client_as(viewer_a).post(url(viewer_a))
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert not is_active_member(viewer_a)


def test_the_last_owner_cannot_remove_themself(client_as, owner_a):
    response = client_as(owner_a).post(url(owner_a), follow=True)
    assert "The last owner cannot leave" in response.content.decode()
    assert is_active_member(owner_a)


def test_an_owner_removes_another_owner_when_one_remains(client_as, owner_a, second_owner_a):
    client_as(owner_a).post(url(second_owner_a))
    assert not is_active_member(second_owner_a)
