"""Club membership: one row per person, moved between states only by club/memberships.py."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import MembershipStatus

MOTIVATION_MAX = 2000
DECISION_MESSAGE_MAX = 2000


def _calendar_token() -> str:
    return secrets.token_urlsafe(24)


class ClubMembership(models.Model):
    """A person's application to and membership of the club; its status is written only by the
    functions in club/memberships.py."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_membership")
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.PENDING, db_index=True
    )
    name = models.CharField(_("your name"), max_length=120, help_text=_("As other members will see it."))
    motivation = models.TextField(_("motivation"), max_length=MOTIVATION_MAX)
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role in the organisation"), max_length=120)
    applied_at = models.DateTimeField(_("applied"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_message = models.TextField(_("message to the applicant"), max_length=DECISION_MESSAGE_MAX, blank=True)
    # The secret in the address of the member's calendar feed (calendar apps cannot sign in).
    calendar_token = models.CharField(max_length=64, unique=True, default=_calendar_token, editable=False)

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = _("club membership")
        verbose_name_plural = _("club memberships")

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def status_choice(self) -> MembershipStatus:
        return MembershipStatus(self.status)


class MembershipEvent(models.Model):
    """One change of a club membership's status, with who made it and the message given."""

    membership = models.ForeignKey(ClubMembership, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
