"""Mandatory two-factor authentication for privileged roles (staff, assessors, board).

With REQUIRE_2FA_FOR_PRIVILEGED, a privileged user's session counts as signed in only once it has
passed the second factor: allauth records each authentication step in the session, and
accounts.middleware signs out any session of such a user that lacks the TOTP step, whatever path
created it. Programs get a token only with the current code (accounts/api/views.py)."""

from types import EllipsisType

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def totp_authenticator_ids():
    """The TOTP authenticators by id: a user's is the first of theirs."""
    return Authenticator.objects.filter(type=Authenticator.Type.TOTP).order_by("pk")


def totp_authenticator_id(user) -> int | None:
    return totp_authenticator_ids().filter(user=user).values_list("pk", flat=True).first()


def two_factor_required(user) -> bool:
    """Whether the scheme requires a second factor of this user."""
    return bool(settings.REQUIRE_2FA_FOR_PRIVILEGED and user.is_privileged)


def must_set_up_totp(user, *, totp_id: int | None | EllipsisType = ...) -> bool:
    """True when the scheme requires TOTP for this user and it is not set up yet (`totp_id`: the
    authenticator's id when the caller loaded it already)."""
    if not two_factor_required(user):
        return False
    return (totp_id is None) if totp_id is not ... else not has_totp(user)


def passed_second_factor(request) -> bool:
    """Whether this session's sign-in included the second factor (allauth's "mfa" step)."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def totp_code_is_valid(user, code: str) -> bool:
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return bool(authenticator and code and TOTP(authenticator).validate_code(code.strip()))


def record_second_factor_on_activation(sender, request, user, authenticator, **kwargs) -> None:
    """Setting up TOTP proves the code, so the session that did it has passed the second factor.

    Connected to allauth's `authenticator_added` (accounts/apps.py); without it, a privileged user
    would be signed out right after activating TOTP and asked to sign in again."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
