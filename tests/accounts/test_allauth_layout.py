import pytest


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_entrance_pages_use_the_portal_layout(client, db, path):
    response = client.get(path)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in content
    assert 'href="/static/css/portal.css"' in content
    assert "· Cluster Excellence</title>" in content


@pytest.mark.parametrize("path", ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"])
def test_account_pages_use_the_portal_layout_with_the_account_menu(client_as, outsider, path):
    response = client_as(outsider).get(path)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in content
    assert 'aria-label="Account settings"' in content
    assert 'aria-current="page"' in content


def test_allauth_pages_carry_no_inline_styles(client, db):
    content = client.get("/accounts/login/").content.decode()
    assert "style=" not in content


def test_signing_in_leads_to_the_dashboard(client, owner_a, password):
    response = client.post("/accounts/login/", {"login": owner_a.email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
