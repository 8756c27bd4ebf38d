import pytest
from allauth.account.models import EmailAddress
from rest_framework.authtoken.models import Token

URL = "/api/auth/token/"


def test_it_returns_a_token_for_a_correct_password(api_client, owner_a, password):
    response = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json")
    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=owner_a).key}


def test_the_token_authenticates_api_calls(api_client, owner_a, password):
    token = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json").json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get("/api/organisations/").status_code == 200


def test_it_returns_the_same_token_twice(api_client, owner_a, password):
    first = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json").json()
    second = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json").json()
    assert first == second


def test_the_e_mail_address_is_not_case_sensitive(api_client, owner_a, password):
    response = api_client.post(URL, {"email": "OWNER-A@Example.test", "password": password}, format="json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("email", "secret"), [("owner-a@example.test", "wrong-password"), ("nobody@example.test", "cluster-test-password")]
)
def test_it_refuses_wrong_credentials_with_a_clear_message(api_client, owner_a, email, secret):
    response = api_client.post(URL, {"email": email, "password": secret}, format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Unable to sign in with this e-mail address and password."]}
    assert not Token.objects.exists()


@pytest.mark.parametrize("data", [{}, {"email": "owner-a@example.test"}, {"email": "not-an-address", "password": "x"}])
def test_it_refuses_incomplete_input_with_field_errors(api_client, owner_a, data):
    response = api_client.post(URL, data, format="json")
    assert response.status_code == 400
    assert set(response.json()) <= {"email", "password"}


def test_it_refuses_inactive_users(api_client, owner_a, password):
    owner_a.is_active = False
    owner_a.save()
    assert api_client.post(URL, {"email": owner_a.email, "password": password}, format="json").status_code == 400


def test_it_refuses_an_unconfirmed_e_mail_address(api_client, owner_a, password):
    EmailAddress.objects.filter(user=owner_a).update(verified=False)
    response = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json")
    assert response.status_code == 403
    assert "confirm your e-mail address" in response.json()["detail"]
    assert not Token.objects.exists()


def test_it_refuses_privileged_users_without_two_factor_when_required(api_client, assessor, password, settings):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    response = api_client.post(URL, {"email": assessor.email, "password": password}, format="json")
    assert response.status_code == 403
    assert "two-factor authentication" in response.json()["detail"]
    assert not Token.objects.exists()


def test_it_requires_the_code_once_two_factor_is_on(api_client, owner_a, password, with_totp):
    with_totp(owner_a)
    response = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json")
    assert response.status_code == 400
    assert "otp" in response.json()
    assert not Token.objects.exists()


def test_it_refuses_a_wrong_code(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    wrong = f"{(int(totp_code(secret)) + 1) % 1000000:06d}"
    response = api_client.post(URL, {"email": owner_a.email, "password": password, "otp": wrong}, format="json")
    assert response.status_code == 400
    assert response.json()["otp"] == ["This code is not valid. Enter the current code of your app."]


def test_it_returns_a_token_with_a_valid_code(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    data = {"email": owner_a.email, "password": password, "otp": totp_code(secret)}
    response = api_client.post(URL, data, format="json")
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=owner_a).key


def test_a_code_cannot_be_used_twice(api_client, owner_a, password, with_totp, totp_code):
    secret = with_totp(owner_a)
    data = {"email": owner_a.email, "password": password, "otp": totp_code(secret)}
    assert api_client.post(URL, data, format="json").status_code == 200
    assert api_client.post(URL, data, format="json").status_code == 400


def test_privileged_users_with_two_factor_get_a_token(api_client, assessor, password, settings, with_totp, totp_code):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    secret = with_totp(assessor)
    data = {"email": assessor.email, "password": password, "otp": totp_code(secret)}
    assert api_client.post(URL, data, format="json").status_code == 200


def test_it_is_throttled(api_client, owner_a):
    statuses = [
        api_client.post(URL, {"email": owner_a.email, "password": "guess"}, format="json").status_code
        for _attempt in range(11)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429


def test_it_rejects_get(api_client, db):
    assert api_client.get(URL).status_code == 405


def test_a_bad_token_header_does_not_stand_in_the_way(api_client, owner_a, password):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api_client.post(URL, {"email": owner_a.email, "password": password}, format="json")
    assert response.status_code == 200
