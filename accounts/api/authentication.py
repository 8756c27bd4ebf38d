from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from accounts.two_factor import must_set_up_totp


class TokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token …`, refused while a privileged user still lacks two-factor."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if must_set_up_totp(user):
            raise exceptions.AuthenticationFailed(_("Your role requires two-factor authentication. Set it up first."))
        return user, token
