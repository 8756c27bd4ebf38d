"""With REQUIRE_2FA_FOR_PRIVILEGED, staff, assessors and board members set up TOTP before anything else."""

import pytest
from django.test import override_settings

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

required = override_settings(REQUIRE_2FA_FOR_PRIVILEGED=True)


@required
@pytest.mark.parametrize("persona", ["staff_user", "assessor", "board_member"])
def test_it_sends_privileged_users_without_totp_to_the_set_up(request, client_as, persona):
    user = request.getfixturevalue(persona)

    response = client_as(user).get("/dashboard/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@required
def test_it_lets_the_account_pages_through_so_totp_can_be_set_up(client_as, assessor):
    response = client_as(assessor).get("/accounts/2fa/totp/activate/")

    # allauth asks for the password again before showing the secret; the middleware does not interfere.
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert client_as(assessor).get(response["Location"]).status_code == 200


@required
def test_it_lets_privileged_users_in_after_password_and_code(client, assessor, with_totp, totp_code):
    secret = with_totp(assessor)
    client.post("/accounts/login/", {"login": assessor.email, "password": PASSWORD})
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert client.get("/dashboard/").status_code == 200


@required
def test_it_does_not_concern_cluster_managers_or_club_members(client_as, owner_a, club_member):
    assert client_as(owner_a).get("/dashboard/").status_code == 200
    assert client_as(club_member).get("/dashboard/").status_code == 200


@required
def test_it_refuses_the_api_to_a_signed_in_privileged_user_without_totp(client_as, staff_user):
    response = client_as(staff_user).get("/api/organisations/")

    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


@override_settings(REQUIRE_2FA_FOR_PRIVILEGED=False)
def test_it_is_off_when_the_setting_is_off(client_as, staff_user):
    assert client_as(staff_user).get("/dashboard/").status_code == 200
