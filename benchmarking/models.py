"""Practice notes ("learn from the best") and benchmarking report PDFs.

A note's status is written only by the functions in benchmarking/practice_notes.py."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .choices import NoteStatus

TITLE_MAX = 120
BODY_MAX = 2000
REASON_MAX = 500


class PracticeNoteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=NoteStatus.PUBLISHED)

    def visible_to(self, user):
        """Published notes for every signed-in user; the author organisation's members also see
        its other notes; staff see all."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        own = Q(
            organisation__memberships__user=user,
            organisation__memberships__left_at__isnull=True,
        )
        return self.filter(pk__in=self.filter(Q(status=NoteStatus.PUBLISHED) | own).values("pk"))


class PracticeNote(models.Model):
    """How an organisation rated green on an indicator gets there, for others rated red or yellow."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="practice_notes")
    # The indicator's stable key (<framework code>:<indicator code>), the same across catalogue versions.
    indicator_key = models.CharField(_("indicator"), max_length=100, db_index=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    body = models.TextField(
        _("practice"),
        max_length=BODY_MAX,
        help_text=_("Plain text; **bold**, *italic* and lists starting with - or 1. are formatted."),
    )
    attributed = models.BooleanField(
        _("name our organisation"),
        default=False,
        help_text=_("Without it, readers see only that an organisation rated green on this indicator wrote it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NoteStatus.choices, default=NoteStatus.PENDING, db_index=True
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.CharField(_("reason"), max_length=REASON_MAX, blank=True)

    objects = PracticeNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["indicator_key", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator_key"],
                condition=Q(status__in=["pending", "published"]),
                name="one_active_note_per_indicator",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def status_choice(self) -> NoteStatus:
        return NoteStatus(self.status)


class PracticeNoteEvent(models.Model):
    """The history of a note: one row per change of state, written in the same transaction."""

    note = models.ForeignKey(PracticeNote, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=10, choices=NoteStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=NoteStatus.choices)
    note_text = models.CharField(max_length=REASON_MAX, blank=True)

    class Meta:
        ordering = ["at", "pk"]


def _report_path(instance, filename):
    return f"benchmark-reports/{instance.public_id}.pdf"


class BenchmarkReport(models.Model):
    """A benchmarking report PDF of one organisation for one peer group, rendered by a job."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="benchmark_reports")
    criteria = models.JSONField(default=list, blank=True)  # the peer group's criteria names
    basis = models.CharField(max_length=10, default="decided")
    language = models.CharField(max_length=10)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(upload_to=_report_path, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-requested_at"])]

    def __str__(self):
        return f"{self.organisation} ({self.requested_at:%Y-%m-%d})"
