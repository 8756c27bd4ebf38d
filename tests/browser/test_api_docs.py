"""The API documentation renders every operation under the portal's CSP, from this origin only."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

METHODS = {"get", "post", "put", "patch", "delete"}


def _operations_shown(page) -> set[str]:
    """Swagger UI renders a long list of operations only as it scrolls into view (beyond about 135
    operations here), so scroll to the end as a reader would and collect every operation shown."""
    seen: set[str] = set()
    for _ in range(1000):
        page.wait_for_timeout(50)
        seen.update(page.eval_on_selector_all(".opblock", "blocks => blocks.map(block => block.id)"))
        if page.evaluate("innerHeight + scrollY >= document.documentElement.scrollHeight - 1"):
            break
        page.mouse.wheel(0, 300)
    return seen


def test_the_api_docs_show_every_operation_of_the_schema(page):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = sum(1 for item in schema["paths"].values() for method in item if method in METHODS)
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto("/api/docs/")

    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert len(_operations_shown(page)) == operations
    assert page.console_errors == []
    assert all(url.startswith(page.url.split("/api/")[0]) for url in requests), requests
