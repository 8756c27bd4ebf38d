"""The navigation each role sees; later capabilities add their entries here."""

from types import SimpleNamespace

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import membership_role

# Asking for the role in no organisation fills the per-request cache of the user's roles.
_NO_ORGANISATION = SimpleNamespace(pk=None)


def _belongs_to_an_organisation(user) -> bool:
    membership_role(user, _NO_ORGANISATION)
    return bool(getattr(user, "_membership_roles", None))


def navigation_for(user) -> list[tuple[str, str]]:
    """(label, url) pairs for the main navigation, in display order."""
    items = [(_("Home"), reverse("home"))]
    if not user.is_authenticated:
        return items
    items.append((_("Dashboard"), reverse("dashboard")))
    items.append((_("Organisations"), reverse("organisation_list")))
    if _belongs_to_an_organisation(user):
        items.append((_("Label applications"), reverse("labels:assessment_list")))
    items.append((_("Indicator catalogue"), reverse("labels:catalogue")))
    if user.is_assessor:
        items.append((_("Assessor workspace"), reverse("labels:assessor_workspace")))
    if user.is_board_member:
        items.append((_("Label board"), reverse("labels:board_queue")))
    if user.is_staff:
        items.append((_("Secretariat queue"), reverse("labels:secretariat_queue")))
        items.append((_("Administration"), reverse("admin:index")))
    items.append((_("API docs"), reverse("api_docs")))
    return items


def navigation(request):
    """Template context: `nav_items` for the main navigation in base.html."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_items": navigation_for(user)}
