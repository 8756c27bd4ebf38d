from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import health
from .views import jobs, notifications

api_patterns = [
    path("", include("clusterexcellence.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # The split view serves its start-up script as a file: the CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("api/", include(api_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin signs in through the portal's sign-in (accounts/apps.py replaces its login view).
    path("admin/", admin.site.urls),
    path("jobs/failed/", jobs.failed, name="jobs_failed"),
    path("jobs/<uuid:public_id>/", jobs.job_status, name="job_status"),
    path("jobs/<uuid:public_id>/retry/", jobs.job_retry, name="job_retry"),
    path("jobs/deliveries/<uuid:public_id>/retry/", jobs.delivery_retry, name="delivery_retry"),
    path("notifications/read/", notifications.notifications_read_all, name="notifications_read_all"),
    path("notifications/<uuid:public_id>/read/", notifications.notification_read, name="notification_read"),
    path("accounts/", include("allauth.urls")),
    path("labels/", include("labels.urls")),
    path("training/", include("training.urls")),
    path("club/", include("club.urls")),
    path("collaboration/", include("collaboration.urls")),
    path("benchmarking/", include("benchmarking.urls")),
    path("", include("accounts.urls")),
]
