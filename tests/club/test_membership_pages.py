"""The join page, the member-only refusal page, and the secretariat's applications pages."""

import pytest

from club.choices import MembershipStatus
from club.models import ClubMembership

JOIN = "/club/join/"


def test_joining_needs_sign_in(client, db):
    response = client.get(JOIN)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_signed_in_user_applies_through_the_form(client_as, outsider):
    response = client_as(outsider).post(
        JOIN, {"name": "Olga", "organisation": "Gamma", "role": "Manager", "motivation": "Networking"}, follow=True
    )

    assert ClubMembership.objects.get(user=outsider).status == MembershipStatus.PENDING
    assert "waiting for the secretariat" in response.content.decode()


def test_an_empty_application_is_a_form_error_not_a_500(client_as, outsider):
    response = client_as(outsider).post(JOIN, {"name": "", "organisation": "", "role": "", "motivation": ""})

    assert response.status_code == 400
    assert not ClubMembership.objects.exists()


def test_an_overlong_motivation_is_refused(client_as, outsider):
    data = {"name": "O", "organisation": "G", "role": "M", "motivation": "x" * 2001}
    assert client_as(outsider).post(JOIN, data).status_code == 400


def test_a_pending_applicant_is_refused_again_with_the_reason(client_as, applicant):
    response = client_as(applicant).post(JOIN, {"name": "A", "organisation": "G", "role": "M", "motivation": "x"})

    assert response.status_code == 409
    assert "waiting for the secretariat" in response.content.decode()


def test_a_declined_applicant_reads_the_message(client_as, declined):
    assert "Not a cluster manager." in client_as(declined).get(JOIN).content.decode()


@pytest.mark.parametrize(
    ("persona", "text"),
    [
        ("outsider", "Apply to join"),
        ("applicant", "waiting for the secretariat"),
        ("declined", "was declined"),
        ("former_member", "You left the club"),
    ],
)
def test_member_pages_explain_the_refusal_to_everyone_else(request, client_as, persona, text):
    for url in ("/club/members/", "/club/events/", "/club/messages/", "/club/profile/"):
        response = client_as(request.getfixturevalue(persona)).get(url)
        assert response.status_code == 403
        assert text in response.content.decode()


def test_member_pages_send_visitors_to_sign_in(client, db):
    assert client.get("/club/members/")["Location"].startswith("/accounts/login/")


def test_a_member_leaves_and_rejoins(client_as, club_member):
    client = client_as(club_member)
    client.post("/club/leave/")
    assert client.get("/club/members/").status_code == 403

    client.post("/club/rejoin/")
    assert client.get("/club/members/").status_code == 200


def test_rejoining_is_refused_politely_to_a_member(client_as, club_member):
    response = client_as(club_member).post("/club/rejoin/", follow=True)
    assert "Only former members can rejoin" in response.content.decode()


@pytest.mark.parametrize("persona", ["club_member", "outsider", "assessor"])
def test_only_the_secretariat_sees_the_applications(request, client_as, persona, applicant):
    assert client_as(request.getfixturevalue(persona)).get("/club/applications/").status_code == 403
    url = f"/club/applications/{applicant.club_membership.public_id}/"
    assert client_as(request.getfixturevalue(persona)).post(url, {"decision": "approve"}).status_code == 403


def test_staff_see_pending_applications_and_approve_one(client_as, staff_user, applicant, club_member):
    client = client_as(staff_user)
    content = client.get("/club/applications/").content.decode()
    assert "Ada Applicant" in content
    assert "Mia Berger" not in content  # decided already

    url = f"/club/applications/{applicant.club_membership.public_id}/"
    response = client.post(url, {"decision": "approve", "message": "Welcome"})

    assert response.status_code == 302
    applicant.club_membership.refresh_from_db()
    assert applicant.club_membership.status == MembershipStatus.APPROVED


def test_declining_without_a_message_is_a_form_error(client_as, staff_user, applicant):
    url = f"/club/applications/{applicant.club_membership.public_id}/"
    response = client_as(staff_user).post(url, {"decision": "decline", "message": ""})

    assert response.status_code == 400
    assert "Tell the applicant why." in response.content.decode()


def test_deciding_twice_is_a_conflict(client_as, staff_user, club_member):
    url = f"/club/applications/{club_member.club_membership.public_id}/"
    assert client_as(staff_user).post(url, {"decision": "approve"}).status_code == 409
