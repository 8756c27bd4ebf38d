"""Marking one's own notifications as read."""

from django.urls import reverse

from clusterexcellence.models import NotificationDelivery
from tests.accounts.test_account_page import received

ACCOUNT = reverse("account_profile")


def url(delivery):
    return reverse("notification_read", args=[delivery.public_id])


def test_it_rejects_get(client_as, outsider):
    (delivery,) = received(outsider, 1)
    assert client_as(outsider).get(url(delivery)).status_code == 405


def test_it_requires_sign_in(client, outsider):
    (delivery,) = received(outsider, 1)
    assert client.post(url(delivery)).status_code == 302


def test_the_recipient_marks_one_as_read_and_returns_to_the_page(client_as, outsider):
    first, second = received(outsider, 2)
    response = client_as(outsider).post(url(first), {"next": ACCOUNT})
    assert response["Location"] == ACCOUNT
    assert NotificationDelivery.objects.get(pk=first.pk).read_at is not None
    assert NotificationDelivery.objects.get(pk=second.pk).read_at is None


def test_someone_elses_notification_is_not_found(client_as, outsider, owner_a):
    (delivery,) = received(owner_a, 1)
    assert client_as(outsider).post(url(delivery)).status_code == 404
    assert NotificationDelivery.objects.get(pk=delivery.pk).read_at is None


def test_it_never_returns_to_another_site(client_as, outsider):
    (delivery,) = received(outsider, 1)
    response = client_as(outsider).post(url(delivery), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("dashboard")


def test_mark_all_as_read_touches_only_the_users_own(client_as, outsider, owner_a):
    mine = received(outsider, 3)
    (theirs,) = received(owner_a, 1, first=9)
    client_as(outsider).post(reverse("notifications_read_all"), {"next": ACCOUNT})
    assert not NotificationDelivery.objects.filter(pk__in=[d.pk for d in mine], read_at=None).exists()
    assert NotificationDelivery.objects.get(pk=theirs.pk).read_at is None
