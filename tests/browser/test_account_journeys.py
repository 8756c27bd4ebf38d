"""A member of an organisation reads what the portal told them and chooses the language of their
e-mails; the secretariat sends an undelivered e-mail again."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.memberships import invitation_create
from clusterexcellence.models import DeliveryStatus, NotificationDelivery
from clusterexcellence.notifications import notify

pytestmark = pytest.mark.browser


def test_a_member_reads_a_notification_marks_it_read_and_chooses_german(signed_in_page, owner_a, org_a):
    invitation = invitation_create(organisation=org_a, email="colleague@example.test", role="viewer", by=owner_a)
    notify("accounts.invitation", target=invitation, recipients=[owner_a], key="copy")  # the owner gets a copy
    page = signed_in_page(owner_a)

    expect(page.locator("#dashboard-account")).to_contain_text("1 unread")
    page.get_by_role("link", name="Language, notifications and security").click()
    notifications = page.locator("#account-notifications")
    expect(notifications).to_contain_text("Alpha Cluster")
    with page.expect_navigation():
        notifications.get_by_role("button", name="Mark as read").click()
    expect(notifications.get_by_role("button", name="Mark as read")).to_have_count(0)

    page.locator("#account-language").get_by_label("Language").select_option("de")
    with page.expect_navigation():
        page.locator("#account-language").get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("From now on the portal writes to you in German.")
    owner_a.refresh_from_db()
    assert owner_a.language == "de"
    assert page.console_errors == []


def test_the_secretariat_sends_an_undelivered_email_again(signed_in_page, staff_user, owner_a, org_a):
    invitation_create(organisation=org_a, email="bounced@example.test", role="viewer", by=owner_a)
    NotificationDelivery.objects.filter(email="bounced@example.test").update(
        status=DeliveryStatus.FAILED, error="550 mailbox unavailable"
    )
    mail.outbox.clear()
    page = signed_in_page(staff_user)

    page.locator("#dashboard-failed-work").get_by_role("link", name="Look and retry").click()
    row = page.locator("#failed-deliveries tr", has_text="bounced@example.test")
    expect(row).to_contain_text("550 mailbox unavailable")
    with page.expect_navigation():
        row.get_by_role("button", name="Retry").click()

    expect(page.locator(".messages")).to_contain_text("The e-mail was put back in the queue.")
    expect(page.locator("#failed-deliveries")).to_contain_text("Every e-mail was delivered.")
    assert NotificationDelivery.objects.get(email="bounced@example.test").status == DeliveryStatus.SENT
    assert page.console_errors == []
