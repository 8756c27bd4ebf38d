"""The club's demo data: the walkthrough's member, a pending application, events and messages."""

import pytest

from accounts.demo import demo_seed
from club.choices import MembershipStatus, Visibility
from club.models import ClubMembership, Event, Message, Profile, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_member_and_the_pending_application_are_there_and_a_second_run_adds_nothing():
    demo_seed(orgs=5, seed=1)
    counts = [model.objects.count() for model in (ClubMembership, Profile, Event, Registration, Message)]

    member = ClubMembership.objects.get(user__email="member@example.org")
    assert member.status == MembershipStatus.APPROVED
    assert Profile.objects.get(user=member.user).visibility == Visibility.PUBLIC
    assert ClubMembership.objects.filter(status=MembershipStatus.PENDING).count() == 1
    assert Message.objects.filter(recipient=member.user, read_at__isnull=True).count() == 2
    assert Profile.objects.filter(visibility=Visibility.HIDDEN).exists()
    assert Event.objects.past().count() == 2 and Event.objects.upcoming().count() == 4
    full = Event.objects.get(title__startswith="Study visit")
    assert full.registrations.filter(status="registered").count() == full.capacity
    assert full.registrations.filter(status="waiting", user=member.user).exists()

    demo_seed(orgs=5, seed=1)
    assert [model.objects.count() for model in (ClubMembership, Profile, Event, Registration, Message)] == counts


def test_the_demo_profiles_are_valid():
    demo_seed(orgs=5, seed=1)
    for profile in Profile.objects.all():
        profile.full_clean()
