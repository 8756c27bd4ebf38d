"""Accepting an invitation from the link in its e-mail."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.memberships import invitation_accept
from accounts.models import Invitation
from clusterexcellence.actions import attempt_action


def invitation_detail(request, token):
    """Shows whom the invitation is for; a signed-in user with that e-mail address accepts it (POST).

    Open to visitors who are not signed in, so that they learn to sign in or sign up first."""
    invitation = get_object_or_404(Invitation.objects.select_related("organisation", "invited_by"), token=token)
    user = request.user
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.path)
        _membership, ok = attempt_action(request, lambda: invitation_accept(invitation=invitation, user=user))
        if not ok:
            return redirect("invitation_accept", token=token)
        messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name})
        return redirect(invitation.organisation)
    return render(
        request,
        "accounts/invitation_accept.html",
        {
            "invitation": invitation,
            "matches": user.is_authenticated and user.email.lower() == invitation.email.lower(),
            "next": request.path,
        },
    )
