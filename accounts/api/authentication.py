from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from accounts.api_tokens import api_token_for_key
from accounts.two_factor import must_set_up_totp


class TokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token …` with the portal's own tokens (accounts/api_tokens.py): expired ones,
    those issued before a password or two-factor change, and those of a privileged user still
    without two-factor are refused."""

    def authenticate_credentials(self, key):
        token = api_token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or expired token. Ask for a new one."))
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is inactive."))
        if must_set_up_totp(user, totp_id=token.totp_id):
            raise exceptions.AuthenticationFailed(_("Your role requires two-factor authentication. Set it up first."))
        return user, token
