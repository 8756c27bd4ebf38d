"""API tokens: issued to a signed-in person, stored as a hash, expiring, revocable by their owner.

A token also stops working when its owner's password or second factor changes: each token keeps
the fingerprint of the credentials it was issued under, and a token whose fingerprint no longer
matches is refused. This covers every way a password changes (the account pages, a reset, the
admin, `changepassword`) and switching two-factor on or off, with no signal to forget."""

import hashlib
import secrets
from datetime import timedelta
from types import EllipsisType

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from clusterexcellence import data_versions

from .models import ApiToken, User
from .two_factor import totp_authenticator_id, totp_authenticator_ids

KEY_BYTES = 32
PREFIX_LENGTH = 8
# Writing the last use on every call would turn every API read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)
TOKEN_CACHE_SECONDS = 300


def _hash(key: str) -> str:
    # The key is long and random, so one fast hash suffices; a slow password hash would only cost time.
    return hashlib.sha256(key.encode()).hexdigest()


def credentials_fingerprint(user: User, *, totp_id: int | None | EllipsisType = ...) -> str:
    """Changes whenever the password hash or the TOTP authenticator changes (`totp_id`: the
    authenticator's id when the caller loaded it already)."""
    if totp_id is ...:
        totp_id = totp_authenticator_id(user)
    material = f"{user.pk}|{user.password}|{totp_id or ''}"
    return salted_hmac("accounts.api_tokens", material, algorithm="sha256").hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user and its key, which is shown once and never stored."""
    key = secrets.token_urlsafe(KEY_BYTES)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100],
        key_hash=_hash(key),
        prefix=key[:PREFIX_LENGTH],
        fingerprint=credentials_fingerprint(user),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_VALID_DAYS),
    )
    return token, key


def _token_row(key_hash: str) -> ApiToken | None:
    # The owner's TOTP authenticator comes with the token: one query checks the key and the credentials.
    return (
        ApiToken.objects.select_related("user")
        .annotate(totp_id=totp_authenticator_ids().filter(user=OuterRef("user")).values("pk")[:1])
        .filter(key_hash=key_hash)
        .first()
    )


def api_token_for_key(key: str) -> ApiToken | None:
    """The token a key belongs to, if it still works: not expired, its owner's credentials unchanged."""
    key_hash = _hash(key)
    # Kept while the token, its owner and their authenticators are unchanged.
    token = data_versions.remember(
        f"api-token:{key_hash}", "accounts.api_tokens", lambda: _token_row(key_hash), timeout=TOKEN_CACHE_SECONDS
    )
    if token is None or token.expires_at <= timezone.now():
        return None
    if not constant_time_compare(token.fingerprint, credentials_fingerprint(token.user, totp_id=token.totp_id)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def api_tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first (the others are of no use to anyone)."""
    fingerprint = credentials_fingerprint(user)
    tokens = ApiToken.objects.filter(user=user, expires_at__gt=timezone.now())
    return [token for token in tokens if constant_time_compare(token.fingerprint, fingerprint)]


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> None:
    """Revoke (delete) a token; only its owner may."""
    if token.user_id != by.pk:
        raise PermissionDenied(_("Only the owner of a token can revoke it."))
    ApiToken.objects.filter(pk=token.pk).delete()
