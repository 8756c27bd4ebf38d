"""Vocabularies of the label scheme: indicator kinds, directions, ratings, levels, states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorKind(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Number")
    PERCENT = "percent", _("Percent (0–100)")
    BOOLEAN = "boolean", _("Yes or no")
    SCALE = "scale", _("Scale (0–4)")


class Direction(models.TextChoices):
    HIGHER = "higher", _("More is better")
    LOWER = "lower", _("Less is better")


class Rating(models.TextChoices):
    RED = "red", _("Red: insufficient, improvement needed")
    YELLOW = "yellow", _("Yellow: good, clear room for improvement")
    GREEN = "green", _("Green: excellent")

    @property
    def short_label(self):
        return {"red": _("Red"), "yellow": _("Yellow"), "green": _("Green")}[self.value]


class Level(models.TextChoices):
    BRONZE = "bronze", _("Bronze")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")


class FrameworkStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")
