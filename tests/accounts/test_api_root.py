def test_the_root_lists_the_endpoints(api_client, db):
    response = api_client.get("/api/")
    assert response.status_code == 200
    body = response.json()
    assert body["auth-token"].endswith("/api/auth/token/")
    assert body["organisations"].endswith("/api/organisations/")
    assert body["docs"].endswith("/api/docs/")


def test_the_schema_describes_the_accounts_endpoints(client_as, outsider):
    response = client_as(outsider).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/auth/token/",
        "/api/organisations/",
        "/api/organisations/{slug}/",
        "/api/organisations/{organisation_slug}/memberships/",
        "/api/organisations/{organisation_slug}/memberships/{id}/",
    ):
        assert path in paths
    assert "delete" not in paths["/api/organisations/{slug}/"]
    assert "put" not in paths["/api/organisations/{organisation_slug}/memberships/{id}/"]


def test_the_accounts_schema_generates_without_warnings(db):
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    patterns = [path("api/", include("accounts.api.urls"))]
    SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache


def test_the_root_lists_the_current_framework_of_the_labels_app(api_client, db):
    assert api_client.get("/api/").json()["frameworks-current"].endswith("/api/frameworks/current/")
