from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterExcellenceConfig(AppConfig):
    name = "clusterexcellence"
    verbose_name = _("Portal infrastructure")

    def ready(self):
        from . import dashboard, data_versions  # noqa: F401 - data_versions watches every connection's queries
        from .permissions import can_repair_jobs
        from .registry import register_api_root, register_dashboard_section, register_job_kind
        from .tasks import heartbeat, send_notification

        register_api_root("schema", url_name="api_schema", order=900)
        register_api_root("docs", url_name="api_docs", order=910)

        # Infrastructure jobs concern nobody but the secretariat (staff see every job).
        register_job_kind(send_notification.name, label=_("Sending e-mails…"), visible_to=lambda user, job: False)
        register_job_kind(heartbeat.name, label=_("Checking the workers…"), visible_to=lambda user, job: False)

        register_dashboard_section(
            "failed-work",
            template="clusterexcellence/dashboard/failed_work.html",
            order=45,
            shown_to=can_repair_jobs,
            load=dashboard.failed_work_load,
        )
