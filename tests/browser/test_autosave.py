"""Autosave says honestly what happened: a failed save is retried with backoff, the page never calls
an older value saved, and the value that ends up stored is the last one typed."""

import pytest
from playwright.sync_api import expect

from labels import transitions
from labels.models import Answer

from .journeys import import_demo_catalogue

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft(org_a, owner_a):
    import_demo_catalogue()
    return transitions.assessment_start(organisation=org_a, level="gold", by=owner_a)


def stored(draft, code):
    answer = Answer.objects.filter(assessment=draft, indicator__code=code).first()
    return None if answer is None else answer.value


def type_answer(card, value: str) -> None:
    field = card.get_by_label("Your answer")
    field.fill(value)
    field.dispatch_event("change")


def fail_first(page, url_glob: str, count: int, *, how: str):
    """Make the first `count` requests to the URL fail (a 500, or a dropped connection), then let them through."""
    calls = []

    def handle(route):
        calls.append(route.request.post_data)
        if len(calls) > count:
            route.continue_()
        elif how == "abort":
            route.abort("connectionreset")
        else:
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error (500)</h1>")

    page.route(url_glob, handle)
    return calls


def test_a_save_the_server_fails_is_retried_and_then_reported_saved(signed_in_page, owner_a, draft):
    page = signed_in_page(owner_a)
    page.goto(f"/labels/assessments/{draft.public_id}/areas/S/")
    card = page.locator("#indicator-S1")
    calls = fail_first(page, "**/answers/S1/", 2, how="500")

    type_answer(card, "20")

    expect(card.locator(".save-state")).to_have_text("Not saved (the server answered with error 500), retrying in 1 s…")
    expect(card.locator(".answer-status .saved")).to_be_hidden()
    expect(card.locator(".save-state")).to_have_text("Not saved (the server answered with error 500), retrying in 2 s…")
    expect(card.locator(".answer-status .saved")).to_be_visible(timeout=10_000)
    expect(card.locator(".save-state")).to_have_text("")
    assert len(calls) == 3
    assert stored(draft, "S1") == 20
    # The browser and htmx log each 500; anything else (a script error, a CSP violation) is a fault.
    assert [error for error in page.console_errors if "500" not in error] == []


def test_while_the_connection_is_down_the_page_never_calls_an_older_value_saved(signed_in_page, owner_a, draft):
    page = signed_in_page(owner_a)
    page.goto(f"/labels/assessments/{draft.public_id}/areas/S/")
    card = page.locator("#indicator-S1")
    type_answer(card, "20")
    expect(card.locator(".answer-status .saved")).to_be_visible()
    calls = fail_first(page, "**/answers/S1/", 2, how="abort")

    type_answer(card, "30")
    expect(card.locator(".save-state")).to_contain_text("Not saved (the connection failed), retrying in")
    expect(card.locator(".answer-status .saved")).to_be_hidden()  # "Saved" was about 20, not 30
    type_answer(card, "35")  # typed while the connection is still down

    expect(card.locator(".answer-status .saved")).to_be_visible(timeout=10_000)
    expect(card.locator(".save-state")).to_have_text("")
    assert stored(draft, "S1") == 35  # the last value typed, never overwritten by the earlier one
    assert "value=35" in calls[-1]
    expect(card.get_by_label("Your answer")).to_have_value("35")
