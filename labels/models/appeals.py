"""Appeals (ISO/IEC 17065): an organisation's owner contests a rejection, a suspension or a
revocation; a board member who took no part in it upholds or dismisses the appeal.

Rows are written only by the domain functions in labels/appeals.py."""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .label_records import PUBLIC_REASON_MAX_LENGTH

APPEAL_REASON_MAX_LENGTH = 5000
# The board's reason may become the label's history entry (labels/label_records.py), so the same limit.
APPEAL_DECISION_MAX_LENGTH = PUBLIC_REASON_MAX_LENGTH
APPEAL_DOCUMENTS_MAX = 5


class AppealKind(models.TextChoices):
    REJECTION = "rejection", _("Rejection of the application")
    SUSPENSION = "suspension", _("Suspension of the label")
    REVOCATION = "revocation", _("Revocation of the label")


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting the board")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")

    @property
    def colour(self) -> str:
        return {"pending": "blue", "upheld": "green", "dismissed": "red"}[self.value]


class AppealAction(models.TextChoices):
    FILED = "filed", _("Appeal filed")
    UPHELD = "upheld", _("Appeal upheld")
    DISMISSED = "dismissed", _("Appeal dismissed")


class AppealQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The board and staff see every appeal; members see their organisations' appeals."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff or user.is_board_member:
            return self
        return self.filter(
            pk__in=self.filter(
                assessment__organisation__memberships__user=user,
                assessment__organisation__memberships__left_at__isnull=True,
            ).values("pk")
        )


def _text(label, max_length: int, **kwargs) -> models.TextField:
    return models.TextField(label, max_length=max_length, validators=[MaxLengthValidator(max_length)], **kwargs)


class Appeal(models.Model):
    """One appeal against one decision: a rejection (of `assessment`) or a suspension or revocation
    (of `label`, whose assessment is `assessment` too)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey("labels.Assessment", on_delete=models.PROTECT, related_name="appeals")
    label = models.ForeignKey("labels.Label", on_delete=models.PROTECT, null=True, blank=True, related_name="appeals")
    kind = models.CharField(_("appeal against"), max_length=12, choices=AppealKind.choices)
    # When the contested decision was taken, and by whom: the appeal period counts from it, there is
    # one appeal per decision, and its author does not decide on the appeal.
    decision_at = models.DateTimeField(_("decision contested"))
    decided_by_board_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = _text(_("grounds of the appeal"), APPEAL_REASON_MAX_LENGTH)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    filed_at = models.DateTimeField(_("filed at"))
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = _text(_("reason for the decision"), APPEAL_DECISION_MAX_LENGTH, blank=True)

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind", "decision_at"], name="one_appeal_per_decision"),
            models.CheckConstraint(
                condition=Q(kind="rejection") | Q(label__isnull=False), name="label_appeal_has_label"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.assessment.organisation}"

    def get_absolute_url(self):
        return reverse("labels:appeal_detail", args=[self.public_id])

    @property
    def status_choice(self) -> AppealStatus:
        return AppealStatus(self.status)

    @property
    def organisation(self):
        return self.assessment.organisation


def _appeal_document_path(instance, filename):
    # The stored name is random; the original name is kept in a field for downloads.
    return f"appeals/{instance.appeal.public_id}/{uuid.uuid4().hex}"


class AppealDocument(models.Model):
    """A document the owner attached to an appeal; served only through a permission check."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=_appeal_document_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class AppealEvent(models.Model):
    """The appeal's history: one row per step, never edited."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(_("action"), max_length=10, choices=AppealAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("time"))
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.appeal_id} {self.action}"
