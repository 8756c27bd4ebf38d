"""The API root: every app's router is mounted here, under /api/."""

from django.urls import include, path

from .api import api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("", include("accounts.api.urls")),
    path("", include("labels.api.urls")),
    path("training/", include("training.api.urls")),
    path("club/", include("club.api.urls")),
    path("", include("collaboration.api.urls")),
    path("", include("benchmarking.api.urls")),
]
