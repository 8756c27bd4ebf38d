"""Case studies with the fixed structure of a teaching case, and a note for instructors."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.choices import Sector

from .localized import LocalizedMixin, lines
from .materials import BODY_MAX, SUMMARY_MAX, TITLE_MAX, Field

SECTION_MAX = 20_000


def _section(label, german=False):
    return models.TextField(label, max_length=SECTION_MAX, blank=german)


class CaseStudyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def visible_to(self, user):
        from training.permissions import can_preview_drafts

        return self if can_preview_drafts(user) else self.published()


class CaseStudy(LocalizedMixin, models.Model):
    """A cluster's story told for teaching: context, challenge, what was done, results, lessons."""

    # The structure every case follows, in reading order (field name, heading).
    SECTIONS = [
        ("context", _("The cluster and its context")),
        ("challenge", _("The challenge")),
        ("actions", _("What was done")),
        ("results", _("Results")),
        ("lessons", _("Lessons")),
    ]

    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    title_de = models.CharField(_("title (German)"), max_length=TITLE_MAX, blank=True)
    cluster_name = models.CharField(_("cluster"), max_length=TITLE_MAX)
    country = CountryField(_("country"))
    sector = models.CharField(_("sector portfolio"), max_length=20, choices=Sector.choices)
    field = models.ForeignKey(
        Field, on_delete=models.PROTECT, related_name="case_studies", verbose_name=_("field"), null=True, blank=True
    )
    is_fictional = models.BooleanField(
        _("fictional"), default=True, help_text=_("Shown prominently: the cluster and its people are invented.")
    )
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX)
    summary_de = models.TextField(_("summary (German)"), max_length=SUMMARY_MAX, blank=True)
    context = _section(_("the cluster and its context"))
    context_de = _section(_("the cluster and its context (German)"), german=True)
    challenge = _section(_("the challenge"))
    challenge_de = _section(_("the challenge (German)"), german=True)
    actions = _section(_("what was done"))
    actions_de = _section(_("what was done (German)"), german=True)
    results = _section(_("results"))
    results_de = _section(_("results (German)"), german=True)
    lessons = _section(_("lessons"))
    lessons_de = _section(_("lessons (German)"), german=True)
    discussion_questions = models.TextField(
        _("discussion questions"), max_length=SUMMARY_MAX * 4, help_text=_("One per line.")
    )
    discussion_questions_de = models.TextField(
        _("discussion questions (German)"), max_length=SUMMARY_MAX * 4, blank=True
    )
    teaching_note = models.TextField(
        _("teaching note"), max_length=BODY_MAX, blank=True, help_text=_("Visible to instructors only.")
    )
    teaching_note_de = models.TextField(_("teaching note (German)"), max_length=BODY_MAX, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseStudyQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:case_study", args=[self.slug])

    @property
    def discussion_list(self) -> list[str]:
        return lines(self.localized("discussion_questions"))


class CaseStudyIndicator(models.Model):
    """A case study helps with an indicator, named by its stable key."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="indicator_links")
    indicator_key = models.CharField(_("indicator key"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("indicator the case study helps with")
        verbose_name_plural = _("indicators the case study helps with")
        constraints = [
            models.UniqueConstraint(fields=["case_study", "indicator_key"], name="training_case_indicator_once")
        ]

    def __str__(self):
        return self.indicator_key
