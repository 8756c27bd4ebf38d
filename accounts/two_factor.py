"""Mandatory two-factor authentication for privileged roles (staff, assessors, board)."""

from allauth.mfa.models import Authenticator
from django.conf import settings


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def must_set_up_totp(user) -> bool:
    """True when the scheme requires TOTP for this user and it is not set up yet."""
    return bool(settings.REQUIRE_2FA_FOR_PRIVILEGED and user.is_privileged and not has_totp(user))


def totp_code_is_valid(user, code: str) -> bool:
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return bool(authenticator and code and TOTP(authenticator).validate_code(code.strip()))
