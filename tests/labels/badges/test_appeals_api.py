"""The appeals API: POST /api/assessments/{id}/appeals/ and /api/labels/{id}/appeals/ for the owner,
GET /api/appeals/{id}/, POST /api/appeals/{id}/decide/ for the board; every refusal."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labels import label_records
from labels.appeals import appeal_file
from labels.models import Appeal, AppealStatus, AssessmentStatus, LabelState
from tests.labels.api.conftest import pdf_upload


def _assessment_url(assessment):
    return f"/api/assessments/{assessment.public_id}/appeals/"


def _label_url(label):
    return f"/api/labels/{label.public_id}/appeals/"


@pytest.fixture
def appeal(rejected, owner_a):
    return appeal_file(assessment=rejected, reason="G3 was misread.", by=owner_a)


def test_the_owner_appeals_a_rejection_with_documents(api_as, owner_a, rejected):
    response = api_as(owner_a).post(
        _assessment_url(rejected),
        {"reason": "G3 was misread.", "documents": [pdf_upload("g3.pdf")]},
        format="multipart",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == "rejection" and body["status"] == "pending"
    assert body["assessment"] == str(rejected.public_id) and body["label"] is None
    assert [d["name"] for d in body["documents"]] == ["g3.pdf"]
    assert body["url"].endswith(Appeal.objects.get().get_absolute_url())


def test_an_editor_gets_403(api_as, editor_a, rejected):
    response = api_as(editor_a).post(_assessment_url(rejected), {"reason": "x"}, format="multipart")

    assert response.status_code == 403
    assert "owners" in response.json()["detail"]


def test_another_organisation_gets_404(api_as, owner_b, rejected, label):
    client = api_as(owner_b)

    assert client.post(_assessment_url(rejected), {"reason": "x"}, format="multipart").status_code == 404
    assert client.post(_label_url(label), {"reason": "x"}, format="multipart").status_code == 404


def test_out_of_period_gets_409(api_as, owner_a, rejected, settings):
    rejected.decided_at = timezone.now() - timedelta(days=settings.LABEL_APPEAL_DAYS + 1)
    rejected.save()

    response = api_as(owner_a).post(_assessment_url(rejected), {"reason": "Late."}, format="multipart")

    assert response.status_code == 409
    assert "period" in response.json()["detail"]


def test_a_second_appeal_gets_409(api_as, owner_a, rejected, appeal):
    response = api_as(owner_a).post(_assessment_url(rejected), {"reason": "Again."}, format="multipart")

    assert response.status_code == 409


def test_a_missing_reason_gets_400(api_as, owner_a, rejected):
    response = api_as(owner_a).post(_assessment_url(rejected), {"reason": ""}, format="multipart")

    assert response.status_code == 400
    assert "reason" in response.json()


def test_a_bad_document_gets_400(api_as, owner_a, rejected):
    bad = pdf_upload("x.pdf", b"MZ not a pdf at all")

    response = api_as(owner_a).post(
        _assessment_url(rejected), {"reason": "G3.", "documents": [bad]}, format="multipart"
    )

    assert response.status_code == 400
    assert "documents" in response.json()
    assert not Appeal.objects.exists()


def test_the_owner_appeals_a_revocation(api_as, owner_a, label, board_member):
    label_records.label_revoke(label=label, reason="Complaint.", by=board_member)

    response = api_as(owner_a).post(_label_url(label), {"reason": "False complaint."}, format="multipart")

    assert response.status_code == 201
    assert response.json()["kind"] == "revocation" and response.json()["label"] == str(label.public_id)


def test_a_valid_label_gets_409(api_as, owner_a, label):
    assert api_as(owner_a).post(_label_url(label), {"reason": "Why."}, format="multipart").status_code == 409


def test_whoever_sees_the_appeal_reads_it(api_as, owner_a, owner_b, board2, appeal):
    url = f"/api/appeals/{appeal.public_id}/"

    assert api_as(owner_a).get(url).json()["reason"] == "G3 was misread."
    assert api_as(board2).get(url).status_code == 200
    assert api_as(owner_b).get(url).status_code == 404


def test_a_board_member_upholds_it(api_as, board2, appeal, rejected):
    response = api_as(board2).post(
        f"/api/appeals/{appeal.public_id}/decide/", {"uphold": True, "reason": "Misread."}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "upheld"
    rejected.refresh_from_db()
    assert rejected.status == AssessmentStatus.RECOMMENDED


def test_upheld_against_a_suspension_the_label_is_valid(api_as, owner_a, board_member, board2, label):
    label_records.label_suspend(label=label, reason="Complaint.", by=board_member)
    appeal_id = api_as(owner_a).post(_label_url(label), {"reason": "False."}, format="multipart").json()["id"]

    response = api_as(board2).post(
        f"/api/appeals/{appeal_id}/decide/", {"uphold": True, "reason": "Unfounded."}, format="json"
    )

    assert response.status_code == 200
    label.refresh_from_db()
    assert label.state == LabelState.VALID


def test_the_decider_of_the_rejection_gets_403(api_as, board_member, appeal):
    response = api_as(board_member).post(
        f"/api/appeals/{appeal.public_id}/decide/", {"uphold": True, "reason": "Yes."}, format="json"
    )

    assert response.status_code == 403
    assert "took the decision" in response.json()["detail"]


def test_a_conflicted_board_member_gets_403(api_as, board2, org_a, appeal):
    board2.declared_conflicts.add(org_a)

    response = api_as(board2).post(
        f"/api/appeals/{appeal.public_id}/decide/", {"uphold": False, "reason": "No."}, format="json"
    )

    assert response.status_code == 403
    assert "conflict of interest" in response.json()["detail"]


def test_the_owner_gets_403_on_the_decision(api_as, owner_a, appeal):
    response = api_as(owner_a).post(
        f"/api/appeals/{appeal.public_id}/decide/", {"uphold": True, "reason": "Me."}, format="json"
    )

    assert response.status_code == 403


def test_deciding_twice_gets_409(api_as, board2, appeal):
    client = api_as(board2)
    url = f"/api/appeals/{appeal.public_id}/decide/"
    client.post(url, {"uphold": False, "reason": "No."}, format="json")

    response = client.post(url, {"uphold": True, "reason": "Yes."}, format="json")

    assert response.status_code == 409
    assert Appeal.objects.get().status == AppealStatus.DISMISSED


def test_a_decision_without_reason_gets_400(api_as, board2, appeal):
    response = api_as(board2).post(f"/api/appeals/{appeal.public_id}/decide/", {"uphold": True}, format="json")

    assert response.status_code == 400
