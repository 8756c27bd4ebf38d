"""Saved partner searches and the matches already sent, so that each match is sent once."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .postings import Posting

NAME_MAX = 120


class SavedSearchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A saved search is its owner's alone."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class SavedSearch(models.Model):
    """A partner search a user keeps; with `notify`, the daily run e-mails new matches."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    # The normalised filters of collaboration/partner_search.py (SearchFilters.as_query()).
    query = models.JSONField(_("filters"), default=dict)
    notify = models.BooleanField(_("e-mail me new matches"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_checked_at = models.DateTimeField(null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["notify"])]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("collaboration:saved_search_detail", args=[self.public_id])


class SavedSearchMatch(models.Model):
    """A posting or organisation that matched a saved search after it was saved (sent once)."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "posting"], condition=Q(posting__isnull=False), name="one_match_per_posting"
            ),
            models.UniqueConstraint(
                fields=["saved_search", "organisation"],
                condition=Q(organisation__isnull=False),
                name="one_match_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(posting__isnull=True) ^ Q(organisation__isnull=True),
                name="match_is_posting_or_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.saved_search}: {self.posting or self.organisation}"
