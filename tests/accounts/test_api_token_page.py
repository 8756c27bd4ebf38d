"""The account's API tokens page: list the tokens that work, revoke one."""

from accounts.api_tokens import api_token_create
from accounts.models import ApiToken

URL = "/account/tokens/"


def test_it_requires_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_lists_only_the_users_own_tokens(client_as, owner_a, owner_b):
    token, _key = api_token_create(user=owner_a, name="Reporting script")
    api_token_create(user=owner_b, name="Someone else's")

    content = client_as(owner_a).get(URL).content.decode()

    assert "Reporting script" in content
    assert f"{token.prefix}…" in content
    assert "Someone else's" not in content
    assert f'action="/account/tokens/{token.public_id}/revoke/"' in content


def test_the_dashboard_links_to_it(client_as, owner_a):
    assert f'href="{URL}"' in client_as(owner_a).get("/dashboard/").content.decode()


def test_the_owner_revokes_a_token(client_as, owner_a):
    token, _key = api_token_create(user=owner_a, name="Old script")

    response = client_as(owner_a).post(f"/account/tokens/{token.public_id}/revoke/", follow=True)

    assert not ApiToken.objects.exists()
    assert "The token" in response.content.decode() and "was revoked" in response.content.decode()
    assert "You have no token that works." in response.content.decode()


def test_another_persons_token_cannot_be_revoked(client_as, owner_a, owner_b):
    token, _key = api_token_create(user=owner_b)

    assert client_as(owner_a).post(f"/account/tokens/{token.public_id}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_revoking_needs_a_post(client_as, owner_a):
    token, _key = api_token_create(user=owner_a)

    assert client_as(owner_a).get(f"/account/tokens/{token.public_id}/revoke/").status_code == 405


def test_the_list_costs_a_fixed_number_of_queries(client_as, owner_a, django_assert_max_num_queries):
    client = client_as(owner_a)
    api_token_create(user=owner_a)
    client.get(URL)
    with django_assert_max_num_queries(10) as first:
        client.get(URL)
    for _n in range(10):
        api_token_create(user=owner_a)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(URL)
