from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import health
from .views import jobs, notifications

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
    path("jobs/failed/", jobs.failed, name="jobs_failed"),
    path("jobs/<uuid:public_id>/", jobs.job_status, name="job_status"),
    path("jobs/<uuid:public_id>/retry/", jobs.job_retry, name="job_retry"),
    path("jobs/deliveries/<uuid:public_id>/retry/", jobs.delivery_retry, name="delivery_retry"),
    path("notifications/read/", notifications.notifications_read_all, name="notifications_read_all"),
    path("notifications/<uuid:public_id>/read/", notifications.notification_read, name="notification_read"),
    path("accounts/", include("allauth.urls")),
    path("labels/", include("labels.urls")),
    path("", include("accounts.urls")),
]
