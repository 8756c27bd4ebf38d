"""The project's URLs with the demo app's: what `clusterexcellence/urls.py` gets for a real app."""

from django.urls import include, path

from clusterexcellence.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("", include("tests.demo_app.urls")), *project_urlpatterns]
