def test_home_page_renders_for_anonymous_visitors(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Cluster Excellence" in response.content


def test_dashboard_requires_sign_in(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_dashboard_shows_for_owner(client_as, owner_a):
    response = client_as(owner_a).get("/dashboard/")
    assert response.status_code == 200
