"""Extra fixtures for the accounts tests: a second owner, invitations, TOTP codes."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from django.core.cache import cache

from accounts.choices import MembershipRole
from accounts.models import Invitation
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and used TOTP codes live in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def second_owner_a(org_a):
    return MembershipFactory(
        organisation=org_a, role=MembershipRole.OWNER, user__email="second-owner-a@example.test"
    ).user


@pytest.fixture
def invitee(db):
    """Signed up and verified, invited to org A, not yet a member."""
    return UserFactory(email="invitee@example.test")


@pytest.fixture
def invitation(org_a, owner_a):
    return Invitation.objects.create(
        organisation=org_a, email="invitee@example.test", role=MembershipRole.EDITOR, invited_by=owner_a
    )


@pytest.fixture
def totp_code():
    """totp_code(secret) is the code an authenticator app shows now for this secret."""

    def code(secret: str) -> str:
        window = list(counters())
        return format_hotp_value(hotp_value(secret, window[len(window) // 2]))

    return code


@pytest.fixture
def with_totp():
    """with_totp(user) activates TOTP for the user and returns its secret."""

    def activate(user):
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        return secret

    return activate
