"""A learner follows a training recommendation from the dashboard into a module, completes its lessons
and quiz, and downloads the completion record."""

import pytest
from playwright.sync_api import expect

from tests.training.conftest import decided, framework  # noqa: F401 - fixtures of this journey
from training.content import content_load
from training.models import Module

pytestmark = pytest.mark.browser


def test_a_learner_completes_a_recommended_module_and_downloads_the_record(
    signed_in_page,
    decided,  # noqa: F811 - the fixture imported above
    owner_a,
):
    content_load()
    module = Module.objects.get(slug="financing-the-cluster-organisation")
    page = signed_in_page(owner_a)

    page.goto("/dashboard/")
    section = page.locator("#dashboard-training")
    expect(section).to_contain_text("Helps with your ratings on F6 Cost coverage of services (red)")
    section.get_by_role("link", name=module.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)

    page.get_by_role("link", name=module.lessons.order_by("position").first().title).click()
    for lesson in module.lessons.order_by("position"):
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        page.get_by_role("button", name="Mark as complete").click()  # goes on to the next lesson
    expect(page.locator(".lesson-list")).to_contain_text("Complete")
    expect(page.locator("main")).to_contain_text("3 of 3 lessons complete")

    page.get_by_role("link", name="Take the quiz").click()
    for question in module.questions.prefetch_related("choices"):
        correct = next(choice for choice in question.choices.all() if choice.is_correct)
        page.get_by_label(correct.text, exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.locator("#quiz-outcome")).to_contain_text("Passed")

    page.get_by_role("link", name="Back to the module").click()
    page.get_by_role("button", name="Get your completion record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Completion record")
    download_link = page.get_by_role("link", name="Download the PDF")
    expect(download_link).to_be_visible(timeout=30_000)  # the page polls the rendering job
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == f"completion-record-{module.slug}.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert page.console_errors == []
