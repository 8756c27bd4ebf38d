"""The members page of an organisation and its small POST-only actions."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import InvitationForm, MembershipRoleForm
from accounts.memberships import invitation_create, membership_change_role, membership_end
from accounts.models import Membership
from accounts.permissions import can_manage_members, membership_role
from clusterexcellence.actions import attempt, attempt_action

from .access import active_members, active_membership_for, organisation_for, organisation_for_action


@login_required
def organisation_members(request, slug):
    """Members and staff see the list; owners also invite (POST), change roles and remove."""
    organisation = organisation_for(request.user, slug)
    can_manage = can_manage_members(request.user, organisation)
    form = InvitationForm()
    status = 200
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        form = InvitationForm(request.POST)
        status = 400
        if form.is_valid():
            invitation, status = attempt(
                form, lambda: invitation_create(organisation=organisation, by=request.user, **form.cleaned_data)
            )
            if invitation is not None:
                messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
                return redirect("organisation_members", slug=organisation.slug)
    open_invitations = [i for i in organisation.invitations.filter(accepted_at=None) if i.is_open] if can_manage else []
    return render(
        request,
        "accounts/organisation_members.html",
        {
            "organisation": organisation,
            "members": active_members(organisation),
            "your_role": membership_role(request.user, organisation),
            "can_manage": can_manage,
            "form": form,
            "role_choices": MembershipRoleForm.base_fields["role"].choices,
            "open_invitations": open_invitations,
            "invitation_valid_days": settings.INVITATION_VALID_DAYS,
        },
        status=status,
    )


@require_POST
@login_required
def membership_role_change(request, slug, membership_id):
    organisation = organisation_for_action(request.user, slug, can_manage_members)
    membership = active_membership_for(organisation, membership_id)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a valid role."))
    else:
        _changed, ok = attempt_action(
            request, lambda: membership_change_role(membership=membership, role=form.cleaned_data["role"])
        )
        if ok:
            messages.success(
                request,
                _("%(user)s is now %(role)s.") % {"user": membership.user, "role": membership.get_role_display()},
            )
    return redirect("organisation_members", slug=organisation.slug)


@require_POST
@login_required
def membership_remove(request, slug, membership_id):
    """Owners remove others; anyone may remove themself, which is leaving."""
    organisation = organisation_for(request.user, slug)
    membership = active_membership_for(organisation, membership_id)
    if membership.user_id != request.user.pk and not can_manage_members(request.user, organisation):
        raise PermissionDenied
    return _end(request, membership)


@require_POST
@login_required
def organisation_leave(request, slug):
    organisation = organisation_for(request.user, slug)
    membership = get_object_or_404(Membership.objects.active(), organisation=organisation, user=request.user)
    return _end(request, membership)


def _end(request, membership):
    organisation = membership.organisation
    leaving = membership.user_id == request.user.pk
    _ended, ok = attempt_action(request, lambda: membership_end(membership=membership))
    if not ok:
        return redirect("organisation_members", slug=organisation.slug)
    if leaving:
        messages.success(request, _("You have left %(name)s.") % {"name": organisation.name})
        # A member who left can no longer see the organisation; staff still can.
        return redirect("organisation_list" if request.user.is_staff else "dashboard")
    messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
    return redirect("organisation_members", slug=organisation.slug)
