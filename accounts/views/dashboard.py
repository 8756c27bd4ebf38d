"""The dashboard: one section per role the user holds, each a template include."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.dashboard_sections import sections_for
from accounts.models import Membership
from accounts.permissions import can_create_organisation
from accounts.two_factor import has_totp


@login_required
def dashboard(request):
    user = request.user
    memberships = (
        Membership.objects.active().filter(user=user).select_related("organisation").order_by("organisation__name")
    )
    return render(
        request,
        "accounts/dashboard.html",
        {
            "sections": sections_for(user),
            "memberships": memberships,
            "can_create_organisation": can_create_organisation(user),
            "has_totp": has_totp(user),
        },
    )
