import pytest
from django.core import mail

from accounts.choices import MembershipRole
from accounts.models import Invitation

URL = "/organisations/alpha-cluster/members/"


def test_it_requires_sign_in(client, org_a):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_see_the_members(request, client_as, persona, owner_a, editor_a, viewer_a):
    user = request.getfixturevalue(persona)
    content = client_as(user).get(URL).content.decode()
    for member in ("owner-a@example.test", "editor-a@example.test", "viewer-a@example.test"):
        assert member in content


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).get(URL).status_code == 404
    assert client_as(user).post(URL, {"email": "x@example.test", "role": "viewer"}).status_code == 404


def test_owners_see_the_invite_form_and_member_actions(client_as, owner_a, viewer_a):
    content = client_as(owner_a).get(URL).content.decode()
    assert "Invite a colleague" in content
    assert f"/members/{viewer_a.memberships.get().pk}/role/" in content
    assert f"/members/{viewer_a.memberships.get().pk}/remove/" in content


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_others_see_no_invite_form_and_no_member_actions(request, client_as, persona, owner_a):
    user = request.getfixturevalue(persona)
    content = client_as(user).get(URL).content.decode()
    assert "Invite a colleague" not in content
    assert "/role/" not in content
    assert "/remove/" not in content


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a"])
def test_members_see_a_leave_button(request, client_as, persona):
    user = request.getfixturevalue(persona)
    assert 'action="/organisations/alpha-cluster/leave/"' in client_as(user).get(URL).content.decode()


def test_owners_invite_by_e_mail(client_as, owner_a, org_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(owner_a).post(URL, {"email": "New.Person@Example.test", "role": "editor"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=org_a)
    assert invitation.email == "new.person@example.test"
    assert invitation.role == MembershipRole.EDITOR
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.test"]
    assert "Alpha Cluster" in message.subject
    assert f"/invitations/{invitation.token}/" in message.body


def test_open_invitations_are_listed_for_owners(client_as, owner_a, invitation):
    assert "invitee@example.test" in client_as(owner_a).get(URL).content.decode()


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_it_refuses_invitations_from_non_owners(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    response = client_as(user).post(URL, {"email": "x@example.test", "role": "owner"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_it_refuses_to_invite_a_current_member(client_as, owner_a, viewer_a):
    response = client_as(owner_a).post(URL, {"email": "viewer-a@example.test", "role": "editor"})
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "data", [{"email": "nobody", "role": "viewer"}, {"email": "a@example.test", "role": "king"}, {}]
)
def test_bad_invitations_show_field_errors(client_as, owner_a, data):
    response = client_as(owner_a).post(URL, data)
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Invitation.objects.exists()
