"""The collaboration platform as its people use it, each in their own browser session."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from collaboration.models import Interest, Posting, SavedSearch
from collaboration.saved_searches import saved_searches_check_all

from .journeys import Sessions

pytestmark = pytest.mark.browser


@pytest.fixture
def sessions(chromium, live_server):
    sessions = Sessions(chromium, live_server.url)
    yield sessions
    sessions.close()


def publish_request(page, title: str) -> Posting:
    page.goto("/collaboration/postings/")
    page.get_by_role("link", name="Publish a posting").click()
    page.get_by_label("Request").check()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill("We look for logistics clusters to pilot hydrogen trucks.")
    page.get_by_label("Topics").fill("hydrogen, logistics")
    page.get_by_label("Transportation and mobility").check()
    page.get_by_label("Target countries").select_option(["AT", "IT"])
    page.get_by_label("Deadline").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    return Posting.objects.get(title=title)


def test_a_request_is_answered_and_the_poster_sees_it_and_is_told(sessions, owner_a, editor_a, owner_b, org_b):
    poster = sessions.sign_in(owner_a)
    posting = publish_request(poster, "Partners for hydrogen truck pilots")

    answerer = sessions.sign_in(owner_b)
    answerer.goto("/collaboration/postings/")
    answerer.get_by_role("link", name="Partners for hydrogen truck pilots").click()
    answerer.get_by_label("Your message to the poster").fill("Our members run Alpine freight routes.")
    answerer.get_by_role("button", name="Send").click()
    expect(answerer.locator(".messages")).to_contain_text("Your interest was sent")
    expect(answerer.locator("#interests")).to_have_count(0)  # the list is the poster's

    poster.goto("/dashboard/")
    expect(poster.locator("#dashboard-collaboration")).to_contain_text("Beta Cluster is interested in")
    poster.get_by_role("link", name="Beta Cluster is interested in").click()
    expect(poster.locator("#interests")).to_contain_text("Our members run Alpine freight routes.")
    assert Interest.objects.get(posting=posting).seen_at is not None
    poster.goto("/dashboard/")
    expect(poster.locator("#dashboard-collaboration")).to_contain_text("No new expressions of interest.")

    told = sorted(message.to[0] for message in mail.outbox if "is interested in" in message.subject)
    assert told == ["editor-a@example.test", "owner-a@example.test"]  # once each
    assert sessions.console_errors() == []


def test_a_saved_search_yields_one_e_mail_for_a_new_matching_posting_and_none_next_time(
    sessions, owner_a, org_a, owner_b
):
    searcher = sessions.sign_in(owner_b)
    searcher.goto("/collaboration/search/")
    searcher.get_by_role("textbox", name="Search").fill("hydrogen")
    searcher.get_by_role("button", name="Apply filters").click()
    searcher.get_by_text("Save this search").click()
    searcher.get_by_label("Name of the search").fill("Hydrogen partners")
    searcher.get_by_role("button", name="Save", exact=True).click()
    expect(searcher.get_by_role("heading", level=1)).to_have_text("Your saved searches")
    expect(searcher.locator("main")).to_contain_text("Hydrogen partners")
    search = SavedSearch.objects.get(user=owner_b)
    SavedSearch.objects.filter(pk=search.pk).update(created_at=timezone.now() - timedelta(seconds=5))

    poster = sessions.sign_in(owner_a)
    publish_request(poster, "Hydrogen refuelling corridor")
    mail.outbox.clear()

    assert saved_searches_check_all()["matches"] == 1
    assert saved_searches_check_all()["matches"] == 0

    assert [message.to for message in mail.outbox] == [["owner-b@example.test"]]
    assert "Hydrogen refuelling corridor" in mail.outbox[0].body
    assert sessions.console_errors() == []


def test_a_matchmaking_meeting_is_booked_and_appears_in_both_schedules(sessions, staff_user, owner_a, owner_b):
    from collaboration import matchmaking

    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    event = matchmaking.event_create(
        title="Matchmaking Days", periods=[(start, start + timedelta(minutes=20))], by=staff_user
    )
    host = sessions.sign_in(owner_b)
    host.goto(event.get_absolute_url())
    host.get_by_label("What I offer").fill("Alpine freight routes")
    host.get_by_role("button", name="Take part").click()

    guest = sessions.sign_in(owner_a)
    guest.goto(event.get_absolute_url())
    guest.get_by_role("button", name="Take part").click()
    guest.locator(".participant").filter(has_text="Alpine freight routes").get_by_role(
        "button", name="Ask for a meeting"
    ).click()
    expect(guest.locator(".messages")).to_contain_text("Your request was sent")

    host.goto(event.get_absolute_url())
    host.locator("#meetings").get_by_role("button", name="Accept").click()
    expect(host.locator(".messages")).to_contain_text("The meeting is in both schedules.")

    for page, other in ((host, str(owner_a)), (guest, str(owner_b))):
        page.goto("/collaboration/schedule/")
        expect(page.locator("main table")).to_contain_text(other)
    assert sessions.console_errors() == []
