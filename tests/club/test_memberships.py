"""club/memberships.py: applying, the secretariat's decision, leaving and rejoining."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from club import memberships
from club.choices import MembershipStatus
from club.models import ClubMembership, Profile, Registration
from club.permissions import is_club_member
from tests.factories import UserFactory

APPLICATION = {"name": "Olga Outsider", "motivation": "I run a cluster.", "organisation": "Gamma", "role": "Manager"}


def test_an_application_waits_for_the_secretariat_which_is_told(outsider, staff_user, run_jobs):
    membership = run_jobs(lambda: memberships.membership_apply(user=outsider, **APPLICATION))

    assert membership.status == MembershipStatus.PENDING
    assert not is_club_member(outsider)
    assert [message.to for message in mail.outbox] == [[staff_user.email]]
    assert f"/club/applications/{membership.public_id}/" in mail.outbox[0].body


@pytest.mark.parametrize("persona", ["applicant", "club_member", "former_member"])
def test_it_refuses_a_second_application(request, persona):
    with pytest.raises(memberships.MembershipNotAllowed):
        memberships.membership_apply(user=request.getfixturevalue(persona), **APPLICATION)


def test_a_declined_applicant_may_apply_again(declined):
    membership = memberships.membership_apply(user=declined, **APPLICATION)

    assert membership.status == MembershipStatus.PENDING
    assert membership.decision_message == ""


def test_approval_makes_a_member_with_a_profile_and_tells_the_applicant(applicant, staff_user, run_jobs):
    membership = ClubMembership.objects.get(user=applicant)

    run_jobs(lambda: memberships.membership_approve(membership=membership, by=staff_user, message="Welcome!"))

    assert is_club_member(applicant)
    assert Profile.objects.get(user=applicant).name == "Ada Applicant"
    (message,) = mail.outbox
    assert message.to == [applicant.email]
    assert "Welcome!" in message.body
    assert membership.history.last().to_status == MembershipStatus.APPROVED


def test_the_decline_message_reaches_the_applicant_in_their_language(applicant, staff_user, run_jobs):
    applicant.language = "de"
    applicant.save()
    membership = ClubMembership.objects.get(user=applicant)

    run_jobs(lambda: memberships.membership_decline(membership=membership, by=staff_user, message="Zu früh."))

    (message,) = mail.outbox
    assert "Zu früh." in message.body
    assert message.subject == "Ihre Bewerbung für den Managerclub"


def test_declining_needs_a_message(applicant, staff_user):
    with pytest.raises(ValidationError):
        memberships.membership_decline(membership=applicant.club_membership, by=staff_user, message=" ")


def test_only_the_secretariat_decides(applicant, club_member):
    with pytest.raises(PermissionDenied):
        memberships.membership_approve(membership=applicant.club_membership, by=club_member)


def test_a_decided_application_is_not_decided_again(club_member, staff_user):
    with pytest.raises(memberships.MembershipNotAllowed):
        memberships.membership_decline(membership=club_member.club_membership, by=staff_user, message="No")


def test_leaving_gives_up_places_and_moves_the_waiting_list_up(club_member, other_member, event):
    from club.events import event_register

    event.capacity = 1
    event.save()
    event_register(event=event, user=club_member)
    waiting = event_register(event=event, user=other_member)

    memberships.membership_leave(user=club_member)

    assert not is_club_member(club_member)
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert Registration.objects.get(user=club_member).status == "cancelled"


def test_a_former_member_rejoins_without_a_new_application(former_member):
    memberships.membership_rejoin(user=former_member)

    assert is_club_member(former_member)


@pytest.mark.parametrize("persona", ["applicant", "club_member", "outsider"])
def test_only_former_members_rejoin(request, persona):
    with pytest.raises(memberships.MembershipNotAllowed):
        memberships.membership_rejoin(user=request.getfixturevalue(persona))


def test_only_members_leave(applicant):
    with pytest.raises(memberships.MembershipNotAllowed):
        memberships.membership_leave(user=applicant)


def test_the_old_flag_is_gone_from_the_user():
    assert not hasattr(UserFactory.build(), "is_club_member")
