"""An appeal as its people live it: the owner appeals a rejection with a document from the
application page, a board member who took no part upholds it from the Appeals queue, and the
application is back with the board; the label page shows the website badge and its snippet."""

import pytest
from playwright.sync_api import expect

from labels.models import Appeal, AppealStatus, AssessmentStatus, Label
from tests.factories import UserFactory, assessment_in, shipped_framework

from .journeys import MINIMAL_PDF, Sessions

pytestmark = pytest.mark.browser


@pytest.fixture
def sessions(chromium, live_server):
    sessions = Sessions(chromium, live_server.url)
    yield sessions
    sessions.close()


def _decided(status, org_a, owner_a, staff_user, assessor, assessor2, board_member):
    shipped_framework()
    return assessment_in(
        status, organisation=org_a, owner=owner_a, staff=staff_user, assessors=[assessor, assessor2],
        board=board_member,
    )  # fmt: skip


def test_the_owner_appeals_a_rejection_and_a_board_member_upholds_it(
    sessions, tmp_path, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    rejected = _decided("rejected", org_a, owner_a, staff_user, assessor, assessor2, board_member)
    other_board_member = UserFactory(email="board2@example.test", is_board_member=True)
    grounds = tmp_path / "grounds.pdf"
    grounds.write_bytes(MINIMAL_PDF)

    owner = sessions.sign_in(owner_a)
    owner.goto(rejected.get_absolute_url())
    owner.get_by_role("link", name="Appeal the decision").click()
    owner.get_by_label("Grounds of the appeal").fill("The assessors misread indicator G3.")
    owner.get_by_label("Documents (optional)").set_input_files(str(grounds))
    owner.get_by_role("button", name="File the appeal").click()
    expect(owner.locator("main")).to_contain_text("Your appeal is filed")
    expect(owner.locator("main")).to_contain_text("grounds.pdf")

    board = sessions.sign_in(other_board_member)
    board.goto("/labels/board/")
    board.get_by_role("link", name="Appeals").first.click()
    board.get_by_role("link", name="Decide").click()
    board.get_by_label("Uphold the appeal").check()
    board.locator("#id_reason").fill("G3 was misread.")
    board.get_by_role("button", name="Record the decision").click()
    expect(board.locator("main")).to_contain_text("The decision on the appeal is recorded")
    expect(board.locator("main")).to_contain_text("Upheld")

    rejected.refresh_from_db()
    assert rejected.status == AssessmentStatus.RECOMMENDED
    assert Appeal.objects.get().status == AppealStatus.UPHELD
    assert sessions.console_errors() == []


def test_the_label_page_shows_the_website_badge(
    sessions, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    approved = _decided("approved", org_a, owner_a, staff_user, assessor, assessor2, board_member)
    label = Label.objects.get(assessment=approved)

    owner = sessions.sign_in(owner_a)
    owner.goto(label.get_absolute_url())
    badge = owner.locator("#badge-heading + p + p img")
    expect(badge).to_be_visible()
    assert owner.evaluate("img => img.naturalWidth", badge.element_handle()) == 320
    expect(owner.locator("#badge-snippet")).to_have_value(
        f'<a href="{label.verify_url}" title="Gold Cluster Excellence label of Alpha Cluster: verify it">'
        f'<img src="{label.verify_url.split("/labels/")[0]}/labels/badges/embed/{label.public_id}.svg" '
        'alt="Gold Cluster Excellence label of Alpha Cluster: verify it" width="320" height="96"></a>'
    )
    assert sessions.console_errors() == []
