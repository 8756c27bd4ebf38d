from rest_framework.authtoken.models import Token


def test_a_token_of_a_privileged_user_without_two_factor_is_refused_when_required(api_client, assessor, settings):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    token = Token.objects.create(user=assessor)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api_client.get("/api/organisations/")
    assert response.status_code in (401, 403)
    assert "two-factor" in response.json()["detail"]


def test_a_token_of_a_privileged_user_with_two_factor_is_accepted(api_client, assessor, settings, with_totp):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    with_totp(assessor)
    token = Token.objects.create(user=assessor)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.get("/api/organisations/").status_code == 200


def test_anonymous_calls_are_refused(api_client, db):
    assert api_client.get("/api/organisations/").status_code in (401, 403)
