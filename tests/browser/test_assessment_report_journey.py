"""The assessment report end to end: the manager opens the decided application, creates the
report, waits for the job's download link and downloads a PDF with the indicators and the score."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from labels.assessment_scores import indicators_of
from tests.factories import assessment_in

from .test_label_journeys import catalogue, sessions  # noqa: F401 - fixtures of the label journeys

pytestmark = pytest.mark.browser


def test_the_manager_creates_and_downloads_the_assessment_report(
    sessions,  # noqa: F811
    catalogue,  # noqa: F811
    org_a,
    owner_a,
    staff_user,
    assessor,
    assessor2,
    board_member,
):
    assessment = assessment_in(
        "approved",
        organisation=org_a,
        owner=owner_a,
        staff=staff_user,
        assessors=[assessor, assessor2],
        board=board_member,
    )

    manager = sessions.sign_in(owner_a)
    manager.goto(assessment.get_absolute_url())
    manager.get_by_role("button", name="Create the report (PDF)").click()
    download_link = manager.get_by_role("link", name="Download the assessment report (PDF)")
    expect(download_link).to_be_visible(timeout=30_000)  # the job fragment once the job has finished
    with manager.expect_download() as download:
        download_link.click()
    with open(download.value.path(), "rb") as pdf:
        data = pdf.read()

    assert data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assessment.refresh_from_db()
    assert str(assessment.verified_score) in text
    assert all(indicator.code in text for indicator in indicators_of(assessment))
    assert sessions.console_errors() == []
