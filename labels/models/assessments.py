"""Assessments: an organisation's application for a label level, its answers, evidence, the
assessors' reviews, clarification rounds, improvement areas (Silver) and the history of states.

The status field is written only by the transition functions in labels/transitions.py."""

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from ..choices import Level, Rating

# Free text has a limit in the model; forms and serializers take theirs from here.
COMMENT_MAX_LENGTH = 5000  # comments on one indicator, messages, notes, improvement descriptions
SUMMARY_MAX_LENGTH = 10000  # an assessor's summary for the board, the board's reason


def _text(label, max_length: int, **kwargs) -> models.TextField:
    """A TextField whose limit is checked by model validation too (Django checks it only in forms)."""
    return models.TextField(label, max_length=max_length, validators=[MaxLengthValidator(max_length)], **kwargs)


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CLARIFICATION = "clarification", _("Clarification requested")
    RECOMMENDED = "recommended", _("Recommended to the board")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def terminal(cls):
        return {cls.APPROVED, cls.REJECTED, cls.WITHDRAWN}

    @classmethod
    def decided(cls):
        return {cls.APPROVED, cls.REJECTED}

    @classmethod
    def open(cls):
        return {cls.DRAFT, cls.SUBMITTED, cls.IN_REVIEW, cls.CLARIFICATION, cls.RECOMMENDED}

    @property
    def colour(self) -> str:
        """The badge colour, so every page shows a state the same way."""
        return {
            "draft": "grey",
            "submitted": "blue",
            "in_review": "blue",
            "clarification": "yellow",
            "recommended": "blue",
            "approved": "green",
            "rejected": "red",
            "withdrawn": "grey",
        }[self.value]


class Recommendation(models.TextChoices):
    GOLD = "gold", _("Gold")
    SILVER = "silver", _("Silver")
    BRONZE = "bronze", _("Bronze")
    NONE = "none", _("No label")


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Assessments the user may see: the organisation's members, assigned assessors, the
        label board (once submitted) and staff."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        scope = Q(organisation__memberships__user=user, organisation__memberships__left_at__isnull=True)
        if user.is_assessor:
            scope |= Q(assignments__assessor=user)
        if user.is_board_member:
            scope |= ~Q(status__in=[AssessmentStatus.DRAFT, AssessmentStatus.WITHDRAWN])
        return self.filter(pk__in=self.filter(scope).values("pk"))


class Assessment(models.Model):
    """One application of an organisation for a label level, scored against one framework version."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="assessments")
    framework = models.ForeignKey("labels.Framework", on_delete=models.PROTECT, related_name="assessments")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    renewal = models.BooleanField(_("renewal"), default=False)
    status = models.CharField(
        _("status"), max_length=15, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    interview_date = models.DateField(_("interview or visit date"), null=True, blank=True)
    # Scores are stored for lists and reports; the per-indicator explanation is recomputed on demand.
    provisional_score = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    verified_score = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    recommendations_disagree = models.BooleanField(default=False)
    awarded_level = models.CharField(_("awarded level"), max_length=10, choices=Level.choices, blank=True)
    decision_reason = _text(_("reason"), SUMMARY_MAX_LENGTH, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "level", "status"])]

    def __str__(self):
        return f"{self.organisation} – {self.get_level_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("labels:assessment_detail", args=[self.public_id])

    @property
    def status_choice(self) -> AssessmentStatus:
        return AssessmentStatus(self.status)

    @property
    def level_rules(self) -> dict:
        return self.framework.level_rules(self.level)

    @property
    def required_assessors(self) -> int:
        return int(self.level_rules.get("assessors", 1))

    @property
    def completed_on(self):
        """The date the benchmarking counts from: the interview, else the decision."""
        return self.interview_date or (self.decided_at.date() if self.decided_at else None)


class Answer(models.Model):
    """The organisation's self-declared value for one indicator."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey("labels.Indicator", on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    comment = _text(_("comment"), COMMENT_MAX_LENGTH, blank=True)
    provisional_rating = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_answer_per_indicator")]

    def __str__(self):
        return f"{self.indicator_id}: {self.value}"


class AnswerRevision(models.Model):
    """A change to an answer after the first submission, so every value's history is kept."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions")
    old_value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    new_value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    old_comment = _text(_("old comment"), COMMENT_MAX_LENGTH, blank=True)
    new_comment = _text(_("new comment"), COMMENT_MAX_LENGTH, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at"]


def _evidence_path(instance, filename):
    # The stored name is random; the original name is kept in a field for downloads.
    return f"evidence/{instance.assessment.public_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A document that supports an answer. Stored outside the static tree and served only
    through a permission check."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey("labels.Indicator", on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=_evidence_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.original_name


class AssessorAssignment(models.Model):
    """An assessor assigned to an assessment, with their recommendation once given."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assignments")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    recommended_level = models.CharField(_("recommendation"), max_length=10, choices=Recommendation.choices, blank=True)
    recommendation_summary = _text(_("summary"), SUMMARY_MAX_LENGTH, blank=True)
    recommended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assigned_at"]
        constraints = [models.UniqueConstraint(fields=["assessment", "assessor"], name="assessor_once_per_assessment")]

    def __str__(self):
        return f"{self.assessor} → {self.assessment}"


class Review(models.Model):
    """The assessors' value for one indicator; ratings and scores use it.

    It starts as a copy of the declared value and counts as verified only once an assessor has
    confirmed or changed it (`verified_at`); a recommendation needs every indicator verified."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reviews")
    indicator = models.ForeignKey("labels.Indicator", on_delete=models.PROTECT, related_name="+")
    verified_value = models.DecimalField(max_digits=15, decimal_places=3, null=True, blank=True)
    comment = _text(_("comment"), COMMENT_MAX_LENGTH, blank=True)
    rating = models.CharField(max_length=6, choices=Rating.choices, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_review_per_indicator")]

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class ClarificationRequest(models.Model):
    """An assessor's question on named indicators; only those may change until resubmission."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="clarifications")
    indicators = models.ManyToManyField("labels.Indicator", related_name="+")
    message = _text(_("message"), COMMENT_MAX_LENGTH)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]


class ImprovementArea(models.Model):
    """One of the three documented improvement areas of a Silver application."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="improvement_areas")
    indicator = models.ForeignKey("labels.Indicator", on_delete=models.PROTECT, related_name="+")
    description = _text(_("description"), COMMENT_MAX_LENGTH)
    validated = models.BooleanField(_("validated"), null=True, blank=True)
    assessor_comment = _text(_("assessor's comment"), COMMENT_MAX_LENGTH, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]


class AssessmentEvent(models.Model):
    """The history: one row per transition, written in the same transaction."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=15, choices=AssessmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=15, choices=AssessmentStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
