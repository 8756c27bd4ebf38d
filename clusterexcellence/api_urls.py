"""The API root: every app's router is mounted here, under /api/."""

from django.urls import include, path

urlpatterns = [
    path("", include("accounts.api.urls")),
    path("", include("labels.api.urls")),
]
