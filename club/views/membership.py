"""Joining the club: applying, the application's status, leaving and rejoining; and the
secretariat's list of applications to decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterexcellence.actions import attempt

from .. import memberships, permissions
from ..choices import MembershipStatus
from ..forms import ApplicationForm, DecisionForm
from ..models import ClubMembership


@login_required
def join(request):
    """The application form, or where the user's application stands."""
    membership = ClubMembership.objects.filter(user=request.user).first()
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            result, status = attempt(form, lambda: memberships.membership_apply(user=request.user, **form.cleaned_data))
            if result is not None:
                messages.success(request, _("Thank you. The secretariat will decide on your application soon."))
                return redirect("club:join")
        else:
            status = 400
    context = {"membership": membership, "form": form, "can_apply": permissions.can_apply(request.user)}
    return render(request, "club/join.html", context, status=status)


@require_POST
@login_required
def leave(request):
    try:
        memberships.membership_leave(user=request.user)
    except memberships.MembershipNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("club:join")
    messages.success(request, _("You left the club. Your profile is no longer shown; you can rejoin at any time."))
    return redirect("club:join")


@require_POST
@login_required
def rejoin(request):
    try:
        memberships.membership_rejoin(user=request.user)
    except memberships.MembershipNotAllowed as refusal:
        messages.error(request, str(refusal))
        return redirect("club:join")
    messages.success(request, _("Welcome back to the club."))
    return redirect("club:directory")


def _require_secretariat(user) -> None:
    if not permissions.can_decide_applications(user):
        raise PermissionDenied(_("Only the secretariat decides on applications."))


@login_required
def applications(request):
    """Applications waiting for a decision, oldest first."""
    _require_secretariat(request.user)
    pending = (
        ClubMembership.objects.filter(status=MembershipStatus.PENDING)
        .select_related("user")
        .order_by("applied_at", "pk")
    )
    return render(request, "club/applications.html", {"pending": list(pending), "form": DecisionForm()})


@login_required
def decide(request, public_id):
    _require_secretariat(request.user)
    membership = get_object_or_404(ClubMembership.objects.select_related("user"), public_id=public_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            decide_with = (
                memberships.membership_approve
                if form.cleaned_data["decision"] == "approve"
                else memberships.membership_decline
            )
            result, status = attempt(
                form, lambda: decide_with(membership=membership, by=request.user, message=form.cleaned_data["message"])
            )
            if result is not None:
                messages.success(
                    request,
                    _("%(name)s: %(status)s.") % {"name": result.name, "status": result.get_status_display()},
                )
                return redirect("club:applications")
    return render(request, "club/decide.html", {"membership": membership, "form": form}, status=status)
