"""Background jobs that a user waits for: a row with status and progress that pages poll."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")

    @classmethod
    def finished(cls):
        return {cls.DONE, cls.FAILED}


class JobQuerySet(models.QuerySet):
    def stalled(self):
        """Running jobs whose lease ran out: their worker died, and nobody has taken them again yet."""
        return self.filter(status=JobStatus.RUNNING, lease_expires_at__lt=timezone.now())


class Job(models.Model):
    """One piece of background work, the object it concerns and how far it got.

    A worker that claims the job holds it until `lease_expires_at`; a running job whose lease ran
    out has lost its worker, and a redelivery or the sweep (clusterexcellence.jobs) takes it again."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=60, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "kind"]),
            models.Index(fields=["status", "lease_expires_at"]),
        ]

    def __str__(self):
        return f"{self.kind} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in JobStatus.finished()

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker stopped holding it: shown to staff, who may send it again."""
        return (
            self.status == JobStatus.RUNNING
            and self.lease_expires_at is not None
            and self.lease_expires_at < timezone.now()
        )


class Notification(models.Model):
    """Something that happened to an object that people are told about (one row per event)."""

    kind = models.CharField(_("kind"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    # Tells repeated events of one kind on one object apart (a second clarification round, the
    # 6- and 1-month reminders); the same key twice is the same event and is sent once.
    key = models.CharField(max_length=100, blank=True)
    context = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "key"], name="one_notification_per_event"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.key}".strip()


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class NotificationDelivery(models.Model):
    """One recipient's copy of a notification: sent at most once, in the recipient's language."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    # Rendered when sent, in the recipient's language, so the portal's list needs no templates.
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    url = models.CharField(max_length=500, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["notification", "email"], name="one_delivery_per_recipient")]
        indexes = [models.Index(fields=["recipient", "-sent_at"], name="delivery_recipient_sent")]

    def __str__(self):
        return f"{self.notification} → {self.email}"
