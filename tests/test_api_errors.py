"""Under /api/ every error is JSON with an honest status: credentials 401 with WWW-Authenticate,
unknown ids and pages 404, bodies that are not JSON 400 or 415, never an HTML page or a 500."""

import pytest
from django.http import HttpResponseServerError
from django.test import RequestFactory

from accounts.api_tokens import api_token_create
from clusterexcellence.api_errors import ApiJsonErrorsMiddleware

pytestmark = pytest.mark.django_db

UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def token_client(api_client, owner_a):
    _token, key = api_token_create(user=owner_a)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api_client


def test_a_call_without_credentials_is_401_with_www_authenticate(api_client):
    response = api_client.get("/api/organisations/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_a_bad_token_is_401_even_where_no_sign_in_is_needed(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")

    for path in ("/api/organisations/", "/api/frameworks/"):
        response = api_client.get(path)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    "path",
    [
        "/api/assessments/not-a-uuid/",
        f"/api/assessments/{UNKNOWN}/",
        f"/api/assessments/{UNKNOWN}/score/",
        "/api/no-such-endpoint/",
        "/api/organisations/?page=99",
        "/api/organisations/no-such-organisation/",
    ],
)
def test_unknown_ids_paths_and_pages_are_404_as_json(token_client, path):
    response = token_client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_an_unknown_path_is_json_in_debug_mode_too(token_client, settings):
    settings.DEBUG = True

    response = token_client.get("/api/no-such-endpoint/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_a_server_error_under_api_is_json():
    middleware = ApiJsonErrorsMiddleware(lambda request: HttpResponseServerError("<h1>Server Error (500)</h1>"))

    response = middleware(RequestFactory().get("/api/organisations/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"


def test_a_server_error_elsewhere_keeps_its_page():
    middleware = ApiJsonErrorsMiddleware(lambda request: HttpResponseServerError("<h1>Server Error (500)</h1>"))

    assert middleware(RequestFactory().get("/organisations/"))["Content-Type"].startswith("text/html")


def test_deeply_nested_json_is_a_400(token_client):
    body = "[" * 100_000 + "]" * 100_000

    response = token_client.generic("POST", "/api/organisations/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"detail": "The JSON is nested too deeply."}


@pytest.mark.parametrize("body", ["{", '{"name": NaN}', '{"name": Infinity}', b"\xff\xfe"])
def test_a_body_that_is_not_json_is_a_400(token_client, body):
    response = token_client.generic("POST", "/api/organisations/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"].startswith("The request body is not valid JSON")


def test_a_body_larger_than_the_upload_limit_is_a_400(token_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = token_client.generic("POST", "/api/organisations/", '{"name": "' + "x" * 2000 + '"}', "application/json")

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is larger than 1000 bytes."}


def test_form_encoded_bodies_are_refused_with_415(token_client):
    response = token_client.post("/api/organisations/", "name=Gamma", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert "detail" in response.json()
