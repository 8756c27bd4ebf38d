from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .two_factor import must_set_up_totp

# Paths a privileged user without TOTP may still reach: setting it up, signing out, assets.
_ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz")


class RequireTwoFactorMiddleware:
    """Sends staff, assessors and board members to the TOTP set-up until they have done it.

    Token-authenticated API calls are checked by accounts.api.authentication instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and must_set_up_totp(user)
        ):
            message = _("Your role requires two-factor authentication. Please set it up to continue.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=403)
            messages.warning(request, message)
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
