from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchmarkingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarking"
    verbose_name = _("Benchmarking")

    def ready(self):
        from accounts.permissions import belongs_to_an_organisation
        from clusterexcellence.registry import everyone, register_api_root, register_dashboard_section, register_nav

        from . import dashboard, permissions

        register_nav(
            "benchmarking",
            label=_("Benchmarking"),
            url_name="benchmarking:index",
            order=35,
            shown_to=permissions.can_use_benchmarking,
        )
        register_nav("scheme-figures", label=_("The scheme in figures"), url_name="benchmarking:scheme", order=45,
                     shown_to=everyone)  # fmt: skip
        register_nav(
            "scheme-statistics",
            label=_("Scheme statistics"),
            url_name="benchmarking:statistics",
            order=75,
            shown_to=lambda user: user.is_staff,
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
