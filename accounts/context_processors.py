"""The navigation each role sees; later capabilities add their entries here."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation_for(user) -> list[tuple[str, str]]:
    """(label, url) pairs for the main navigation, in display order."""
    items = [(_("Home"), reverse("home"))]
    if not user.is_authenticated:
        return items
    items.append((_("Dashboard"), reverse("dashboard")))
    items.append((_("Organisations"), reverse("organisation_list")))
    items.append((_("Indicator catalogue"), reverse("labels:catalogue")))
    if user.is_staff:
        items.append((_("Administration"), reverse("admin:index")))
    items.append((_("API docs"), reverse("api_docs")))
    return items


def navigation(request):
    """Template context: `nav_items` for the main navigation in base.html."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_items": navigation_for(user)}
