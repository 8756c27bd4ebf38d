"""Evidence: upload by content type, download only for people who may see the assessment, delete."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from labels import answers, transitions
from labels.models import Evidence, Indicator

from ..conftest import fill_answers
from .self_assessment_helpers import PDF_BYTES, clarify, pdf_upload, text_named_pdf

HTMX = {"HTTP_HX_REQUEST": "true"}


def upload_url(assessment, code="S1"):
    return reverse("labels:evidence_upload", args=[assessment.public_id, code])


def download_url(evidence):
    return reverse("labels:evidence_download", args=[evidence.public_id])


def delete_url(evidence):
    return reverse("labels:evidence_delete", args=[evidence.public_id])


def add_evidence(assessment, by, code="S1"):
    indicator = Indicator.objects.get(framework=assessment.framework, code=code)
    return answers.evidence_add(assessment=assessment, indicator=indicator, upload=pdf_upload(), by=by)


@pytest.fixture
def evidence(draft, owner_a):
    return add_evidence(draft, owner_a)


# --- upload ------------------------------------------------------------------------------------


def test_upload_rejects_get(client_as, owner_a, draft):
    assert client_as(owner_a).get(upload_url(draft)).status_code == 405


def test_a_real_pdf_is_accepted(client_as, owner_a, draft):
    response = client_as(owner_a).post(upload_url(draft), {"file": pdf_upload("Member list.pdf")})
    evidence = Evidence.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith("/areas/S/#indicator-S1")
    assert (evidence.original_name, evidence.content_type, evidence.indicator.code) == (
        "Member list.pdf",
        "application/pdf",
        "S1",
    )
    assert evidence.uploaded_by == owner_a


def test_an_htmx_upload_returns_the_evidence_list(client_as, owner_a, draft):
    response = client_as(owner_a).post(upload_url(draft), {"file": pdf_upload()}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.startswith('<div class="evidence" id="evidence-S1">')
    assert "members.pdf" in content
    assert download_url(Evidence.objects.get()) in content


def test_a_text_file_named_pdf_is_refused(client_as, owner_a, draft):
    response = client_as(owner_a).post(upload_url(draft), {"file": text_named_pdf()}, **HTMX)
    assert "This file type is not accepted." in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_refused_upload_without_javascript_explains_on_the_area_page(client_as, owner_a, draft):
    response = client_as(owner_a).post(upload_url(draft), {"file": text_named_pdf()}, follow=True)
    assert "This file type is not accepted." in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_missing_file_is_an_error(client_as, owner_a, draft):
    response = client_as(owner_a).post(upload_url(draft), {}, **HTMX)
    assert "Choose a file to upload." in response.content.decode()


def test_a_file_over_the_limit_is_refused(client_as, owner_a, draft, settings):
    settings.EVIDENCE_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (1024 * 1024), content_type="application/pdf")
    response = client_as(owner_a).post(upload_url(draft), {"file": big}, **HTMX)
    assert "larger than 1 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_upload_refuses_viewers(client_as, viewer_a, draft):
    assert client_as(viewer_a).post(upload_url(draft), {"file": pdf_upload()}).status_code == 403
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_upload_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    response = client_as(request.getfixturevalue(persona)).post(upload_url(draft), {"file": pdf_upload()})
    assert response.status_code == 404


def test_upload_to_an_unknown_indicator_is_not_found(client_as, owner_a, draft):
    assert client_as(owner_a).post(upload_url(draft, "ZZ9"), {"file": pdf_upload()}).status_code == 404


def test_upload_is_refused_once_the_answers_are_frozen(client_as, owner_a, submitted):
    response = client_as(owner_a).post(upload_url(submitted), {"file": pdf_upload()}, **HTMX)
    assert "the answers are frozen" in response.content.decode()
    assert not Evidence.objects.exists()


def test_upload_during_clarification_only_for_named_indicators(client_as, owner_a, in_review, assessor):
    clarify(in_review, assessor, codes=["S1"])
    client = client_as(owner_a)
    client.post(upload_url(in_review, "S1"), {"file": pdf_upload()}, **HTMX)
    client.post(upload_url(in_review, "S2"), {"file": pdf_upload()}, **HTMX)
    assert list(Evidence.objects.values_list("indicator__code", flat=True)) == ["S1"]


# --- download ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_people_who_see_the_assessment_download_it_as_an_attachment(request, client_as, persona, evidence):
    response = client_as(request.getfixturevalue(persona)).get(download_url(evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="members.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("uploaded_as", "downloaded_as"),
    [("members.html", "members.pdf"), ("members", "members.pdf"), ("Members.PDF", "Members.PDF"), (".pdf", ".pdf")],
)
def test_the_download_name_carries_the_extension_of_the_detected_type(
    client_as, owner_a, evidence, uploaded_as, downloaded_as
):
    Evidence.objects.filter(pk=evidence.pk).update(original_name=uploaded_as)

    response = client_as(owner_a).get(download_url(evidence))

    assert response["Content-Disposition"] == f'attachment; filename="{downloaded_as}"'


def test_download_requires_sign_in(client, evidence):
    response = client.get(download_url(evidence))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member", "club_member"])
def test_download_of_a_draft_is_not_found_for_others(request, client_as, persona, evidence, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(download_url(evidence)).status_code == 404


def test_assigned_assessors_download_but_others_do_not(client_as, in_review, assessor, other_assessor, owner_a):
    evidence = Evidence.objects.create(
        assessment=in_review,
        indicator=Indicator.objects.get(framework=in_review.framework, code="S1"),
        file=pdf_upload(),
        original_name="members.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by=owner_a,
    )
    assert client_as(assessor).get(download_url(evidence)).status_code == 200
    assert client_as(other_assessor).get(download_url(evidence)).status_code == 404


def test_the_board_downloads_once_the_assessment_is_submitted(client_as, board_member, evidence, owner_a, draft):
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)
    assert client_as(board_member).get(download_url(evidence)).status_code == 200


def test_an_unknown_evidence_id_is_not_found(client_as, owner_a, draft):
    address = reverse("labels:evidence_download", args=["00000000-0000-0000-0000-000000000000"])
    assert client_as(owner_a).get(address).status_code == 404


def test_a_file_missing_from_storage_is_not_found(client_as, owner_a, evidence):
    evidence.file.storage.delete(evidence.file.name)
    assert client_as(owner_a).get(download_url(evidence)).status_code == 404


# --- delete ------------------------------------------------------------------------------------


def test_delete_rejects_get(client_as, owner_a, evidence):
    assert client_as(owner_a).get(delete_url(evidence)).status_code == 405


def test_owners_delete_evidence_and_the_file_goes_with_it(
    client_as, owner_a, evidence, django_capture_on_commit_callbacks
):
    storage, name = evidence.file.storage, evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(owner_a).post(delete_url(evidence), **HTMX)
    assert response.status_code == 200
    assert "No documents yet." in response.content.decode()
    assert not Evidence.objects.exists()
    assert not storage.exists(name)


def test_delete_without_javascript_returns_to_the_indicator(client_as, editor_a, evidence):
    response = client_as(editor_a).post(delete_url(evidence))
    assert response.status_code == 302
    assert response["Location"].endswith("#indicator-S1")
    assert not Evidence.objects.exists()


def test_delete_refuses_viewers(client_as, viewer_a, evidence):
    assert client_as(viewer_a).post(delete_url(evidence)).status_code == 403
    assert Evidence.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_delete_is_not_found_outside_the_users_scope(request, client_as, persona, evidence, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(delete_url(evidence)).status_code == 404
    assert Evidence.objects.exists()


def test_delete_is_refused_once_the_answers_are_frozen(client_as, owner_a, evidence, draft):
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)
    response = client_as(owner_a).post(delete_url(evidence), **HTMX)
    assert response.status_code == 409
    assert "the answers are frozen" in response.content.decode()
    assert Evidence.objects.exists()
