"""GET /api/auth/tokens/ and DELETE /api/auth/tokens/{id}/: the owner lists and revokes their tokens."""

from datetime import timedelta

from django.utils import timezone

from accounts.api_tokens import api_token_create
from accounts.models import ApiToken

URL = "/api/auth/tokens/"


def test_it_lists_the_callers_tokens_that_work(api_as, owner_a, owner_b):
    kept, _key = api_token_create(user=owner_a, name="Reports")
    expired, _key = api_token_create(user=owner_a, name="Old")
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    api_token_create(user=owner_b, name="Someone else's")

    data = api_as(owner_a).get(URL).json()

    assert [(t["id"], t["name"], t["prefix"]) for t in data] == [(str(kept.public_id), "Reports", kept.prefix)]
    assert set(data[0]) == {"id", "name", "prefix", "created_at", "last_used_at", "expires_at"}


def test_a_token_lists_its_siblings(api_client, owner_a):
    _first, key = api_token_create(user=owner_a, name="First")
    api_token_create(user=owner_a, name="Second")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    assert [t["name"] for t in api_client.get(URL).json()] == ["Second", "First"]


def test_the_owner_revokes_a_token_and_it_stops_working(api_client, owner_a):
    token, key = api_token_create(user=owner_a)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    assert api_client.delete(f"{URL}{token.public_id}/").status_code == 204

    assert not ApiToken.objects.exists()
    assert api_client.get("/api/organisations/").status_code == 401


def test_another_persons_token_is_not_found(api_as, owner_a, owner_b):
    token, _key = api_token_create(user=owner_b)

    assert api_as(owner_a).delete(f"{URL}{token.public_id}/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_anonymous_callers_are_refused(api_as, db):
    assert api_as(None).get(URL).status_code in (401, 403)
