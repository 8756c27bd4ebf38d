from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "labels"
    verbose_name = _("Labels")

    def ready(self):
        from accounts.dashboard_sections import register_section

        register_section("labels/dashboard/applications.html", shown_to=lambda user: True, order=15)
        register_section("labels/dashboard/assessor.html", shown_to=lambda user: user.is_assessor, order=20)
        register_section("labels/dashboard/board.html", shown_to=lambda user: user.is_board_member, order=30)
        register_section("labels/dashboard/staff.html", shown_to=lambda user: user.is_staff, order=40)
