"""No sideways scrolling at 375 px on any page of the label process, in English and in German:
each page is visited at a phone's width and `document.documentElement.scrollWidth` may not exceed
it. Wide tables scroll inside their own container (templates/partials/table.html), not the page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    answers_bulk,
    assessment_draft,
    assessment_in_review,
    assessment_recommended,
    assessment_submitted,
    shipped_framework,
)

pytestmark = pytest.mark.browser

WIDTH = 375

# The elements that stick out past the viewport, named for the failure message.
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap'))
  .slice(0, 8)
  .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.className ? '.' + String(el.className).split(' ').join('.') : ''))"""


@pytest.fixture
def label_process(db, owner_a, org_a, owner_b, org_b, staff_user, assessor, assessor2, board_member):
    """An assessment in every state a page of the label process shows, with long names."""
    framework = shipped_framework()
    org_a.name = "Bavarian Mobility, Hydrogen and Automotive Supplier Innovation Cluster"
    org_a.save(update_fields=["name"])
    draft = assessment_draft(organisation=org_a, owner=owner_a)
    indicators = list(framework.indicators.order_by("area__position", "position"))
    answered = {indicator.code for indicator in indicators[::2]}
    answers_bulk(
        draft, by=owner_a, value_for=lambda indicator: indicator.yellow if indicator.code in answered else None
    )
    submitted = assessment_submitted(assessment_draft(organisation=org_b, owner=owner_b), by=owner_b)
    third = OrganisationFactory(name="Nordic Offshore Wind and Maritime Technology Cluster Network")
    in_review = assessment_in_review(
        assessment_submitted(assessment_draft(organisation=third, owner=owner_b), by=owner_b),
        assessors=[assessor, assessor2],
        by=staff_user,
    )
    fourth = OrganisationFactory(name="Lower Silesian Life Sciences and Medical Devices Cluster")
    recommended = assessment_recommended(
        assessment_in_review(
            assessment_submitted(assessment_draft(organisation=fourth, owner=owner_b), by=owner_b),
            assessors=[assessor, assessor2],
            by=staff_user,
        )
    )
    first_area = framework.areas.order_by("position").first().code
    return {
        owner_a: [
            draft.get_absolute_url(),
            reverse("labels:area", args=[draft.public_id, first_area]),
            reverse("labels:score", args=[draft.public_id]),
        ],
        assessor: [
            reverse("labels:assessor_workspace"),
            reverse("labels:review", args=[in_review.public_id]),
            reverse("labels:review_area", args=[in_review.public_id, first_area]),
            reverse("labels:recommend", args=[in_review.public_id]),
            reverse("labels:clarify", args=[in_review.public_id]),
        ],
        staff_user: [
            reverse("labels:secretariat_queue"),
            reverse("labels:assign", args=[submitted.public_id]),
        ],
        board_member: [
            reverse("labels:board_queue"),
            reverse("labels:decide", args=[recommended.public_id]),
        ],
    }


def _signed_in(chromium, live_server, user, locale):
    context = chromium.new_context(base_url=live_server.url, locale=locale, viewport={"width": WIDTH, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.goto("/accounts/login/")
    form = page.locator("main form[action$='/accounts/login/']")
    form.locator("input[name=login]").fill(user.email)
    form.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("header")).to_contain_text(user.email)
    return context, page


@pytest.mark.parametrize("locale", ["en-GB", "de-DE"])
def test_no_page_of_the_label_process_scrolls_sideways_at_375_px(chromium, live_server, label_process, locale):
    visited = []
    for user, urls in label_process.items():
        context, page = _signed_in(chromium, live_server, user, locale)
        try:
            for url in urls:
                response = page.goto(url)
                assert response.ok, (url, response.status)
                assert page.locator("html").get_attribute("lang") == locale[:2]
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= WIDTH, (url, width, page.evaluate(OVERFLOWING, WIDTH))
                visited.append(url)
            assert page.console_errors == []
        finally:
            context.close()
    assert len(visited) == 12


def test_an_assessor_saves_a_value_on_an_area_page_and_the_tab_counts_it(
    chromium, live_server, label_process, assessor
):
    area_url = label_process[assessor][2]
    context, page = _signed_in(chromium, live_server, assessor, "en-GB")
    try:
        page.goto(area_url)
        current = page.locator("#review-area-tabs [aria-current=page]")
        expect(current).to_contain_text("0 of 6 verified")
        row = page.locator(".review-row").first
        row.get_by_role("button", name="Save").click()
        expect(page.locator(".review-row").first).to_contain_text("Saved")
        expect(current).to_contain_text("1 of 6 verified")
        expect(page.locator("#review-area-progress")).to_contain_text("5 still to verify")
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        assert page.console_errors == []
    finally:
        context.close()
