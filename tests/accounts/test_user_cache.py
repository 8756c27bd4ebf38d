"""The signed-in user read from the cache (accounts/auth_backends.py): a change of the user shows
at the next request, so a new password or a deactivation signs the user's sessions out at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def kept(client) -> None:
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/dashboard/").status_code == 200
    assert not [q for q in queries if 'FROM "accounts_user"' in q["sql"]]  # the user came from the cache


def test_a_new_password_signs_the_other_sessions_out_at_the_next_request(client_as, owner_a):
    client = client_as(owner_a)
    kept(client)

    owner_a.set_password("another-long-password-42")
    owner_a.save()

    assert client.get("/dashboard/")["Location"].startswith("/accounts/login/")


def test_a_deactivated_user_is_signed_out_at_the_next_request(client_as, owner_a):
    client = client_as(owner_a)
    kept(client)

    owner_a.is_active = False
    owner_a.save(update_fields=["is_active"])

    assert client.get("/dashboard/")["Location"].startswith("/accounts/login/")


def test_a_changed_address_shows_at_the_next_request(client_as, owner_a):
    client = client_as(owner_a)
    kept(client)

    owner_a.email = "henrietta@example.test"
    owner_a.save(update_fields=["email"])

    assert "henrietta@example.test" in client.get("/dashboard/").content.decode()
