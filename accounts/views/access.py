"""Loading an organisation for a request: 404 outside the user's scope, 403 for a forbidden action."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from accounts.choices import MembershipRole
from accounts.models import Membership, Organisation


def organisation_for(user, slug: str) -> Organisation:
    """The organisation if the user may see it, else 404 (its existence is not revealed)."""
    return get_object_or_404(Organisation.objects.visible_to(user), slug=slug)


def organisation_for_action(user, slug: str, predicate: Callable) -> Organisation:
    """The organisation if the user may see it (404) and `predicate(user, organisation)` allows the action (403)."""
    organisation = organisation_for(user, slug)
    if not predicate(user, organisation):
        raise PermissionDenied
    return organisation


def active_membership_for(organisation: Organisation, membership_id: int) -> Membership:
    return get_object_or_404(
        Membership.objects.active().select_related("user", "organisation"),
        organisation=organisation,
        pk=membership_id,
    )


ROLE_ORDER = {MembershipRole.OWNER: 0, MembershipRole.EDITOR: 1, MembershipRole.VIEWER: 2}


def active_members(organisation: Organisation) -> list[Membership]:
    """The organisation's current members, owners first."""
    members = Membership.objects.active().filter(organisation=organisation).select_related("user")
    return sorted(members, key=lambda m: (ROLE_ORDER.get(m.role, 9), m.user.email))
