from django.urls import path

from .views import dashboard, organisations, pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("organisations/", organisations.organisation_list, name="organisation_list"),
]
