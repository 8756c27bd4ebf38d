"""Vocabularies of benchmarking: the states of a practice note."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoteStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def active(cls):
        """States in which a note counts as the organisation's note on its indicator."""
        return {cls.PENDING, cls.PUBLISHED}

    @property
    def colour(self) -> str:
        return {"pending": "blue", "published": "green", "rejected": "red", "withdrawn": "grey"}[self.value]


class Basis(models.TextChoices):
    """Which of the organisation's own values a benchmark compares."""

    DECIDED = "decided", _("Verified values of the latest decided assessment")
    DRAFT = "draft", _("Declared values of the open application (provisional)")
