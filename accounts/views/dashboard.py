"""The dashboard: one section per role the user holds, each a template include."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from accounts.models import Membership
from accounts.permissions import can_create_organisation
from accounts.two_factor import has_totp


def dashboard_sections(user) -> list[str]:
    """Templates of the sections this user sees, in display order; later apps add theirs here."""
    sections = ["accounts/dashboard/organisations.html"]
    if user.is_assessor:
        sections.append("accounts/dashboard/assessor.html")
    if user.is_board_member:
        sections.append("accounts/dashboard/board.html")
    if user.is_staff:
        sections.append("accounts/dashboard/staff.html")
    if user.is_club_member:
        sections.append("accounts/dashboard/club.html")
    sections.append("accounts/dashboard/account.html")
    return sections


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
            "sections": dashboard_sections(user),
            "memberships": memberships,
            "can_create_organisation": can_create_organisation(user),
            "has_totp": has_totp(user),
        },
    )
