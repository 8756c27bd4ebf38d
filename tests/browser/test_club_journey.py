"""The managers' club as its people live it: apply, be approved, find a member, write, be read;
no e-mail address of another person is ever on a page."""

import pytest
from playwright.sync_api import expect

from club.choices import Visibility
from tests.factories import ClubMembershipFactory, UserFactory

from .journeys import Sessions

pytestmark = pytest.mark.browser


@pytest.fixture
def sessions(chromium, live_server):
    sessions = Sessions(chromium, live_server.url)
    yield sessions
    sessions.close()


def test_a_user_applies_is_approved_finds_a_member_and_writes_without_seeing_an_address(sessions, staff_user):
    newcomer = UserFactory(email="newcomer@example.test", first_name="Nina", last_name="Neu")
    colleague = ClubMembershipFactory(
        user__email="hidden-address@example.test", name="Henrik Lund", profile__visibility=Visibility.MEMBERS,
        profile__expertise=["hydrogen valleys"], profile__organisation="Nordic Energy Network",
    ).user  # fmt: skip
    addresses = [colleague.email, staff_user.email]

    applicant = sessions.sign_in(newcomer)
    applicant.goto("/club/profession/")
    applicant.get_by_role("link", name="Join the managers' club").click()
    applicant.get_by_label("Your name").fill("Nina Neu")
    applicant.get_by_label("Organisation:", exact=True).fill("Saxon Photonics Cluster")
    applicant.get_by_label("Role in the organisation").fill("Cluster manager")
    applicant.get_by_label("Why do you want to join?").fill("To meet other cluster managers.")
    applicant.get_by_role("button", name="Send the application").click()
    expect(applicant.locator("#club-membership")).to_contain_text("Application pending")

    secretariat = sessions.sign_in(staff_user)
    secretariat.goto("/dashboard/")
    secretariat.get_by_role("link", name="Club applications").click()
    expect(secretariat.locator("main")).to_contain_text("Saxon Photonics Cluster")
    secretariat.get_by_role("link", name="Decide").click()
    secretariat.get_by_label("Approve").check()
    secretariat.get_by_label("Message to the applicant").fill("Welcome to the club!")
    secretariat.get_by_role("button", name="Record the decision").click()
    expect(secretariat.locator(".messages")).to_contain_text("Nina Neu: Member.")

    applicant.goto("/dashboard/")
    applicant.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Managers' club").click()
    applicant.get_by_role("navigation", name="Managers' club").get_by_role("link", name="Club directory").click()
    applicant.get_by_label("Name, expertise or organisation").fill("hydrogen")
    applicant.get_by_role("button", name="Search").click()
    applicant.get_by_role("link", name="Henrik Lund").click()
    assert not any(address in applicant.content() for address in addresses)
    applicant.get_by_role("link", name="Contact").click()
    applicant.get_by_label("Subject:", exact=True).fill("Hydrogen valleys")
    applicant.get_by_label("Message:", exact=True).fill("Could we compare our hydrogen projects?")
    applicant.get_by_role("button", name="Send the message").click()
    expect(applicant.locator(".messages")).to_contain_text("Your message to Henrik Lund was sent.")
    assert not any(address in applicant.content() for address in addresses)

    recipient = sessions.sign_in(colleague)
    recipient.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Managers' club").click()
    recipient.get_by_role("navigation", name="Managers' club").get_by_role("link", name="Messages").click()
    recipient.get_by_role("link", name="Hydrogen valleys").click()
    expect(recipient.locator("main")).to_contain_text("Could we compare our hydrogen projects?")
    expect(recipient.locator("main")).to_contain_text("From Nina Neu")
    assert newcomer.email not in recipient.content()
    assert sessions.console_errors() == []
