"""The awarded label end to end: the board approves, the manager downloads the certificate, its
QR link opens the verification page with level and validity; the board revokes, and the
verification page and the register say so in the next request."""

import re

import pytest
from django.utils import formats
from playwright.sync_api import expect

from labels.models import Label
from tests.factories import assessment_in
from tests.pdf_links import pdf_links

from .test_label_journeys import catalogue, sessions  # noqa: F401 - fixtures of the label journeys

pytestmark = pytest.mark.browser


def test_approve_download_verify_revoke(
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
        "recommended", organisation=org_a, owner=owner_a, staff=staff_user, assessors=[assessor, assessor2]
    )
    board = sessions.sign_in(board_member)
    board.goto("/labels/board/")
    board.get_by_role("link", name=f"Decide {org_a.name}").click()
    board.get_by_role("radio", name="Approve").check()
    board.get_by_label("Reason").fill("Every Gold criterion is met.")
    board.get_by_role("button", name="Record the decision").click()
    expect(board.locator("main")).to_contain_text("Approved")
    label = Label.objects.get(assessment=assessment)

    manager = sessions.sign_in(owner_a)
    manager.goto(assessment.get_absolute_url())
    expect(manager.locator("main")).to_contain_text(label.certificate_number)
    expect(manager.locator("main")).not_to_contain_text("Provisional score")
    with manager.expect_download() as download:
        manager.get_by_role("link", name="Download the certificate (PDF)").click()
    assert download.value.suggested_filename == f"{label.certificate_number}.pdf"
    with open(download.value.path(), "rb") as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    (verify_link,) = [link for link in pdf_links(data) if "/labels/verify/" in link]
    verify_path = re.sub(r"^https?://[^/]+", "", verify_link)

    visitor = sessions.browser.new_context(base_url=sessions.base_url, locale="en-GB").new_page()
    sessions.contexts.append(visitor.context)
    visitor.console_errors = []  # nobody signed in: the public pages
    visitor.on("console", lambda message: message.type == "error" and visitor.console_errors.append(message.text))
    visitor.goto(verify_path)
    main = visitor.locator("main")
    expect(main).to_contain_text("This label is valid.")
    expect(main).to_contain_text("Gold")
    expect(main).to_contain_text(formats.date_format(label.valid_until, "DATE_FORMAT"))
    visitor.goto("/labels/register/")
    expect(visitor.locator("main")).to_contain_text(org_a.name)

    board.goto(f"/labels/label/{label.public_id}/")
    board.locator("form[action$='/revoke/'] textarea[name=reason]").fill("False statements in the application.")
    board.get_by_role("button", name="Revoke the label").click()
    expect(board.locator("main")).to_contain_text("The label is revoked.")

    visitor.goto(verify_path)
    expect(visitor.locator("main")).to_contain_text("This label was revoked.")
    expect(visitor.locator("main")).to_contain_text("False statements in the application.")
    visitor.goto("/labels/register/")
    expect(visitor.locator("main")).not_to_contain_text(org_a.name)
    expect(visitor.locator("main")).to_contain_text("No valid label matches these filters.")
    assert sessions.console_errors() == []
