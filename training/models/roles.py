"""The instructor role: granted by staff, owned by this app (not a flag on the user)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InstructorGrant(models.Model):
    """The user may teach with the materials: sees case studies' teaching notes and instructor files."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="instructor_grant", verbose_name=_("user")
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")

    def __str__(self):
        return str(self.user)
