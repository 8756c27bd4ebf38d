from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import health

api_patterns = [
    path("", include("clusterexcellence.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("api/", include(api_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("labels/", include("labels.urls")),
    path("benchmarking/", include("benchmarking.urls")),
    path("", include("accounts.urls")),
]
