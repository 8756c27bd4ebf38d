from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterExcellenceConfig(AppConfig):
    name = "clusterexcellence"
    verbose_name = _("Portal infrastructure")

    def ready(self):
        from .registry import register_api_root, register_nav

        register_nav("api-docs", label=_("API docs"), url_name="api_docs", order=900)
        register_api_root("schema", url_name="api_schema", order=900)
        register_api_root("docs", url_name="api_docs", order=910)
