from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        from accounts.permissions import belongs_to_an_organisation
        from clusterexcellence.registry import (
            everyone,
            register_api_root,
            register_dashboard_section,
            register_nav,
            register_nav_section,
            register_page_panel,
            register_role,
        )

        from . import dashboard, permissions

        register_role("instructor", label=_("Instructor"), held_by=permissions.is_instructor)
        register_nav_section("training", label=_("Training"), order=40)
        for order, (key, label, url_name) in enumerate(
            [
                ("training", _("Materials"), "training:home"),
                ("training-case-studies", _("Case studies"), "training:case_studies"),
                ("training-programmes", _("Training programmes"), "training:programmes"),
                ("training-needs", _("Training needs"), "training:needs_results"),
                ("training-status-quo", _("Status quo"), "training:status_quo"),
                ("training-search", _("Search"), "training:search"),
            ]
        ):
            register_nav(key, label=label, url_name=url_name, order=order, shown_to=everyone, section="training")
        register_dashboard_section(
            "training-recommendations",
            template="training/dashboard/recommendations.html",
            order=25,
            shown_to=belongs_to_an_organisation,
            load=dashboard.recommendations_load,
        )
        register_dashboard_section(
            "training-progress", template="training/dashboard/progress.html", order=26, load=dashboard.progress_load
        )
        register_page_panel(
            "labels.assessment",
            "training-recommendations",
            template="training/panels/assessment_recommendations.html",
            order=10,
            load=dashboard.assessment_panel_load,
        )
        register_api_root("training-programmes", url_name="api-training-programme-list", order=60)
        register_api_root("training-fields", url_name="api-training-field-list", order=61)
        register_api_root("training-modules", url_name="api-training-module-list", order=62)
        register_api_root("training-case-studies", url_name="api-training-case-study-list", order=63)
        register_api_root("training-needs-results", url_name="api-training-needs-results", order=64)
        register_api_root("training-progress", url_name="api-training-progress", order=65)
        register_api_root("training-search", url_name="api-training-search", order=66)
