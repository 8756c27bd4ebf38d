"""Messages between members through the portal, blocks, and abuse reports to the secretariat."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SUBJECT_MAX = 150
BODY_MAX = 5000
REPORT_MAX = 2000


class Message(models.Model):
    """One message from a member to another; the addresses of both stay with the portal."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_messages_sent")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_messages_received"
    )
    reply_to = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replies")
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX)
    body = models.TextField(_("message"), max_length=BODY_MAX)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["recipient", "-sent_at"]),
            models.Index(fields=["sender", "-sent_at"]),
            models.Index(fields=["recipient", "read_at"]),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("club:message_detail", args=[self.public_id])


class Block(models.Model):
    """`blocker` accepts no more messages from `blocked`."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="club_block_once")]


class AbuseReport(models.Model):
    """A member tells the secretariat that a message they received is abusive."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("what is wrong with it"), max_length=REPORT_MAX)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        constraints = [models.UniqueConstraint(fields=["message", "reporter"], name="club_report_once")]

    def __str__(self):
        return f"{self.message_id}: {self.reason[:60]}"
