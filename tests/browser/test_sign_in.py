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


def test_staff_reach_the_admin_only_with_password_and_authenticator_code(page, staff_user, settings):
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters

    from tests.factories import PASSWORD

    settings.REQUIRE_2FA_FOR_PRIVILEGED = True
    secret = generate_totp_secret()
    TOTP.activate(staff_user, secret)

    page.goto("/admin/")
    assert "/accounts/login/" in page.url  # the admin's own form is never shown
    form = page.locator("main form[action$='/accounts/login/']")
    form.locator("input[name=login]").fill(staff_user.email)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.url.endswith("/accounts/2fa/authenticate/")

    window = list(counters())
    page.locator("input[name=code]").fill(format_hotp_value(hotp_value(secret, window[len(window) // 2])))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign In").click()

    assert page.url.endswith("/admin/")
    expect(page.locator("body")).to_contain_text("Site administration")
    assert page.console_errors == []
