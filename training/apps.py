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
            register_page_panel,
            register_role,
        )

        from . import dashboard, permissions

        register_role("instructor", label=_("Instructor"), held_by=permissions.is_instructor)
        register_nav("training", label=_("Training"), url_name="training:home", order=80, shown_to=everyone)
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
