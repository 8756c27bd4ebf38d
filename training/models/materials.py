"""Fields of cluster management → modules → lessons, with attachments, indicator links and a quiz."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .localized import LocalizedMixin, lines

TITLE_MAX = 200
SUMMARY_MAX = 1000
OBJECTIVES_MAX = 2000
BODY_MAX = 50_000
DEFAULT_PASSING_PERCENT = 70


def _text(label, max_length, **options):
    return models.TextField(label, max_length=max_length, **options)


class Field(LocalizedMixin, models.Model):
    """A field of cluster management (first steps, strategy, financing, …) that modules belong to."""

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    title_de = models.CharField(_("title (German)"), max_length=TITLE_MAX, blank=True)
    description = _text(_("description"), SUMMARY_MAX, blank=True)
    description_de = _text(_("description (German)"), SUMMARY_MAX, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("field of cluster management")
        verbose_name_plural = _("fields of cluster management")

    def __str__(self):
        return self.title


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        """Published modules for everyone; drafts too for staff and instructors, who prepare them."""
        from training.permissions import can_preview_drafts

        return self if can_preview_drafts(user) else self.published()


class Module(LocalizedMixin, models.Model):
    """A unit of a few lessons and a quiz; completing both earns a completion record."""

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    field = models.ForeignKey(Field, on_delete=models.PROTECT, related_name="modules", verbose_name=_("field"))
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    title_de = models.CharField(_("title (German)"), max_length=TITLE_MAX, blank=True)
    summary = _text(_("summary"), SUMMARY_MAX)
    summary_de = _text(_("summary (German)"), SUMMARY_MAX, blank=True)
    objectives = _text(_("learning objectives"), OBJECTIVES_MAX, blank=True, help_text=_("One per line."))
    objectives_de = _text(_("learning objectives (German)"), OBJECTIVES_MAX, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    passing_percent = models.PositiveSmallIntegerField(
        _("quiz passing mark (%)"),
        default=DEFAULT_PASSING_PERCENT,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["field__position", "position", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:module", args=[self.slug])

    @property
    def objectives_list(self) -> list[str]:
        return lines(self.localized("objectives"))


class Lesson(LocalizedMixin, models.Model):
    """One lesson: Markdown text, objectives, an estimated time and the indicators it helps with."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module"))
    slug = models.SlugField(_("short name in addresses"), max_length=80)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    title_de = models.CharField(_("title (German)"), max_length=TITLE_MAX, blank=True)
    body = _text(_("text (Markdown)"), BODY_MAX)
    body_de = _text(_("text in German (Markdown)"), BODY_MAX, blank=True)
    objectives = _text(_("learning objectives"), OBJECTIVES_MAX, blank=True, help_text=_("One per line."))
    objectives_de = _text(_("learning objectives (German)"), OBJECTIVES_MAX, blank=True)
    minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), default=20, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [models.UniqueConstraint(fields=["module", "slug"], name="training_lesson_module_slug")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:lesson", args=[self.module.slug, self.slug])

    @property
    def objectives_list(self) -> list[str]:
        return lines(self.localized("objectives"))


class LessonIndicator(models.Model):
    """A lesson helps with an indicator, named by its stable key (`<framework>:<code>`)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="indicator_links")
    indicator_key = models.CharField(_("indicator key"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("indicator the lesson helps with")
        verbose_name_plural = _("indicators the lesson helps with")
        constraints = [
            models.UniqueConstraint(fields=["lesson", "indicator_key"], name="training_lesson_indicator_once")
        ]

    def __str__(self):
        return self.indicator_key


class Attachment(models.Model):
    """A file that belongs to a lesson; stored privately and served only through the download view."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("lesson"))
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    file = models.FileField(_("file"), upload_to="training/attachments/%Y/")
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    for_instructors = models.BooleanField(
        _("for instructors only"), default=False, help_text=_("E.g. slides with the solutions.")
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lesson", "title", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:attachment", args=[self.public_id])


class Question(LocalizedMixin, models.Model):
    """A multiple-choice question of a module's quiz: exactly one choice is correct."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="questions", verbose_name=_("module"))
    text = models.CharField(_("question"), max_length=500)
    text_de = models.CharField(_("question (German)"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["module", "position", "pk"]
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")

    def __str__(self):
        return self.text

    @property
    def text_i18n(self) -> str:
        return self.localized("text")


class Choice(LocalizedMixin, models.Model):
    """One answer to a question, with the feedback a learner reads after choosing it."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=300)
    text_de = models.CharField(_("answer (German)"), max_length=300, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = _text(_("feedback"), SUMMARY_MAX, blank=True)
    feedback_de = _text(_("feedback (German)"), SUMMARY_MAX, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text

    @property
    def text_i18n(self) -> str:
        return self.localized("text")

    @property
    def feedback_i18n(self) -> str:
        return self.localized("feedback")
