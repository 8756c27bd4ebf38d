"""Vocabularies of the training area: programme formats and levels, needs, languages."""

from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeFormat(models.TextChoices):
    IN_CLASS = "in_class", _("In class")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class ProgrammeLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    ADVANCED = "advanced", _("Advanced")
    TRAIN_THE_TRAINER = "train_the_trainer", _("Train the trainer")


class NeedLevel(models.IntegerChoices):
    NONE = 0, _("No need")
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


# The EU's official languages that cluster management is taught in; names come from Django's own
# translated catalogue (global_settings.LANGUAGES), so they appear in German without our catalogue.
LANGUAGE_CODES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "hu", "it", "lt", "lv", "nl", "pl",
    "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip
_NAMES = dict(global_settings.LANGUAGES)
LANGUAGE_CHOICES = [(code, _(_NAMES[code])) for code in LANGUAGE_CODES]
