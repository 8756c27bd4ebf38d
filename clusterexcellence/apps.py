from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClusterExcellenceConfig(AppConfig):
    name = "clusterexcellence"
    verbose_name = _("Portal infrastructure")
