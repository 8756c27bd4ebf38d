"""The token endpoint and the sign-in page share allauth's lockout: failures on one count on the other."""

from django.test import override_settings

from accounts.models import ApiToken

URL = "/api/auth/token/"
# The production limits (clusterexcellence/settings/base.py); the test settings switch them off.
LIMITS = override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "10/m/ip,5/5m/key"})


def _obtain(client, email, password):
    return client.post(URL, {"email": email, "password": password}, format="json")


def _sign_in(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


@LIMITS
def test_an_account_the_sign_in_page_locked_gets_no_token(client, api_client, owner_a, password):
    for _attempt in range(5):
        _sign_in(client, owner_a.email, "not-the-password")

    response = _obtain(api_client, owner_a.email, password)

    assert response.status_code == 429
    assert response.json() == {"detail": "Too many failed attempts. Please wait a few minutes and try again."}
    assert not ApiToken.objects.exists()


@LIMITS
def test_failed_token_requests_lock_the_sign_in_page_too(client, api_client, owner_a, password):
    for _attempt in range(5):
        assert _obtain(api_client, owner_a.email, "not-the-password").status_code == 400

    response = _sign_in(client, owner_a.email, password)

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


@LIMITS
def test_a_correct_password_before_the_lockout_gets_a_token(api_client, owner_a, password):
    for _attempt in range(4):
        _obtain(api_client, owner_a.email, "not-the-password")

    assert _obtain(api_client, owner_a.email, password).status_code == 200


@LIMITS
def test_wrong_codes_lock_the_second_factor(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    wrong = f"{(int(totp_code(secret)) + 1) % 1000000:06d}"
    statuses = [
        api_client.post(URL, {"email": owner_a.email, "password": password, "otp": wrong}, format="json").status_code
        for _attempt in range(6)
    ]

    assert statuses == [400] * 5 + [429]
