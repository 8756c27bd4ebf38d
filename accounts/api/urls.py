"""Accounts endpoints under /api/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("auth/tokens", views.ApiTokenViewSet, basename="api-token")
router.register("organisations", views.OrganisationViewSet, basename="api-organisation")
router.register(
    r"organisations/(?P<organisation_slug>[-a-zA-Z0-9_]+)/memberships",
    views.MembershipViewSet,
    basename="api-organisation-membership",
)

urlpatterns = [
    path("auth/token/", views.token_obtain, name="api-token"),
    *router.urls,
]
