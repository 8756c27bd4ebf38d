"""The one way in: Django admin's own sign-in form is replaced by the portal's (allauth's), so the
second factor and the rate limits apply there too."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def admin_login(request):
    """Send /admin/login/ (GET or POST: no password is ever checked here) to the portal's sign-in."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    if request.user.is_authenticated:
        if request.user.is_staff:
            return redirect(next_url)
        # Signed in without admin rights: the sign-in page would send them straight back here.
        raise PermissionDenied(_("Your account has no access to the administration."))
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
