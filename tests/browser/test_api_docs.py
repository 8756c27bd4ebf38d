"""The API documentation renders every operation under the portal's CSP, from this origin only."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

METHODS = {"get", "post", "put", "patch", "delete"}


def test_the_api_docs_show_every_operation_of_the_schema(page):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = sum(1 for item in schema["paths"].values() for method in item if method in METHODS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto("/api/docs/")

    expect(page.locator(".opblock")).to_have_count(operations)
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert page.console_errors == []
    assert all(url.startswith(page.url.split("/api/")[0]) for url in requests), requests
