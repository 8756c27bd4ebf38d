from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "collaboration"
    verbose_name = _("Collaboration")

    def ready(self):
        from clusterexcellence.registry import (
            everyone,
            register_api_root,
            register_dashboard_section,
            register_nav,
            register_nav_section,
            signed_in,
        )

        from . import dashboard, notifications

        notifications.register()

        # The public directory and map are for everyone; accounts' "Organisations" stays the members' workspace.
        register_nav_section("collaboration", label=_("Collaboration"), order=60)
        for order, (key, label, url_name, shown_to) in enumerate(
            [
                ("directory", _("Directory"), "collaboration:directory", everyone),
                ("map", _("Map"), "collaboration:map", everyone),
                ("postings", _("Cooperation postings"), "collaboration:posting_list", everyone),
                ("partner-search", _("Partner search"), "collaboration:partner_search", everyone),
                ("matchmaking", _("Matchmaking"), "collaboration:event_list", signed_in),
            ]
        ):
            register_nav(key, label=label, url_name=url_name, order=order, shown_to=shown_to, section="collaboration")

        register_dashboard_section(
            "collaboration", template="collaboration/dashboard/collaboration.html", order=17,
            load=dashboard.collaboration_load,
        )  # fmt: skip

        register_api_root("directory", url_name="api-directory-list", order=50)
        register_api_root("map", url_name="api-directory-map", order=51)
        register_api_root("postings", url_name="api-posting-list", order=52)
        register_api_root("follows", url_name="api-follow-list", order=53)
        register_api_root("partner-search", url_name="api-partner-search", order=54)
        register_api_root("saved-searches", url_name="api-saved-search-list", order=55)
        register_api_root("events", url_name="api-event-list", order=56)
        register_api_root("meetings", url_name="api-meeting-list", order=57)
        register_api_root("schedule", url_name="api-schedule", order=58)
