import pytest
from django.core import mail

from accounts.choices import MembershipRole
from accounts.models import Invitation, Membership

LIST = "/api/organisations/alpha-cluster/memberships/"


def detail(user):
    return f"{LIST}{user.memberships.get().pk}/"


def role_of(user):
    return user.memberships.get().role


def is_active_member(user):
    return Membership.objects.active().filter(user=user).exists()


# list and retrieve ---------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_list_the_members(request, api_as, persona, owner_a, editor_a, viewer_a):
    user = request.getfixturevalue(persona)
    response = api_as(user).get(LIST)
    assert response.status_code == 200
    emails = {item["user"]["email"]: item["role"] for item in response.json()}
    assert emails == {
        "owner-a@example.test": "owner",
        "editor-a@example.test": "editor",
        "viewer-a@example.test": "viewer",
    }


def test_the_list_leaves_out_former_members(api_as, owner_a, viewer_a):
    Membership.objects.filter(user=viewer_a).update(left_at="2020-01-01T00:00Z")
    assert [item["user"]["email"] for item in api_as(owner_a).get(LIST).json()] == ["owner-a@example.test"]


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_the_list_is_not_found_outside_the_callers_scope(request, api_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).get(LIST).status_code == 404


def test_the_list_refuses_anonymous_callers(api_as, owner_a):
    assert api_as(None).get(LIST).status_code in (401, 403)


def test_members_retrieve_one_membership(api_as, viewer_a, owner_a):
    response = api_as(viewer_a).get(detail(owner_a))
    assert response.status_code == 200
    assert response.json()["role"] == "owner"


def test_a_membership_of_another_organisation_is_not_found(api_as, owner_a, owner_b):
    assert api_as(owner_a).get(detail(owner_b)).status_code == 404
    assert api_as(owner_a).patch(detail(owner_b), {"role": "viewer"}, format="json").status_code == 404
    assert api_as(owner_a).delete(detail(owner_b)).status_code == 404
    assert role_of(owner_b) == MembershipRole.OWNER


# invite --------------------------------------------------------------------------------------


def test_owners_invite_by_e_mail(api_as, owner_a, org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(owner_a).post(LIST, {"email": "New@Example.test", "role": "editor"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "new@example.test"
    assert body["role"] == "editor"
    assert body["organisation"] == "alpha-cluster"
    assert "token" not in body
    assert Invitation.objects.get(organisation=org_a).invited_by == owner_a
    assert mail.outbox[0].to == ["new@example.test"]


def test_the_role_defaults_to_viewer(api_as, owner_a):
    assert api_as(owner_a).post(LIST, {"email": "new@example.test"}, format="json").json()["role"] == "viewer"


def test_a_role_change_without_a_role_is_refused(api_as, owner_a, viewer_a):
    response = api_as(owner_a).patch(detail(viewer_a), {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"role": ["This field is required."]}
    assert role_of(viewer_a) == MembershipRole.VIEWER


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_invitations_are_refused_to_non_owners(request, api_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    response = api_as(user).post(LIST, {"email": "new@example.test", "role": "owner"}, format="json")
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_invitations_are_not_found_outside_the_callers_scope(request, api_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).post(LIST, {"email": "new@example.test"}, format="json").status_code == 404


def test_inviting_a_current_member_is_refused(api_as, owner_a, viewer_a):
    response = api_as(owner_a).post(LIST, {"email": "viewer-a@example.test"}, format="json")
    assert response.status_code == 400
    assert "already a member" in response.json()["email"][0]


@pytest.mark.parametrize("data", [{}, {"email": "nobody"}, {"email": "a@example.test", "role": "king"}])
def test_bad_invitations_are_refused_with_field_errors(api_as, owner_a, data):
    assert api_as(owner_a).post(LIST, data, format="json").status_code == 400
    assert not Invitation.objects.exists()


# change role ---------------------------------------------------------------------------------


def test_owners_change_roles(api_as, owner_a, viewer_a):
    response = api_as(owner_a).patch(detail(viewer_a), {"role": "editor"}, format="json")
    assert response.status_code == 200
    assert response.json()["role"] == "editor"
    assert role_of(viewer_a) == MembershipRole.EDITOR


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_role_changes_are_refused_to_non_owners(request, api_as, persona, owner_a, viewer_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).patch(detail(viewer_a), {"role": "owner"}, format="json").status_code == 403
    assert role_of(viewer_a) == MembershipRole.VIEWER


def test_the_last_owner_cannot_be_demoted(api_as, owner_a):
    response = api_as(owner_a).patch(detail(owner_a), {"role": "viewer"}, format="json")
    assert response.status_code == 409
    assert response.json()["detail"] == "The last owner cannot be demoted. Make someone else owner first."
    assert role_of(owner_a) == MembershipRole.OWNER


def test_an_owner_is_demoted_when_another_owner_remains(api_as, owner_a, second_owner_a):
    assert api_as(owner_a).patch(detail(owner_a), {"role": "viewer"}, format="json").status_code == 200


def test_a_bad_role_is_refused(api_as, owner_a, viewer_a):
    response = api_as(owner_a).patch(detail(viewer_a), {"role": "emperor"}, format="json")
    assert response.status_code == 400
    assert "role" in response.json()


def test_memberships_cannot_be_replaced_with_put(api_as, owner_a, viewer_a):
    assert api_as(owner_a).put(detail(viewer_a), {"role": "editor"}, format="json").status_code == 405


# remove and leave ----------------------------------------------------------------------------


def test_owners_remove_members(api_as, owner_a, viewer_a):
    assert api_as(owner_a).delete(detail(viewer_a)).status_code == 204
    assert not is_active_member(viewer_a)


@pytest.mark.parametrize("persona", ["editor_a", "staff_user"])
def test_removing_others_is_refused_to_non_owners(request, api_as, persona, owner_a, viewer_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).delete(detail(viewer_a)).status_code == 403
    assert is_active_member(viewer_a)


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a"])
def test_members_leave_by_removing_themselves(request, api_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).delete(detail(user)).status_code == 204
    assert not is_active_member(user)


def test_the_last_owner_cannot_leave(api_as, owner_a, viewer_a):
    response = api_as(owner_a).delete(detail(owner_a))
    assert response.status_code == 409
    assert response.json()["detail"] == "The last owner cannot leave. Make someone else owner first."
    assert is_active_member(owner_a)


def test_an_owner_leaves_when_another_owner_remains(api_as, owner_a, second_owner_a):
    assert api_as(owner_a).delete(detail(owner_a)).status_code == 204


def test_a_former_membership_is_gone(api_as, owner_a, viewer_a):
    url = detail(viewer_a)
    api_as(owner_a).delete(url)
    assert api_as(owner_a).delete(url).status_code == 404
