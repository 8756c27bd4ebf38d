"""The account page: the language of the user's e-mails, and the notifications they received."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from clusterexcellence.models import DeliveryStatus, Notification, NotificationDelivery

URL = reverse("account_profile")


def received(user, count: int, *, status=DeliveryStatus.SENT, read=False, first: int = 0) -> list:
    """`count` notifications sent to the user about themself, with subject and link as sent."""
    deliveries = []
    for n in range(first, first + count):
        notification = Notification.objects.create(
            kind="tests.news", content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk), key=str(n)
        )
        deliveries.append(
            NotificationDelivery(
                notification=notification,
                recipient=user,
                email=user.email,
                status=status,
                subject=f"News number {n}",
                url=f"/news/{n}/",
                sent_at=timezone.now() if status == DeliveryStatus.SENT else None,
                read_at=timezone.now() if read else None,
            )
        )
    return NotificationDelivery.objects.bulk_create(deliveries)


def test_it_requires_sign_in(client, db):
    assert client.get(URL).status_code == 302


def test_the_header_leads_to_it(client_as, outsider):
    assert f'href="{URL}"' in client_as(outsider).get("/dashboard/").content.decode()


def test_it_shows_the_language_of_the_users_emails(client_as, outsider):
    outsider.language = "de"
    outsider.save()
    content = client_as(outsider).get(URL).content.decode()
    assert '<option value="de" selected>' in content


def test_the_user_changes_the_language_of_their_emails(client_as, outsider):
    response = client_as(outsider).post(URL, {"language": "de"}, follow=True)
    outsider.refresh_from_db()
    assert outsider.language == "de"
    assert "From now on the portal writes to you in German." in response.content.decode()


@pytest.mark.parametrize("language", ["", "fr", "x" * 20])
def test_an_unknown_language_is_refused_with_a_message(client_as, outsider, language):
    response = client_as(outsider).post(URL, {"language": language})
    assert response.status_code == 400
    assert 'class="field field-error"' in response.content.decode()
    outsider.refresh_from_db()
    assert outsider.language == ""


def test_it_lists_the_users_notifications_newest_first_with_their_links(client_as, outsider):
    received(outsider, 2)
    content = client_as(outsider).get(URL).content.decode()
    assert content.index("News number 1") < content.index("News number 0")
    assert '<a href="/news/0/">News number 0</a>' in content


def test_it_shows_no_one_elses_notifications_and_nothing_unsent(client_as, outsider, owner_a):
    received(owner_a, 1)
    received(outsider, 1, status=DeliveryStatus.PENDING, first=5)
    content = client_as(outsider).get(URL).content.decode()
    assert "News number" not in content
    assert "The portal has not sent you any e-mail yet." in content


def test_unread_notifications_can_be_marked_as_read(client_as, outsider):
    received(outsider, 1)
    received(outsider, 1, read=True, first=1)
    content = client_as(outsider).get(URL).content.decode()
    assert content.count("Mark as read") == 1
    assert "Mark all as read" in content


def test_the_dashboard_counts_the_unread_notifications(client_as, outsider):
    received(outsider, 3)
    received(outsider, 1, read=True, first=3)
    assert "3 unread" in client_as(outsider).get("/dashboard/").content.decode()


def test_the_queries_do_not_grow_with_the_notifications(client_as, outsider, django_assert_max_num_queries):
    client = client_as(outsider)
    received(outsider, 2)
    client.get(URL)
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
    received(outsider, 30, first=2)
    with django_assert_max_num_queries(8):
        content = client.get(URL).content.decode()
    assert content.count("Mark as read") == 20  # one page
    assert "Page 1 of 2" in content
