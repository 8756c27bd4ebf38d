"""Cooperation postings (offers and requests), their tags, expressions of interest and follows.

Postings are public. A posting is open until its organisation closes it or its deadline passes;
`closed_at` is written only by collaboration/postings.py, and "expired" is computed."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from ..choices import PostingKind, PostingStatus, TagKind

TITLE_MAX = 200
DESCRIPTION_MAX = 5000
MESSAGE_MAX = 2000


class PostingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every posting is public (the list shows open ones first); interests are not."""
        return self

    def open(self, today: date | None = None):
        return self.filter(closed_at__isnull=True, deadline__gte=today or timezone.localdate())

    def with_status(self, status: str, today: date | None = None):
        today = today or timezone.localdate()
        if status == PostingStatus.OPEN:
            return self.open(today)
        if status == PostingStatus.CLOSED:
            return self.filter(closed_at__isnull=False)
        return self.filter(closed_at__isnull=True, deadline__lt=today)


class Posting(models.Model):
    """An organisation's offer of, or request for, cooperation."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="postings")
    kind = models.CharField(_("type"), max_length=10, choices=PostingKind.choices)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX)
    deadline = models.DateField(_("deadline"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Counts the poster's changes; followers hear of each one once (the notification key).
    revision = models.PositiveIntegerField(default=1)

    objects = PostingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["closed_at", "deadline"]), models.Index(fields=["organisation", "-created_at"])]
        verbose_name = _("cooperation posting")
        verbose_name_plural = _("cooperation postings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collaboration:posting_detail", args=[self.public_id])

    def status_on(self, today: date) -> str:
        if self.closed_at:
            return PostingStatus.CLOSED
        return PostingStatus.EXPIRED if self.deadline < today else PostingStatus.OPEN

    @property
    def status(self) -> PostingStatus:
        return PostingStatus(self.status_on(timezone.localdate()))

    @property
    def is_open(self) -> bool:
        return self.status == PostingStatus.OPEN

    def tag_values(self, kind: str) -> list[str]:
        """Values of one kind of tag; reads prefetched tags when there are any."""
        return sorted(tag.value for tag in self.tags.all() if tag.kind == kind)

    @property
    def sectors(self) -> list[str]:
        return self.tag_values(TagKind.SECTOR)

    @property
    def countries(self) -> list[str]:
        return self.tag_values(TagKind.COUNTRY)

    @property
    def topics(self) -> list[str]:
        return self.tag_values(TagKind.TOPIC)


class PostingTag(models.Model):
    """A sector, target country or topic of a posting: one table, so facets are one grouped query."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(max_length=10, choices=TagKind.choices)
    value = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["posting", "kind", "value"], name="one_tag_per_posting")]
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self):
        return f"{self.kind}:{self.value}"


class InterestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The poster's members see a posting's interests; an interested organisation sees its own."""
        from accounts.permissions import organisation_roles

        if not user.is_authenticated:
            return self.none()
        organisations = list(organisation_roles(user))
        return self.filter(Q(posting__organisation_id__in=organisations) | Q(organisation_id__in=organisations))


class Interest(models.Model):
    """An organisation's expression of interest in a posting, with a message to the poster."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="posting_interests")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    # When a member of the posting's organisation first saw it: the portal's "new" marker.
    seen_at = models.DateTimeField(null=True, blank=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["posting", "organisation"], name="one_interest_per_organisation")
        ]
        indexes = [models.Index(fields=["posting", "seen_at"])]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self):
        return f"{self.organisation} → {self.posting}"

    def get_absolute_url(self):
        return self.posting.get_absolute_url() + "#interests"


class Follow(models.Model):
    """A person who wants to hear when a posting changes or closes."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posting_follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["posting", "user"], name="one_follow_per_user")]

    def __str__(self):
        return f"{self.user} follows {self.posting}"
