import pytest

from accounts.choices import MembershipRole


def url(user):
    return f"/organisations/alpha-cluster/members/{user.memberships.get().pk}/role/"


def role_of(user):
    return user.memberships.get().role


def test_it_rejects_get(client_as, owner_a, viewer_a):
    assert client_as(owner_a).get(url(viewer_a)).status_code == 405


def test_it_requires_sign_in(client, viewer_a):
    assert client.post(url(viewer_a), {"role": "editor"}).status_code == 302
    assert role_of(viewer_a) == MembershipRole.VIEWER


def test_owners_change_roles(client_as, owner_a, viewer_a):
    response = client_as(owner_a).post(url(viewer_a), {"role": "editor"}, follow=True)
    assert role_of(viewer_a) == MembershipRole.EDITOR
    assert "is now Editor" in response.content.decode()


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_it_refuses_non_owners(request, client_as, persona, owner_a, viewer_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).post(url(viewer_a), {"role": "owner"}).status_code == 403
    assert role_of(viewer_a) == MembershipRole.VIEWER


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, viewer_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).post(url(viewer_a), {"role": "owner"}).status_code == 404
    assert role_of(viewer_a) == MembershipRole.VIEWER


def test_it_is_not_found_for_a_membership_of_another_organisation(client_as, owner_a, owner_b):
    other = owner_b.memberships.get().pk
    response = client_as(owner_a).post(f"/organisations/alpha-cluster/members/{other}/role/", {"role": "viewer"})
    assert response.status_code == 404
    assert role_of(owner_b) == MembershipRole.OWNER


def test_the_last_owner_cannot_step_down(client_as, owner_a):
    response = client_as(owner_a).post(url(owner_a), {"role": "viewer"}, follow=True)
    assert response.status_code == 200
    assert "The last owner cannot be demoted" in response.content.decode()
    assert role_of(owner_a) == MembershipRole.OWNER


def test_an_owner_steps_down_when_another_owner_remains(client_as, owner_a, second_owner_a):
    client_as(owner_a).post(url(owner_a), {"role": "editor"})
    assert role_of(owner_a) == MembershipRole.EDITOR


def test_a_bad_role_is_refused_with_a_message(client_as, owner_a, viewer_a):
    response = client_as(owner_a).post(url(viewer_a), {"role": "emperor"}, follow=True)
    assert "Please choose a valid role." in response.content.decode()
    assert role_of(viewer_a) == MembershipRole.VIEWER
