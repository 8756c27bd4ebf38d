"""Awarded labels: the record an approving board decision issues, its append-only history and the
counters that number certificates.

A label's stored status is valid, suspended or revoked, written only by the domain functions in
labels/label_records.py; "expired" is never stored but computed from the dates, so a label stops
validating on its last day even when no job runs."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from ..choices import Level

PUBLIC_REASON_MAX_LENGTH = 2000


class LabelStatus(models.TextChoices):
    """What the board decided about the label; the dates decide "expired" (see LabelState)."""

    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


class LabelState(models.TextChoices):
    """What a label is on a given day: its status, or expired once its last day has passed."""

    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")

    @property
    def colour(self) -> str:
        return {"valid": "green", "suspended": "yellow", "revoked": "red", "expired": "grey"}[self.value]


class LabelAction(models.TextChoices):
    ISSUED = "issued", _("Issued")
    SUSPENDED = "suspended", _("Suspended")
    REINSTATED = "reinstated", _("Reinstated")
    REVOKED = "revoked", _("Revoked")


class LabelQuerySet(models.QuerySet):
    def valid_on(self, day: date | None = None):
        """Labels valid on `day` (today by default): neither suspended nor revoked, within their dates."""
        day = day or timezone.localdate()
        return self.filter(status=LabelStatus.VALID, valid_from__lte=day, valid_until__gte=day)

    def with_state(self, day: date | None = None):
        """Annotate `current_state` (a LabelState value) as of `day`, so lists can filter and show it."""
        day = day or timezone.localdate()
        return self.annotate(
            current_state=Case(
                When(status=LabelStatus.REVOKED, then=Value(LabelState.REVOKED)),
                When(valid_until__lt=day, then=Value(LabelState.EXPIRED)),
                default="status",
                output_field=models.CharField(),
            )
        )

    def in_state(self, state: str, day: date | None = None):
        """Labels in `state` (a LabelState value) on `day`."""
        day = day or timezone.localdate()
        if state == LabelState.REVOKED:
            return self.filter(status=LabelStatus.REVOKED)
        if state == LabelState.EXPIRED:
            return self.filter(valid_until__lt=day).exclude(status=LabelStatus.REVOKED)
        return self.filter(status=state, valid_until__gte=day)

    def visible_to(self, user):
        """Labels whose private page (history, certificate, board actions) the user may open: the
        organisation's members, the label board and staff. Everyone may verify any label."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff or user.is_board_member:
            return self
        return self.of_members(user)

    def of_members(self, user):
        """Labels of the organisations the user is an active member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(organisation__memberships__user=user, organisation__memberships__left_at__isnull=True)
        ).distinct()


class Label(models.Model):
    """A label awarded by an approving board decision. Public: anyone may verify it by its public id.

    Nobody edits the dates or the number: they are set once, when the decision issues the label."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="labels")
    assessment = models.OneToOneField("labels.Assessment", on_delete=models.PROTECT, related_name="label")
    framework = models.ForeignKey("labels.Framework", on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    certificate_number = models.CharField(_("certificate number"), max_length=40, unique=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), help_text=_("The last day the label is valid."))
    # The label this one continues without a gap (a renewal inside the catalogue's window).
    renews = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="renewed_by", verbose_name=_("renews")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=LabelStatus.choices, default=LabelStatus.VALID, db_index=True
    )
    public_reason = models.TextField(_("public reason"), max_length=PUBLIC_REASON_MAX_LENGTH, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # The rendered certificate PDF in the default storage; one file per label, overwritten on re-render.
    certificate = models.FileField(_("certificate"), max_length=255, blank=True)

    objects = LabelQuerySet.as_manager()

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["-valid_from", "-pk"]
        indexes = [models.Index(fields=["status", "valid_until"]), models.Index(fields=["organisation", "level"])]
        constraints = [models.CheckConstraint(condition=Q(valid_until__gte=models.F("valid_from")), name="label_dates")]

    def __str__(self):
        return f"{self.certificate_number} · {self.organisation}"

    def get_absolute_url(self):
        return reverse("labels:label_detail", args=[self.public_id])

    def get_verification_url(self):
        return reverse("labels:label_verify", args=[self.public_id])

    @property
    def verify_url(self) -> str:
        """The absolute public verification URL (the QR code's target)."""
        return settings.SITE_URL + self.get_verification_url()

    def state_on(self, day: date | None = None) -> LabelState:
        """What the label is on `day` (today by default)."""
        day = day or timezone.localdate()
        if self.status == LabelStatus.REVOKED:
            return LabelState.REVOKED
        if day > self.valid_until:
            return LabelState.EXPIRED
        return LabelState(self.status)

    @property
    def state(self) -> LabelState:
        return self.state_on()

    @property
    def is_valid(self) -> bool:
        today = timezone.localdate()
        return self.state_on(today) == LabelState.VALID and self.valid_from <= today


class LabelEvent(models.Model):
    """The label's history: one row per change, never edited or deleted."""

    label = models.ForeignKey(Label, on_delete=models.PROTECT, related_name="history")
    action = models.CharField(_("action"), max_length=12, choices=LabelAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now)
    reason = models.TextField(_("reason"), max_length=PUBLIC_REASON_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("label history entry")
        verbose_name_plural = _("label history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.label_id} {self.action} {self.at:%Y-%m-%d}"


class CertificateCounter(models.Model):
    """The last sequence number issued per country, level and year; locked while a number is drawn,
    so numbers are unique and never reused, also under concurrent approvals."""

    country = models.CharField(max_length=3)
    level = models.CharField(max_length=10, choices=Level.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("certificate counter")
        constraints = [
            models.UniqueConstraint(fields=["country", "level", "year"], name="one_counter_per_country_level_year")
        ]

    def __str__(self):
        return f"{self.country}-{self.level}-{self.year}: {self.last}"
