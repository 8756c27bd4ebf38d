"""Steps that several label journeys share, written as a user would do them."""

from playwright.sync_api import expect

from tests.factories import PASSWORD, shipped_framework

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def import_demo_catalogue():
    """The shipped catalogue, which every test process imports once (tests/conftest.py)."""
    return shipped_framework()


class Sessions:
    """One browser context per person, each signed in through the login form."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url, self.contexts = browser, base_url, []

    def sign_in(self, user):
        context = self.browser.new_context(base_url=self.base_url, locale="en-GB")
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        page.goto("/accounts/login/")
        form = page.locator("main form[action$='/accounts/login/']")
        form.locator("input[name=login]").fill(user.email)
        form.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        expect(page.locator("header")).to_contain_text(user.email)
        return page

    def console_errors(self) -> list[str]:
        """Console errors of every session so far: CSP violations and failed scripts included."""
        return [error for context in self.contexts for page in context.pages for error in page.console_errors]

    def close(self):
        for context in self.contexts:
            context.close()


def answer_indicator(page, indicator, value: str) -> None:
    """Type or choose the value of one indicator and wait until the page says it was saved."""
    card = page.locator(f"#indicator-{indicator.code}")
    if indicator.kind in ("boolean", "scale"):
        card.locator(f"input[type=radio][value='{value}']").check()
    else:
        card.get_by_label("Your answer").fill(value)
        card.get_by_label("Your answer").dispatch_event("change")
    expect(card.locator(".answer-status")).to_contain_text("Saved")


def green_answer(indicator) -> str:
    return str(int(indicator.green)) if indicator.kind in ("boolean", "scale") else str(indicator.green_value)


def fill_self_assessment(page, assessment, *, value_for=green_answer) -> None:
    """Answer every indicator, area by area, through the area pages."""
    for area in assessment.framework.areas.order_by("position"):
        page.goto(f"/labels/assessments/{assessment.public_id}/areas/{area.code}/")
        for indicator in area.indicators.order_by("position"):
            answer_indicator(page, indicator, value_for(indicator))
