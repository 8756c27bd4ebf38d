"""The content security policy header, built once per process (clusterexcellence.csp): the same
header django-csp builds, rebuilt when the settings change, and a view's own policy still wins."""

import pytest
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from clusterexcellence.csp import CSPMiddleware

POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "https://maps.example"]}}


def _through_middleware(response: HttpResponse, path: str = "/") -> HttpResponse:
    return CSPMiddleware(lambda request: response)(RequestFactory().get(path))


def test_every_response_gets_the_policy_django_csp_builds(client, db):
    response = client.get("/")

    assert response["Content-Security-Policy"] == build_policy()
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_a_change_of_the_settings_changes_the_header(client, db):
    client.get("/")

    with override_settings(CONTENT_SECURITY_POLICY=POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY=POLICY):
        response = client.get("/")

    assert "img-src 'self' https://maps.example" in response["Content-Security-Policy"]
    assert "https://maps.example" in response["Content-Security-Policy-Report-Only"]
    assert "https://maps.example" not in client.get("/")["Content-Security-Policy"]


def test_a_views_own_policy_wins():
    response = HttpResponse()
    response._csp_update = {"img-src": ["https://tiles.example"]}

    header = _through_middleware(response)["Content-Security-Policy"]

    assert "https://tiles.example" in header
    assert "default-src 'self'" in header


def test_an_exempt_response_and_an_excluded_path_get_no_header():
    exempt = HttpResponse()
    exempt._csp_exempt = True
    assert "Content-Security-Policy" not in _through_middleware(exempt)

    with override_settings(CONTENT_SECURITY_POLICY={**POLICY, "EXCLUDE_URL_PREFIXES": ["/outside/"]}):
        assert "Content-Security-Policy" not in _through_middleware(HttpResponse(), "/outside/page")
        assert "Content-Security-Policy" in _through_middleware(HttpResponse(), "/inside/")


def test_a_nonce_asked_for_after_the_header_is_an_error():
    request = RequestFactory().get("/")
    middleware = CSPMiddleware(lambda request: HttpResponse())
    middleware(request)

    with pytest.raises(Exception, match="csp_nonce"):
        str(request.csp_nonce)
