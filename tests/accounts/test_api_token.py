"""POST /api/auth/token/: a new token for e-mail address, password and (with two-factor) the code."""

import pytest
from allauth.account.models import EmailAddress
from django.test import override_settings

from accounts.models import ApiToken

URL = "/api/auth/token/"


def _obtain(client, email, password, **extra):
    return client.post(URL, {"email": email, "password": password, **extra}, format="json")


def test_it_returns_a_new_token_for_a_correct_password(api_client, owner_a, password):
    response = _obtain(api_client, owner_a.email, password, name="Reporting script")

    assert response.status_code == 200
    data = response.json()
    token = ApiToken.objects.get(user=owner_a)
    assert data["id"] == str(token.public_id)
    assert (data["name"], token.name, token.prefix) == ("Reporting script", "Reporting script", data["token"][:8])
    assert data["token"] not in (token.key_hash, token.fingerprint)  # only a hash of the key is stored


def test_the_token_authenticates_api_calls(api_client, owner_a, password):
    token = _obtain(api_client, owner_a.email, password).json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get("/api/organisations/").status_code == 200


def test_each_request_issues_another_token(api_client, owner_a, password):
    first = _obtain(api_client, owner_a.email, password).json()
    second = _obtain(api_client, owner_a.email, password).json()
    assert first["token"] != second["token"]
    assert ApiToken.objects.filter(user=owner_a).count() == 2


def test_the_e_mail_address_is_not_case_sensitive(api_client, owner_a, password):
    assert _obtain(api_client, "OWNER-A@Example.test", password).status_code == 200


@pytest.mark.parametrize(
    ("email", "secret"), [("owner-a@example.test", "wrong-password"), ("nobody@example.test", "cluster-test-password")]
)
def test_it_refuses_wrong_credentials_with_a_clear_message(api_client, owner_a, email, secret):
    response = _obtain(api_client, email, secret)
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Unable to sign in with this e-mail address and password."]}
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("data", [{}, {"email": "owner-a@example.test"}, {"email": "not-an-address", "password": "x"}])
def test_it_refuses_incomplete_input_with_field_errors(api_client, owner_a, data):
    response = api_client.post(URL, data, format="json")
    assert response.status_code == 400
    assert set(response.json()) <= {"email", "password"}


def test_it_refuses_a_name_that_is_too_long(api_client, owner_a, password):
    response = _obtain(api_client, owner_a.email, password, name="x" * 101)
    assert response.status_code == 400
    assert "name" in response.json()


def test_it_refuses_inactive_users(api_client, owner_a, password):
    owner_a.is_active = False
    owner_a.save()
    assert _obtain(api_client, owner_a.email, password).status_code == 400
    assert not ApiToken.objects.exists()


def test_it_refuses_an_unconfirmed_e_mail_address(api_client, owner_a, password):
    EmailAddress.objects.filter(user=owner_a).update(verified=False)
    response = _obtain(api_client, owner_a.email, password)
    assert response.status_code == 403
    assert "confirm your e-mail address" in response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_it_refuses_privileged_users_without_two_factor_when_required(api_client, assessor, password, settings):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    response = _obtain(api_client, assessor.email, password)
    assert response.status_code == 403
    assert "two-factor authentication" in response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_it_requires_the_code_once_two_factor_is_on(api_client, owner_a, password, with_totp):
    with_totp(owner_a)
    response = _obtain(api_client, owner_a.email, password)
    assert response.status_code == 400
    assert "otp" in response.json()
    assert not ApiToken.objects.exists()


def test_it_refuses_a_wrong_code(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    wrong = f"{(int(totp_code(secret)) + 1) % 1000000:06d}"
    response = _obtain(api_client, owner_a.email, password, otp=wrong)
    assert response.status_code == 400
    assert response.json()["otp"] == ["This code is not valid. Enter the current code of your app."]


def test_it_returns_a_token_with_a_valid_code(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    response = _obtain(api_client, owner_a.email, password, otp=totp_code(secret))
    assert response.status_code == 200
    assert ApiToken.objects.filter(user=owner_a).count() == 1


def test_a_code_cannot_be_used_twice(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    code = totp_code(secret)
    assert _obtain(api_client, owner_a.email, password, otp=code).status_code == 200
    assert _obtain(api_client, owner_a.email, password, otp=code).status_code == 400


def test_privileged_users_with_two_factor_get_a_token(api_client, assessor, password, settings, with_totp, totp_code):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    secret = with_totp(assessor)
    assert _obtain(api_client, assessor.email, password, otp=totp_code(secret)).status_code == 200


def test_it_is_throttled(api_client, owner_a):
    statuses = [_obtain(api_client, owner_a.email, "guess").status_code for _attempt in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


def test_a_forged_x_forwarded_for_does_not_lift_the_throttle(api_client, owner_a):
    statuses = [
        api_client.post(
            URL, {"email": owner_a.email, "password": "guess"}, format="json", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        ).status_code
        for n in range(11)
    ]
    assert statuses[10] == 429


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_forwarded_address_counts(api_client, owner_a):
    def attempt(address):
        return api_client.post(
            URL, {"email": owner_a.email, "password": "guess"}, format="json", HTTP_X_FORWARDED_FOR=address
        ).status_code

    assert [attempt("203.0.113.1") for _n in range(10)] == [400] * 10
    assert attempt("203.0.113.1") == 429
    # Another client behind the same proxy is not locked out by the first.
    assert attempt("203.0.113.2") == 400


def test_it_rejects_get(api_client, db):
    assert api_client.get(URL).status_code == 405


def test_a_bad_token_header_does_not_stand_in_the_way(api_client, owner_a, password):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert _obtain(api_client, owner_a.email, password).status_code == 200
