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
            register_nav_section,
            register_role,
        )

        from . import dashboard, notifications
        from .permissions import is_club_member, is_not_club_member

        notifications.register()
        register_role("club-member", label=_("Club member"), held_by=is_club_member)

        register_nav_section("club", label=_("Managers' club"), order=50)
        for order, (key, label, url_name, shown_to) in enumerate(
            [
                ("club-profession", _("The profession"), "club:profession", everyone),
                ("club-directory", _("Club directory"), "club:directory", is_club_member),
                ("club-events", _("Club events"), "club:event_list", is_club_member),
                ("club-messages", _("Messages"), "club:inbox", is_club_member),
            ]
        ):
            register_nav(key, label=label, url_name=url_name, order=order, shown_to=shown_to, section="club")

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
