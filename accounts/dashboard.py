"""The accounts app's dashboard sections: the user's organisations and their account."""

from clusterexcellence.notifications import notifications_of

from .models import Membership
from .permissions import belongs_to_an_organisation, can_create_organisation
from .two_factor import has_totp


def organisations_shown_to(user) -> bool:
    """Members of an organisation, and newcomers who hold no role yet (they start by creating one).

    An assessor or a club member without an organisation is not greeted by "Create an organisation"."""
    from clusterexcellence.registry import roles_of

    return belongs_to_an_organisation(user) or not roles_of(user)


def organisations_load(request) -> dict:
    memberships = (
        Membership.objects.active()
        .filter(user=request.user)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    return {"memberships": list(memberships), "can_create_organisation": can_create_organisation(request.user)}


def account_load(request) -> dict:
    unread = notifications_of(request.user).filter(read_at__isnull=True).count()
    return {"has_totp": has_totp(request.user), "unread": unread}
