"""Browser journeys: Playwright drives the system's headless Chromium against pytest-django's live server.

Fixtures: `page` (a fresh browser context per test; a screenshot lands in test-artifacts/ when the
test fails; `page.console_errors` lists console errors, CSP violations included) and
`signed_in_page(user)`, which signs in through the real login form.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

from tests.factories import PASSWORD
from tests.services import require_chromium

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no network but loopback: without these Chromium keeps calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)  # the page fixture reads it to decide on a screenshot
    return report


def _is_error(message) -> bool:
    # Chromium asks for /favicon.ico on its own; the portal does not link one, so its 404 is noise.
    return message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico")


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium for one test module.

    Playwright's sync API keeps an event loop running in this thread while it lives. Django then
    (a) refuses database calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set, and (b) keeps a separate
    set of connections, which must be closed before the loop stops or they outlive the test
    database. Module scope keeps both effects away from the tests that do not use a browser.
    """
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        connections.close_all()
        playwright.stop()
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(request, chromium, live_server):
    """A page in a fresh context (no cookies) whose relative URLs go to the live server."""
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: _is_error(message) and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def signed_in_page(page):
    """signed_in_page(user) signs the user in through the login form and returns the page."""

    def sign_in(user, password: str = PASSWORD):
        page.goto("/accounts/login/")
        form = page.locator("main form[action$='/accounts/login/']")
        form.locator("input[name=login]").fill(user.email)
        form.locator("input[name=password]").fill(password)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        return page

    return sign_in
