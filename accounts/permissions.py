"""Who may see and change organisations and memberships. Views, API views and services all
ask these predicates; nothing else decides."""

from .choices import MembershipRole
from .models import Membership


def membership_role(user, organisation) -> str | None:
    """The user's active role in the organisation, or None."""
    return organisation_roles(user).get(organisation.pk)


def forget_membership_roles(user) -> None:
    """Drop the per-request cache after a membership changed."""
    user.__dict__.pop("_membership_roles", None)


def organisation_roles(user) -> dict[int, str]:
    """The user's active roles by organisation id (cached for the request)."""
    if not user.is_authenticated:
        return {}
    cache = getattr(user, "_membership_roles", None)
    if cache is None:
        cache = dict(Membership.objects.active().filter(user=user).values_list("organisation_id", "role"))
        user._membership_roles = cache
    return cache


def belongs_to_an_organisation(user) -> bool:
    return bool(organisation_roles(user))


def is_member(user, organisation) -> bool:
    return membership_role(user, organisation) is not None


def can_edit_organisation(user, organisation) -> bool:
    return membership_role(user, organisation) in (MembershipRole.OWNER, MembershipRole.EDITOR)


def can_manage_members(user, organisation) -> bool:
    return membership_role(user, organisation) == MembershipRole.OWNER


def can_create_organisation(user) -> bool:
    return user.is_authenticated
