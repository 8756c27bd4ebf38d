from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .two_factor import has_totp, passed_second_factor, two_factor_required

# Paths a privileged user without TOTP may still reach: setting it up, signing out, assets.
_SET_UP_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz")
_ASSET_PREFIXES = ("/static/", "/healthz")


class RequireTwoFactorMiddleware:
    """Staff, assessors and board members count as signed in only after the second factor.

    Without TOTP they are sent to set it up (and may reach nothing else). With TOTP, a session that
    did not pass it (the admin's own form, a forced login, any path but allauth's sign-in) is signed
    out and sent to the sign-in page. Token-authenticated API calls are checked by
    accounts.api.authentication instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ASSET_PREFIXES)
            and two_factor_required(user)
        ):
            if has_totp(user):
                if not passed_second_factor(request):
                    return self._sign_out(request)
            elif not request.path.startswith(_SET_UP_PREFIXES):
                message = _("Your role requires two-factor authentication. Please set it up to continue.")
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": message}, status=403)
                messages.warning(request, message)
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _sign_out(self, request):
        logout(request)
        message = _("Your role requires two-factor authentication: sign in with your password and authenticator code.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=401)
        messages.warning(request, message)
        return redirect_to_login(request.get_full_path(), login_url=reverse("account_login"))


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every response to a signed-in user.

    Such pages and API answers show an organisation's answers, scores, reviews or a person's own
    data; neither a shared cache nor the browser's back button may keep them for the next person
    at the same computer. Static files never get here (WhiteNoise answers them first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # a token-authenticated API call sets it too
        # A response that declares itself public (a public profile photo) is the same for everyone.
        if user is not None and user.is_authenticated and "public" not in response.get("Cache-Control", ""):
            patch_cache_control(response, private=True, no_store=True)
        return response
