from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClubConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "club"
    verbose_name = _("Managers' club")

    def ready(self):
        from clusterexcellence.registry import register_role

        register_role("club-member", label=_("Club member"), held_by=lambda user: user.is_club_member)
