def test_it_explains_the_portal_to_visitors(client, db):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in (
        "Striving for Cluster Excellence",
        "Dedicated to Cluster Excellence",
        "Proven for Cluster Excellence",
        "Benchmarking",
        "Training",
        "club",
        "Collaboration",
    ):
        assert text in content


def test_it_invites_visitors_to_sign_in_or_sign_up(client, db):
    content = client.get("/").content.decode()
    assert 'href="/accounts/signup/"' in content
    assert 'href="/accounts/login/"' in content


def test_it_points_signed_in_users_to_their_dashboard(client_as, outsider):
    content = client_as(outsider).get("/").content.decode()
    assert 'href="/dashboard/"' in content
    assert "How to start" not in content
