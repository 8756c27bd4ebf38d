"""`Authorization: Token …`: tokens expire, stop working after a password or two-factor change, and a
privileged user's token needs two-factor when the portal requires it."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.api_tokens import api_token_create, api_token_revoke
from accounts.models import ApiToken


@pytest.fixture
def call(api_client):
    """call(key) is the status of an API call made with that token."""

    def get(key):
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return api_client.get("/api/organisations/")

    return get


def used(call, key) -> None:
    """Call until the token's check comes from the cache (clusterexcellence/data_versions.py): the
    changes below must stop a token whose look-up is kept."""
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            assert call(key).status_code == 200
    assert not [q for q in queries if "accounts_apitoken" in q["sql"]]


def test_a_token_authenticates(call, owner_a):
    _token, key = api_token_create(user=owner_a)
    assert call(key).status_code == 200


def test_an_unknown_token_is_refused(call, db):
    response = call("not-a-real-token")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid or expired token. Ask for a new one."}


def test_a_token_records_when_it_was_last_used(call, owner_a):
    token, key = api_token_create(user=owner_a)
    call(key)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_expires_after_the_configured_days(call, owner_a, settings):
    settings.API_TOKEN_VALID_DAYS = 7
    token, key = api_token_create(user=owner_a)
    used(call, key)
    assert token.expires_at.date() == (timezone.now() + timedelta(days=7)).date()

    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    assert call(key).status_code == 401


def test_a_password_change_invalidates_the_token(call, owner_a):
    _token, key = api_token_create(user=owner_a)
    used(call, key)
    owner_a.set_password("another-long-password-42")
    owner_a.save()

    assert call(key).status_code == 401


def test_a_password_reset_invalidates_the_token(call, client, owner_a):
    _token, key = api_token_create(user=owner_a)
    used(call, key)
    client.post("/accounts/password/reset/", {"email": owner_a.email})
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/accounts/password/reset/key/" in line)
    form_url = client.get(link.strip()[link.strip().index("/accounts/") :])["Location"]
    response = client.post(form_url, {"password1": "a-brand-new-password-42", "password2": "a-brand-new-password-42"})
    assert response.status_code == 302

    assert call(key).status_code == 401


def test_turning_two_factor_on_invalidates_the_token(call, owner_a, with_totp):
    _token, key = api_token_create(user=owner_a)
    used(call, key)
    with_totp(owner_a)

    assert call(key).status_code == 401


def test_an_inactive_users_token_is_refused(call, owner_a):
    _token, key = api_token_create(user=owner_a)
    used(call, key)
    owner_a.is_active = False
    owner_a.save()

    assert call(key).status_code == 401


def test_a_token_of_a_privileged_user_without_two_factor_is_refused_when_required(call, assessor, settings):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    _token, key = api_token_create(user=assessor)
    response = call(key)
    assert response.status_code in (401, 403)
    assert "two-factor" in response.json()["detail"]


def test_a_token_of_a_privileged_user_with_two_factor_is_accepted(call, assessor, settings, with_totp):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    with_totp(assessor)
    _token, key = api_token_create(user=assessor)
    assert call(key).status_code == 200


def test_anonymous_calls_are_refused(api_client, db):
    assert api_client.get("/api/organisations/").status_code in (401, 403)


@pytest.mark.parametrize("with_totp", [False, True])
def test_checking_a_token_and_its_credentials_takes_one_query(
    api_client, staff_user, with_totp, settings, uncached_pages
):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    if with_totp:
        Authenticator.objects.create(user=staff_user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    _token, key = api_token_create(user=staff_user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    api_client.get("/api/organisations/")  # records the last use

    with CaptureQueriesContext(connection) as queries:
        status = api_client.get("/api/organisations/").status_code

    checks = [q["sql"] for q in queries if "accounts_apitoken" in q["sql"] or "mfa_authenticator" in q["sql"]]
    assert len(checks) == 1  # the token, its owner and the owner's authenticator together
    assert status == (200 if with_totp else 401)  # staff need two-factor for a token to work


def test_a_revoked_token_is_refused_at_the_next_call(call, owner_a):
    token, key = api_token_create(user=owner_a)
    used(call, key)

    api_token_revoke(token=token, by=owner_a)

    assert call(key).status_code == 401
