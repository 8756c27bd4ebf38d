from datetime import timedelta

from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import Membership


def url(invitation):
    return f"/invitations/{invitation.token}/"


def test_an_unknown_token_is_not_found(client, db):
    assert client.get("/invitations/not-a-token/").status_code == 404


def test_visitors_are_asked_to_sign_in_or_sign_up_with_the_invited_address(client, invitation):
    response = client.get(url(invitation))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Alpha Cluster" in content
    assert "invitee@example.test" in content
    assert f"/accounts/login/?next=/invitations/{invitation.token}/" in content
    assert f"/accounts/signup/?next=/invitations/{invitation.token}/" in content


def test_a_visitor_posting_is_sent_to_sign_in(client, invitation):
    response = client.post(url(invitation))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Membership.objects.filter(organisation=invitation.organisation, user__email=invitation.email).exists()


def test_the_invited_user_accepts_and_gets_the_role(client_as, invitee, invitation):
    client = client_as(invitee)
    assert "Accept the invitation" in client.get(url(invitation)).content.decode()
    response = client.post(url(invitation))
    assert response.status_code == 302
    assert response["Location"] == "/organisations/alpha-cluster/"
    membership = Membership.objects.active().get(user=invitee)
    assert membership.organisation == invitation.organisation
    assert membership.role == MembershipRole.EDITOR
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_the_address_matches_regardless_of_case(client_as, invitee, invitation):
    invitation.email = "Invitee@Example.TEST"
    invitation.save()
    client_as(invitee).post(url(invitation))
    assert Membership.objects.active().filter(user=invitee).exists()


def test_another_signed_in_user_is_told_the_invitation_is_not_theirs(client_as, outsider, invitation):
    client = client_as(outsider)
    assert "but the invitation was sent to invitee@example.test" in client.get(url(invitation)).content.decode()
    response = client.post(url(invitation), follow=True)
    assert "This invitation was sent to another e-mail address." in response.content.decode()
    assert not Membership.objects.filter(user=outsider).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_expired_invitation_is_refused_with_a_message(client_as, invitee, invitation):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    client = client_as(invitee)
    assert "This invitation has expired or was already used." in client.get(url(invitation)).content.decode()
    response = client.post(url(invitation), follow=True)
    assert "This invitation has expired or was already used." in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_a_used_invitation_cannot_be_used_twice(client_as, invitee, invitation):
    client = client_as(invitee)
    client.post(url(invitation))
    Membership.objects.filter(user=invitee).update(left_at=timezone.now())
    response = client.post(url(invitation), follow=True)
    assert "This invitation has expired or was already used." in response.content.decode()
    assert not Membership.objects.active().filter(user=invitee).exists()


def test_a_current_member_accepting_keeps_their_role(client_as, viewer_a, org_a, owner_a):
    from accounts.models import Invitation

    invitation = Invitation.objects.create(organisation=org_a, email=viewer_a.email, role=MembershipRole.OWNER)
    client_as(viewer_a).post(url(invitation))
    assert Membership.objects.active().get(user=viewer_a).role == MembershipRole.VIEWER
