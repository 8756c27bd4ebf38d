"""POST /api/assessments/{id}/evidence/: uploading a document, typed by its content."""

import pytest
from django.test import override_settings

from labels.models import Evidence

from .conftest import TINY_PDF, api_url, pdf_upload


def _upload(client, assessment, indicator="G1", file=None):
    body = {"indicator": indicator, "file": file or pdf_upload()}
    return client.post(api_url(assessment, "evidence/"), body, format="multipart")


def test_a_real_pdf_is_accepted(api_as, draft, owner_a):
    response = _upload(api_as(owner_a), draft)

    assert response.status_code == 201, response.json()
    evidence = Evidence.objects.get()
    data = response.json()
    assert data["id"] == str(evidence.public_id)
    assert (data["indicator"], data["name"], data["content_type"], data["size"]) == (
        "G1",
        "report.pdf",
        "application/pdf",
        len(TINY_PDF),
    )
    assert data["download_url"] == f"http://testserver/labels/evidence/{evidence.public_id}/"
    assert (evidence.assessment, evidence.uploaded_by) == (draft, owner_a)


def test_it_shows_in_the_answer(api_as, draft, owner_a):
    client = api_as(owner_a)
    _upload(client, draft)

    answer = client.put(api_url(draft, "answers/G1/"), {"value": 1}, format="json").json()

    assert [e["name"] for e in answer["evidence"]] == ["report.pdf"]


def test_a_text_file_named_pdf_is_refused(api_as, draft, owner_a):
    response = _upload(api_as(owner_a), draft, file=pdf_upload("fake.pdf", b"just some text, not a PDF"))

    assert response.status_code == 400
    assert response.json() == {"file": ["This file type is not accepted. Upload a PDF, PNG, JPEG or Office document."]}
    assert not Evidence.objects.exists()


@override_settings(EVIDENCE_MAX_UPLOAD_MB=1)
def test_an_oversized_file_is_refused(api_as, draft, owner_a):
    big = pdf_upload("big.pdf", TINY_PDF + b"0" * (1024 * 1024))

    response = _upload(api_as(owner_a), draft, file=big)

    assert response.status_code == 400
    assert response.json() == {"file": ["The file is larger than 1 MB."]}


def test_an_empty_file_is_refused(api_as, draft, owner_a):
    response = _upload(api_as(owner_a), draft, file=pdf_upload("empty.pdf", b""))

    assert response.status_code == 400
    assert "file" in response.json()


def test_a_missing_file_is_refused(api_as, draft, owner_a):
    response = api_as(owner_a).post(api_url(draft, "evidence/"), {"indicator": "G1"}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()


def test_an_unknown_indicator_is_refused(api_as, draft, owner_a):
    response = _upload(api_as(owner_a), draft, indicator="Z9")

    assert response.status_code == 400
    assert response.json() == {"indicator": ["There is no indicator Z9 in this assessment's catalogue."]}


def test_json_bodies_are_refused(api_as, draft, owner_a):
    response = api_as(owner_a).post(api_url(draft, "evidence/"), {"indicator": "G1"}, format="json")

    assert response.status_code == 415


def test_evidence_is_frozen_after_submission(api_as, submitted, owner_a):
    assert _upload(api_as(owner_a), submitted).status_code == 409


def test_it_refuses_viewers(api_as, draft, viewer_a):
    assert _upload(api_as(viewer_a), draft).status_code == 403


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor3"])
def test_it_is_not_found_for_others(request, api_as, draft, persona):
    assert _upload(api_as(request.getfixturevalue(persona)), draft).status_code == 404


def test_it_refuses_anonymous_callers(api_as, draft):
    assert _upload(api_as(None), draft).status_code in (401, 403)
