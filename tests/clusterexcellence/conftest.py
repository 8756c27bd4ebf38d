"""Failed work of the platform: jobs about several kinds of object, and undelivered e-mails."""

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts.models import Invitation
from clusterexcellence.models import DeliveryStatus, Notification, NotificationDelivery


def failed_delivery(invitation: Invitation, email: str = "gone@example.test", error: str = "Mailbox full"):
    """An invitation e-mail that could not be delivered (as notification_send leaves it)."""
    notification, _created = Notification.objects.get_or_create(
        kind="accounts.invitation",
        content_type=ContentType.objects.get_for_model(invitation),
        object_id=str(invitation.pk),
        defaults={"context": {"inviter": "Owner A"}},
    )
    return NotificationDelivery.objects.create(
        notification=notification, email=email, status=DeliveryStatus.FAILED, error=error, attempts=1
    )


@pytest.fixture
def invitation(org_a, owner_a):
    return Invitation.objects.create(organisation=org_a, email="gone@example.test", invited_by=owner_a)
