"""Sending an undelivered e-mail again from the page of failed work."""

import pytest
from django.core import mail
from django.urls import reverse

from clusterexcellence.models import DeliveryStatus, NotificationDelivery

from .conftest import failed_delivery


@pytest.fixture
def delivery(invitation):
    return failed_delivery(invitation)


def url(delivery):
    return reverse("delivery_retry", args=[delivery.public_id])


def test_it_rejects_get(client_as, staff_user, delivery):
    assert client_as(staff_user).get(url(delivery)).status_code == 405


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "outsider"])
def test_it_refuses_everyone_but_staff(request, client_as, persona, delivery):
    assert client_as(request.getfixturevalue(persona)).post(url(delivery)).status_code == 403
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED


def test_staff_send_it_again_and_it_arrives_once(client_as, staff_user, delivery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(staff_user).post(url(delivery))
    with django_capture_on_commit_callbacks(execute=True):
        client_as(staff_user).post(url(delivery))  # a second click finds nothing failed

    assert response["Location"] == reverse("jobs_failed")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 2
    assert delivery.error == ""
    assert [message.to for message in mail.outbox] == [["gone@example.test"]]
    assert "Alpha Cluster" in mail.outbox[0].body


def test_a_delivery_that_is_not_failed_is_left_alone(client_as, staff_user, delivery):
    NotificationDelivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.SENT)
    response = client_as(staff_user).post(url(delivery), follow=True)
    assert "nothing was retried" in response.content.decode()
    assert mail.outbox == []


def test_an_unknown_delivery_is_not_found(client_as, staff_user, db):
    unknown = "/jobs/deliveries/00000000-0000-0000-0000-000000000000/retry/"
    assert client_as(staff_user).post(unknown).status_code == 404
