"""The yearly training-needs survey: each signed-in manager answers once a year."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from training.choices import NeedLevel

from .materials import Field


class NeedsResponse(models.Model):
    """One manager's answers for one year. Never shown to anyone: only aggregates leave the app."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    formats = models.JSONField(_("preferred formats"), default=list)
    languages = models.JSONField(_("preferred languages"), default=list)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "year"], name="training_needs_once_a_year")]


class FieldNeed(models.Model):
    """How much training one respondent needs in one field."""

    response = models.ForeignKey(NeedsResponse, on_delete=models.CASCADE, related_name="needs")
    field = models.ForeignKey(Field, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=NeedLevel.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "field"], name="training_need_per_field_once")]
