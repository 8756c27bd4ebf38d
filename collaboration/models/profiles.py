"""Which optional parts of an organisation's profile the public may see.

The organisation itself lives in accounts; an organisation without a row here shows the defaults
(`OptionalField.public_by_default`), so organisations created anywhere need nothing from this app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation


class ProfileVisibility(models.Model):
    """One flag per optional profile part (choices.OPTIONAL_FIELDS); defaults mirror theirs."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="profile_visibility")
    legal_form_public = models.BooleanField(_("legal form"), default=True)
    region_public = models.BooleanField(_("region"), default=True)
    technologies_public = models.BooleanField(_("technologies"), default=True)
    year_founded_public = models.BooleanField(_("year founded"), default=True)
    staff_public = models.BooleanField(_("staff (full-time equivalents)"), default=False)
    participants_public = models.BooleanField(_("participants by type"), default=True)
    website_public = models.BooleanField(_("website"), default=True)
    description_public = models.BooleanField(_("description"), default=True)
    services_public = models.BooleanField(_("services offered"), default=True)
    contact_public = models.BooleanField(_("contact person"), default=False)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("profile visibility")
        verbose_name_plural = _("profile visibilities")

    def __str__(self):
        return str(self.organisation)

    def is_public(self, key: str) -> bool:
        return getattr(self, f"{key}_public")
