"""Template context every page needs."""

from .registry import navigation_for


def navigation(request):
    """`nav_items`: the main navigation of base.html, as the apps registered it."""
    user = getattr(request, "user", None)
    if user is None:
        return {}
    match = getattr(request, "resolver_match", None)
    namespace = match.namespaces[0] if match and match.namespaces else ""
    return {"nav_items": navigation_for(user, path=request.path, namespace=namespace)}
