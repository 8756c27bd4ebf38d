"""A cluster manager signs in through the login page and lands on their dashboard."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_cluster_manager_signs_in_and_sees_their_organisation(signed_in_page, owner_a, org_a):
    page = signed_in_page(owner_a)

    assert page.url.endswith("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator("main")).to_contain_text(org_a.name)
    expect(page.locator("header")).to_contain_text(owner_a.email)
    assert page.console_errors == []  # no CSP violation, no failed script


def test_the_stylesheet_and_scripts_are_served(page):
    page.goto("/")

    for path in ("/static/css/portal.css", "/static/js/portal.js", "/static/vendor/htmx.min.js"):
        assert page.request.get(path).ok, path
    # Applied and run, not only reachable: the stylesheet moves the skip link off-screen, htmx is loaded.
    assert page.locator(".skip-link").bounding_box()["x"] < 0
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.console_errors == []


def test_a_wrong_password_keeps_the_manager_on_the_login_page(signed_in_page, owner_a):
    page = signed_in_page(owner_a, password="not-the-password")

    assert page.url.endswith("/accounts/login/")
    expect(page.locator("main")).to_contain_text("not correct")
