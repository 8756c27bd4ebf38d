from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClubConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "club"
    verbose_name = _("Managers' club")

    def ready(self):
        from clusterexcellence.registry import (
            everyone,
            register_api_root,
            register_dashboard_section,
            register_nav,
            register_role,
        )

        from . import dashboard, notifications
        from .permissions import is_club_member, is_not_club_member

        notifications.register()
        register_role("club-member", label=_("Club member"), held_by=is_club_member)

        register_nav(
            "club-directory", label=_("Club directory"), url_name="club:directory", order=80, shown_to=is_club_member
        )
        register_nav(
            "club-events", label=_("Club events"), url_name="club:event_list", order=81, shown_to=is_club_member
        )
        register_nav("club-messages", label=_("Messages"), url_name="club:inbox", order=82, shown_to=is_club_member)
        register_nav(
            "club-profession", label=_("The profession"), url_name="club:profession", order=85, shown_to=everyone
        )

        register_dashboard_section(
            "club-staff",
            template="club/dashboard/staff.html",
            order=45,
            shown_to=lambda user: user.is_staff,
            load=dashboard.staff_load,
        )
        register_dashboard_section(
            "club", template="club/dashboard/member.html", order=50, shown_to=is_club_member, load=dashboard.member_load
        )
        register_dashboard_section(
            "club-join",
            template="club/dashboard/join.html",
            order=60,
            shown_to=is_not_club_member,
            load=dashboard.join_load,
        )

        register_api_root("club-membership", url_name="api-club-membership", order=60)
        register_api_root("club-applications", url_name="api-club-application-list", order=61)
        register_api_root("club-members", url_name="api-club-member-list", order=62)
        register_api_root("club-profile", url_name="api-club-profile", order=63)
        register_api_root("club-messages", url_name="api-club-message-list", order=64)
        register_api_root("club-events", url_name="api-club-event-list", order=65)
        register_api_root("club-calendar", url_name="api-club-calendar", order=66)
