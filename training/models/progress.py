"""A learner's progress: completed lessons, quiz attempts and the completion record of a module."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .materials import TITLE_MAX, Lesson, Module


class LessonCompletion(models.Model):
    """The learner marked the lesson complete."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="training_lesson_completed_once")]


class QuizAttempt(models.Model):
    """One submitted quiz: the chosen answers, checked on the server, and whether it passed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="attempts")
    answers = models.JSONField(default=dict, help_text="question id → chosen choice id")
    correct = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    score_percent = models.PositiveSmallIntegerField(default=0)
    passing_percent = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "module", "passed"])]

    def get_absolute_url(self):
        return reverse("training:quiz_result", args=[self.module.slug, self.public_id])


class CompletionRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A learner sees their own records; staff see all. The public verifies by the link only."""
        if not user.is_authenticated:
            return self.none()
        return self if user.is_staff else self.filter(user=user)


class CompletionRecord(models.Model):
    """Proof that a learner completed a module and passed its quiz; a PDF with a verification link."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="records")
    # What the record says, kept as it was on the day it was issued.
    learner_name = models.CharField(_("learner"), max_length=TITLE_MAX)
    module_title = models.CharField(_("module"), max_length=TITLE_MAX)
    score_percent = models.PositiveSmallIntegerField(_("quiz score (%)"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    pdf = models.FileField(upload_to="training/records/%Y/", blank=True)

    objects = CompletionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("completion record")
        verbose_name_plural = _("completion records")
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="training_one_record_per_module")]

    def __str__(self):
        return f"{self.learner_name}: {self.module_title}"

    def get_absolute_url(self):
        return reverse("training:record", args=[self.public_id])

    def get_verification_url(self):
        return reverse("training:verify", args=[self.public_id])
