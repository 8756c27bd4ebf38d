from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "labels"
    verbose_name = _("Labels")

    def ready(self):
        from accounts.permissions import belongs_to_an_organisation
        from clusterexcellence.registry import (
            everyone,
            register_api_root,
            register_dashboard_section,
            register_job_kind,
            register_job_target,
            register_nav,
            register_nav_section,
            register_page_panel,
        )

        from . import appeals, dashboard, label_reminders, notifications, permissions
        from .models import Assessment, Label
        from .tasks import render_assessment_report, render_certificate, score_assessment

        notifications.register()
        label_reminders.register()
        appeals.register()

        # Whoever sees an assessment may watch its jobs; the scoring job shows the score when done.
        register_job_target(
            Assessment,
            visible_to=Assessment.objects.visible_to,
            queryset=Assessment.objects.select_related("organisation"),
        )
        register_job_kind(
            score_assessment.name,
            label=_("Computing the provisional ratings and score…"),
            template="labels/htmx/score_job_finished.html",
        )

        register_job_kind(
            render_assessment_report.name,
            label=_("Rendering the assessment report…"),
            template="labels/htmx/report_job_finished.html",
            visible_to=permissions.can_watch_report_job,
        )

        register_job_target(
            Label, visible_to=Label.objects.visible_to, queryset=Label.objects.select_related("organisation")
        )
        register_job_kind(
            render_certificate.name,
            label=_("Rendering the certificate…"),
            template="labels/htmx/certificate_job_finished.html",
        )

        register_page_panel(
            "accounts.organisation",
            "labels",
            template="labels/panels/organisation_labels.html",
            order=10,
            load=dashboard.organisation_labels_load,
        )
        from .appeal_panels import appeals_panel_load

        register_page_panel(
            "labels.assessment", "appeals", template="labels/appeals/panel.html", order=5, load=appeals_panel_load
        )

        register_nav_section("labels", label=_("Label"), order=30)
        register_nav(
            "label-applications",
            label=_("Label applications"),
            url_name="labels:assessment_list",
            order=30,
            section="labels",
            shown_to=belongs_to_an_organisation,
        )
        register_nav(
            "label-register",
            label=_("Label register"),
            url_name="labels:register",
            order=85,
            shown_to=everyone,
            section="labels",
        )
        register_nav(
            "catalogue",
            label=_("Indicator catalogue"),
            url_name="labels:catalogue",
            order=80,
            shown_to=everyone,
            section="labels",
        )
        register_nav(
            "assessor-workspace",
            label=_("Assessor workspace"),
            url_name="labels:assessor_workspace",
            order=50,
            section="labels",
            shown_to=lambda user: user.is_assessor,
        )
        register_nav(
            "board-queue",
            label=_("Label board"),
            url_name="labels:board_queue",
            order=60,
            section="labels",
            shown_to=lambda user: user.is_board_member,
        )
        register_nav(
            "appeals",
            label=_("Appeals"),
            url_name="labels:appeal_queue",
            order=65,
            section="labels",
            shown_to=lambda user: user.is_board_member,
        )
        register_nav(
            "secretariat-queue",
            label=_("Secretariat queue"),
            url_name="labels:secretariat_queue",
            order=70,
            section="labels",
            shown_to=lambda user: user.is_staff,
        )

        section = register_dashboard_section
        section(
            "applications", template="labels/dashboard/applications.html", order=15, load=dashboard.applications_load
        )
        section(
            "assessor",
            template="labels/dashboard/assessor.html",
            order=20,
            shown_to=lambda user: user.is_assessor,
            load=dashboard.assessor_load,
        )
        section(
            "board",
            template="labels/dashboard/board.html",
            order=30,
            shown_to=lambda user: user.is_board_member,
            load=dashboard.board_load,
        )
        section(
            "staff",
            template="labels/dashboard/staff.html",
            order=40,
            shown_to=lambda user: user.is_staff,
            load=dashboard.staff_load,
        )

        register_api_root("frameworks", url_name="api-framework-list", order=20)
        register_api_root("frameworks-current", url_name="api-framework-current", order=21)
        register_api_root("assessments", url_name="api-assessment-list", order=30)
        register_api_root("labels", url_name="api-label-list", order=31)
