def test_it_explains_the_portal_to_visitors(client, db):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in (
        "Striving for Cluster Excellence",
        "Dedicated to Cluster Excellence",
        "Proven for Cluster Excellence",
    ):
        assert text in content


def test_it_advertises_no_feature_that_no_installed_app_offers(client, db):
    content = client.get("/").content.decode()
    for unbuilt in ("What the portal offers", "Managers' club", "matchmaking"):
        assert unbuilt not in content


def test_it_shows_the_features_the_apps_register(client, demo_app):
    content = client.get("/").content.decode()
    assert "What the portal offers" in content
    assert "What the demo app offers." in content


def test_it_invites_visitors_to_sign_in_or_sign_up(client, db):
    content = client.get("/").content.decode()
    assert 'href="/accounts/signup/"' in content
    assert 'href="/accounts/login/"' in content


def test_it_points_signed_in_users_to_their_dashboard(client_as, outsider):
    content = client_as(outsider).get("/").content.decode()
    assert 'href="/dashboard/"' in content
    assert "How to start" not in content
