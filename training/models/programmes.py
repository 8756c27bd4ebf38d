"""The catalogue of existing training programmes for cluster managers (the status quo)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from training.choices import LANGUAGE_CHOICES, ProgrammeFormat, ProgrammeLevel

from .localized import LocalizedMixin
from .materials import SUMMARY_MAX, TITLE_MAX, Field


class Programme(LocalizedMixin, models.Model):
    """A training programme someone else runs: who, where, in which language and format, and a link."""

    slug = models.SlugField(
        _("short name in addresses"), max_length=80, unique=True, help_text=_("The key an import matches rows by.")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    provider = models.CharField(_("provider"), max_length=TITLE_MAX)
    country = CountryField(_("country"), db_index=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, db_index=True)
    format = models.CharField(_("format"), max_length=10, choices=ProgrammeFormat.choices, db_index=True)
    duration = models.CharField(
        _("duration"), max_length=100, help_text=_("E.g. “3 days” or “10 modules over 8 months”.")
    )
    level = models.CharField(_("level"), max_length=20, choices=ProgrammeLevel.choices, db_index=True)
    fields = models.ManyToManyField(Field, blank=True, related_name="programmes", verbose_name=_("fields covered"))
    url = models.URLField(_("link"), max_length=500)
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    description = models.TextField(_("description"), max_length=SUMMARY_MAX * 2, blank=True)
    description_de = models.TextField(_("description (German)"), max_length=SUMMARY_MAX * 2, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self):
        return self.title
