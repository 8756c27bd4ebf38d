"""Member profiles: what a cluster manager shows of themselves, and to whom."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.choices import Sector

from ..choices import LANGUAGE_NAMES, BioFormat, MembershipStatus, Visibility

NAME_MAX = 120
HEADLINE_MAX = 120
BIO_MAX = 4000
EXPERTISE_TAG_MAX = 40
EXPERTISE_TAGS_MAX = 10


class ProfileQuerySet(models.QuerySet):
    def of_members(self):
        """Profiles of current members: a former member's or an applicant's profile is shown nowhere."""
        return self.filter(user__club_membership__status=MembershipStatus.APPROVED, user__is_active=True)

    def visible_to(self, user):
        """Profiles the user may see: public ones for everyone, members-only ones for members;
        hidden ones for nobody (their owners edit them on their own page)."""
        from ..permissions import is_club_member

        allowed = Q(visibility=Visibility.PUBLIC)
        if user.is_authenticated and is_club_member(user):
            allowed |= Q(visibility=Visibility.MEMBERS)
        return self.of_members().filter(allowed)


class Profile(models.Model):
    """A member's profile; it never holds or shows an e-mail address (the name is the member's own
    choice, so no page falls back to the address the way `str(user)` does)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_profile")
    name = models.CharField(_("name"), max_length=NAME_MAX, help_text=_("As other members see it."))
    headline = models.CharField(_("headline"), max_length=HEADLINE_MAX, blank=True)
    bio = models.TextField(_("about you"), max_length=BIO_MAX, blank=True)
    bio_format = models.CharField(
        _("format of the text"), max_length=10, choices=BioFormat.choices, default=BioFormat.TEXT
    )
    expertise = models.JSONField(_("expertise"), default=list, blank=True)
    # Comma-separated codes from choices.LANGUAGES: a plain column filters alike on SQLite and PostgreSQL.
    languages = models.CharField(_("languages"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True, db_index=True)
    years_in_cluster_management = models.PositiveSmallIntegerField(
        _("years in cluster management"), null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    visibility = models.CharField(
        _("who sees your profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        db_index=True,
    )
    featured = models.BooleanField(
        _("show me on the public profession page"),
        default=False,
        help_text=_("Only a public profile is shown there."),
    )
    photo = models.FileField(_("photo"), upload_to="club/photos/", blank=True)
    # Name, headline, organisation and expertise in one column, for the directory search (and its
    # trigram index on PostgreSQL); written by club/profiles.py whenever one of them changes.
    search_text = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        indexes = [models.Index(fields=["visibility", "featured"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("club:profile_detail", args=[self.public_id])

    def clean(self):
        tags = self.expertise
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() for tag in tags):
            raise ValidationError({"expertise": _("Expertise is a list of short terms.")})
        if len(tags) > EXPERTISE_TAGS_MAX or any(len(tag) > EXPERTISE_TAG_MAX for tag in tags):
            raise ValidationError(
                {
                    "expertise": _("At most %(count)s terms of at most %(length)s characters each.")
                    % {"count": EXPERTISE_TAGS_MAX, "length": EXPERTISE_TAG_MAX}
                }
            )
        unknown = [code for code in self.language_codes if code not in LANGUAGE_NAMES]
        if unknown:
            raise ValidationError({"languages": _("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}})

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:2]).upper()

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        return [str(LANGUAGE_NAMES.get(code, code)) for code in self.language_codes]

    @property
    def photo_url(self) -> str:
        return reverse("club:profile_photo", args=[self.public_id]) if self.photo else ""
