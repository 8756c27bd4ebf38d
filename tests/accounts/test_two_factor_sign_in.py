"""With REQUIRE_2FA_FOR_PRIVILEGED, a privileged user counts as signed in only after the second factor,
whichever way in they take: allauth's sign-in, the admin's, or a session made any other way."""

import pytest
from django.test import override_settings

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_two_factor_required")]


@pytest.fixture
def _two_factor_required(settings):
    settings.REQUIRE_2FA_FOR_PRIVILEGED = True


@pytest.fixture
def staff_with_totp(staff_user, with_totp):
    staff_user.secret = with_totp(staff_user)
    return staff_user


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# allauth's sign-in page


def test_the_password_alone_does_not_sign_in(client, staff_with_totp):
    response = client.post("/accounts/login/", {"login": staff_with_totp.email, "password": PASSWORD})

    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_password_and_code_sign_in_and_open_the_admin(client, staff_with_totp, totp_code):
    client.post("/accounts/login/", {"login": staff_with_totp.email, "password": PASSWORD})

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(staff_with_totp.secret)})

    assert response.status_code == 302
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/api/organisations/").status_code == 200


def test_a_wrong_code_does_not_sign_in(client, staff_with_totp, totp_code):
    client.post("/accounts/login/", {"login": staff_with_totp.email, "password": PASSWORD})
    wrong = f"{(int(totp_code(staff_with_totp.secret)) + 1) % 1000000:06d}"

    client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert not signed_in(client)


# The admin's own sign-in form


def test_the_admin_sign_in_sends_to_the_portals(client, staff_with_totp):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Faccounts%2Fuser%2F"


def test_posting_the_password_to_the_admin_signs_nobody_in(client, staff_with_totp):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": staff_with_totp.email, "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_a_foreign_next_address_is_not_followed(client, db):
    response = client.get("/admin/login/?next=https://evil.example/")

    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_signed_in_user_without_admin_rights_is_told_so(client_as, owner_a):
    response = client_as(owner_a).get("/admin/login/?next=/admin/")

    assert response.status_code == 403
    assert "no access to the administration" in response.content.decode()


# Any other way in


def test_a_session_without_the_second_factor_is_signed_out(client, staff_with_totp):
    client.force_login(staff_with_totp)  # as Django's own login() would, skipping the second factor

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    assert not signed_in(client)


@pytest.mark.parametrize("path", ["/dashboard/", "/accounts/email/", "/accounts/2fa/totp/deactivate/"])
def test_such_a_session_reaches_no_page_not_even_the_account_pages(client, staff_with_totp, path):
    client.force_login(staff_with_totp)

    assert client.get(path)["Location"].startswith("/accounts/login/")
    assert not signed_in(client)


def test_such_a_session_is_refused_by_the_api(client, staff_with_totp):
    client.force_login(staff_with_totp)

    response = client.get("/api/organisations/")

    assert response.status_code == 401
    assert "authenticator code" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["assessor", "board_member"])
def test_assessors_and_board_members_are_held_to_it_too(request, client, with_totp, persona):
    user = request.getfixturevalue(persona)
    with_totp(user)
    client.force_login(user)

    assert client.get("/dashboard/").status_code == 302
    assert not signed_in(client)


def test_cluster_managers_are_not_concerned(client_as, owner_a, with_totp):
    with_totp(owner_a)

    assert client_as(owner_a).get("/dashboard/").status_code == 200


@override_settings(REQUIRE_2FA_FOR_PRIVILEGED=False)
def test_it_is_off_when_the_setting_is_off(client, staff_with_totp):
    client.force_login(staff_with_totp)

    assert client.get("/dashboard/").status_code == 200


# Setting TOTP up proves the code: that session may go on


# allauth announces the new authenticator after the commit, as the request still runs: a real commit.
@pytest.mark.django_db(transaction=True)
def test_activating_totp_counts_as_the_second_factor(client, assessor, totp_code):
    client.force_login(assessor)  # signed in with the password, TOTP not set up yet
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]

    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    assert signed_in(client)
