"""The label process as its people live it, each in their own browser session."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from labels.models import Assessment

from .journeys import MINIMAL_PDF, Sessions, answer_indicator, fill_self_assessment, import_demo_catalogue

pytestmark = pytest.mark.browser


@pytest.fixture
def sessions(chromium, live_server):
    sessions = Sessions(chromium, live_server.url)
    yield sessions
    sessions.close()


@pytest.fixture
def catalogue(db):
    return import_demo_catalogue()


def start_gold_application(page, organisation) -> Assessment:
    page.goto(organisation.get_absolute_url())
    page.get_by_role("link", name="Start an application").click()
    page.get_by_label("Gold").check()
    page.get_by_role("button", name="Start the application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{organisation.name}: Gold application")
    return Assessment.objects.get(organisation=organisation)


def submit(page, assessment) -> None:
    page.goto(assessment.get_absolute_url())
    page.locator("#submit-confirm").check()
    page.get_by_role("button", name="Submit the self-assessment").click()
    expect(page.locator(".status-badge, .badge").first).to_be_visible()
    # The provisional score is computed by a background job that the page polls.
    expect(page.locator("main")).to_contain_text("100.0", timeout=20_000)


def assign(page, assessment, *assessors) -> None:
    page.goto("/labels/secretariat/")
    page.get_by_role("link", name="Assign").first.click()
    for person in assessors:
        page.locator(f"#assessor-{person.pk}").check()
    page.get_by_role("button", name="Assign and open the review").click()


def confirm_every_area(page, assessment) -> None:
    """Area by area (each on its own page, reached through the tabs), confirm the remaining declared values."""
    for area in assessment.framework.areas.order_by("position"):
        page.locator("#review-area-tabs").get_by_role("link", name=re.compile(f"^{area.code} · ")).click()
        expect(page.locator("#review-area-tabs [aria-current=page]")).to_contain_text("0 of 6 verified")
        page.get_by_role("button", name=f"Confirm the remaining declared values of this area (6) {area.code}").click()
        expect(page.locator("main")).to_contain_text("confirmed as verified")
        expect(page.locator("#review-area-tabs [aria-current=page]")).to_contain_text("6 of 6 verified")
    expect(page.locator("#review-summary")).to_contain_text("36 of 36 indicators")


def recommend(page, assessment, *, level: str, summary: str, record_interview: bool) -> None:
    page.goto("/labels/assessor/")
    page.get_by_role("link", name=assessment.organisation.name, exact=True).click()
    if record_interview:
        page.get_by_label("Interview or visit date").fill(
            (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
        )
        page.get_by_role("button", name="Record the date").click()
        expect(page.locator("main")).to_contain_text("Interview")
    if "0 of 36 indicators" in page.locator("#review-summary").inner_text():
        # Recommending before verifying is refused, with the reason on the page.
        page.get_by_role("link", name="Recommend a level").click()
        page.get_by_role("radio", name=level, exact=True).check()
        page.get_by_label("Summary for the board").fill(summary)
        page.get_by_role("button", name="Recommend", exact=True).click()
        expect(page.locator("main")).to_contain_text("Verify every indicator first: 0 of 36 are verified")
        page.get_by_role("link", name=f"Review of {assessment.organisation.name}").click()
        confirm_every_area(page, assessment)
    page.get_by_role("link", name="Recommend a level").click()
    page.get_by_role("radio", name=level, exact=True).check()
    page.get_by_label("Summary for the board").fill(summary)
    page.get_by_role("button", name="Recommend", exact=True).click()


def test_a_gold_label_goes_from_self_assessment_to_the_board_decision(
    sessions, catalogue, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    manager = sessions.sign_in(owner_a)
    assessment = start_gold_application(manager, org_a)
    fill_self_assessment(manager, assessment)
    # Evidence for the participant count, checked from its content.
    manager.goto(f"/labels/assessments/{assessment.public_id}/areas/S/")
    card = manager.locator("#indicator-S1")
    card.locator("input[type=file]").set_input_files(
        {"name": "participants.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}
    )
    card.get_by_role("button", name="Upload").click()
    expect(card.get_by_role("link", name="participants.pdf")).to_be_visible()
    submit(manager, assessment)

    secretariat = sessions.sign_in(staff_user)
    assign(secretariat, assessment, assessor, assessor2)
    expect(secretariat.locator("main")).to_contain_text("In review")

    first = sessions.sign_in(assessor)
    recommend(first, assessment, level="Gold", summary="All thresholds verified on site.", record_interview=True)
    second = sessions.sign_in(assessor2)
    recommend(second, assessment, level="Gold", summary="Agree: an excellent organisation.", record_interview=False)

    assessment.refresh_from_db()
    assert assessment.status == "recommended"

    board = sessions.sign_in(board_member)
    board.goto("/labels/board/")
    board.get_by_role("link", name=f"Decide {org_a.name}").click()
    board.get_by_role("radio", name="Approve").check()
    board.get_by_label("Reason").fill("Both assessors confirm every Gold criterion.")
    board.get_by_role("button", name="Record the decision").click()

    manager.goto(assessment.get_absolute_url())
    main = manager.locator("main")
    expect(main).to_contain_text("Approved")
    expect(main).to_contain_text("Both assessors confirm every Gold criterion.")
    assessment.refresh_from_db()
    assert assessment.status == "approved" and assessment.awarded_level == "gold"
    # The refused early recommendation answers 409 on purpose; Chromium logs that as a failed load.
    assert [e for e in sessions.console_errors() if "409 (Conflict)" not in e] == []


def test_a_clarification_round_lets_the_manager_change_only_the_named_indicator(
    sessions, catalogue, org_a, owner_a, staff_user, assessor
):
    manager = sessions.sign_in(owner_a)
    manager.goto(org_a.get_absolute_url())
    manager.get_by_role("link", name="Start an application").click()
    manager.get_by_label("Bronze").check()
    manager.get_by_role("button", name="Start the application").click()
    assessment = Assessment.objects.get(organisation=org_a)
    fill_self_assessment(manager, assessment)
    manager.goto(assessment.get_absolute_url())
    manager.locator("#submit-confirm").check()
    manager.get_by_role("button", name="Submit the self-assessment").click()
    assign(sessions.sign_in(staff_user), assessment, assessor)

    reviewer = sessions.sign_in(assessor)
    reviewer.goto(f"/labels/assessments/{assessment.public_id}/review/")
    reviewer.get_by_role("link", name="Request clarification").click()
    reviewer.get_by_label("F1 ").check()
    reviewer.get_by_label("Message to the organisation").fill("Please send the audited share of private income.")
    reviewer.get_by_role("button", name="Send the request").click()

    manager.goto(assessment.get_absolute_url())
    expect(manager.locator("main")).to_contain_text("Please send the audited share of private income.")
    manager.goto(f"/labels/assessments/{assessment.public_id}/areas/F/")
    # F1 is open again; F2 stays frozen.
    f1 = next(i for i in assessment.framework.indicators.all() if i.code == "F1")
    answer_indicator(manager, f1, "35")
    expect(manager.locator("#indicator-F2").get_by_label("Your answer")).to_have_count(0)
    manager.goto(assessment.get_absolute_url())
    manager.get_by_role("button", name="Resubmit to the assessors").click()

    reviewer.goto(f"/labels/assessments/{assessment.public_id}/review/areas/F/")
    row = reviewer.locator("#indicator-F1")
    expect(row).to_contain_text("History of the declared value")
    expect(row).to_contain_text("→ 35")
    assessment.refresh_from_db()
    assert assessment.status == "in_review"
    assert sessions.console_errors() == []


def test_the_secretariat_cannot_assign_an_assessor_with_a_conflict_of_interest(
    sessions, catalogue, org_a, owner_a, staff_user, assessor
):
    from labels import transitions
    from tests.labels.conftest import fill_answers

    assessor.declared_conflicts.add(org_a)
    assessment = transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)
    fill_answers(assessment, owner_a)
    transitions.assessment_submit(assessment=assessment, by=owner_a)

    secretariat = sessions.sign_in(staff_user)
    assign(secretariat, assessment, assessor)

    expect(secretariat.locator("main")).to_contain_text("declared a conflict of interest")
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    assert not assessment.assignments.exists()
