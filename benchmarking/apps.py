from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarking"
    verbose_name = _("Benchmarking")

    def ready(self):
        from accounts.permissions import belongs_to_an_organisation
        from clusterexcellence.registry import (
            everyone,
            register_api_root,
            register_dashboard_section,
            register_nav,
            register_nav_section,
        )

        from . import dashboard, permissions

        register_nav_section("benchmarking", label=_("Benchmarking"), order=35)
        register_nav(
            "benchmarking",
            label=_("Your position"),
            url_name="benchmarking:index",
            order=10,
            shown_to=permissions.can_use_benchmarking,
            section="benchmarking",
        )
        register_nav(
            "scheme-figures",
            label=_("The scheme in figures"),
            url_name="benchmarking:scheme",
            order=20,
            shown_to=everyone,
            section="benchmarking",
        )
        register_nav(
            "scheme-statistics",
            label=_("Scheme statistics"),
            url_name="benchmarking:statistics",
            order=30,
            shown_to=lambda user: user.is_staff,
            section="benchmarking",
        )
        register_dashboard_section(
            "benchmarking",
            template="benchmarking/dashboard/position.html",
            order=17,
            shown_to=belongs_to_an_organisation,
            load=dashboard.position_load,
        )
        register_dashboard_section(
            "practice-notes",
            template="benchmarking/dashboard/moderation.html",
            order=45,
            shown_to=lambda user: user.is_staff,
            load=dashboard.moderation_load,
        )
        register_api_root("practice-notes", url_name="api-practice-note-list", order=40)
        register_api_root("scheme-figures", url_name="api-scheme-figures", order=41)
        register_api_root("scheme-statistics", url_name="api-scheme-statistics", order=42)
