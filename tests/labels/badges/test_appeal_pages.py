"""The appeal pages: the owner's form from the application and the label page, the board's queue and
the appeal's page with the decision form; every refusal (404 outside the scope, 403 for the wrong
person, 409 out of period or appealed already)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from labels import label_records
from labels.appeals import appeal_file
from labels.models import Appeal, AppealStatus, AssessmentStatus, LabelState
from tests.labels.api.conftest import pdf_upload


def _form_url(rejected):
    return reverse("labels:appeal_rejection", args=[rejected.public_id])


@pytest.fixture
def appeal(rejected, owner_a):
    return appeal_file(assessment=rejected, reason="G3 was misread.", documents=[pdf_upload("g3.pdf")], by=owner_a)


# --- filing --------------------------------------------------------------------------------------


def test_the_application_page_offers_the_owner_an_appeal(client_as, owner_a, rejected):
    page = client_as(owner_a).get(rejected.get_absolute_url()).content.decode()

    assert _form_url(rejected) in page


def test_the_application_page_offers_an_editor_no_appeal(client_as, editor_a, rejected):
    page = client_as(editor_a).get(rejected.get_absolute_url()).content.decode()

    assert _form_url(rejected) not in page


def test_the_owner_files_an_appeal_with_a_document(client_as, owner_a, rejected):
    response = client_as(owner_a).post(
        _form_url(rejected), {"reason": "G3 was misread.", "documents": [pdf_upload("a.pdf"), pdf_upload("b.pdf")]}
    )

    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response.url == appeal.get_absolute_url()
    assert appeal.reason == "G3 was misread."
    assert sorted(d.original_name for d in appeal.documents.all()) == ["a.pdf", "b.pdf"]


def test_the_grounds_are_required(client_as, owner_a, rejected):
    response = client_as(owner_a).post(_form_url(rejected), {"reason": ""})

    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_a_document_of_another_type_is_refused_on_the_page(client_as, owner_a, rejected):
    response = client_as(owner_a).post(
        _form_url(rejected), {"reason": "Grounds.", "documents": [pdf_upload("x.pdf", b"MZ\x90\x00 not a pdf")]}
    )

    assert response.status_code == 400
    assert "file type is not accepted" in response.content.decode()


def test_an_editor_is_refused(client_as, editor_a, rejected):
    assert client_as(editor_a).get(_form_url(rejected)).status_code == 403
    assert client_as(editor_a).post(_form_url(rejected), {"reason": "x"}).status_code == 403


def test_another_organisation_does_not_find_the_application(client_as, owner_b, rejected):
    assert client_as(owner_b).post(_form_url(rejected), {"reason": "x"}).status_code == 404


def test_out_of_period_is_409(client_as, owner_a, rejected, settings):
    rejected.decided_at = timezone.now() - timedelta(days=settings.LABEL_APPEAL_DAYS + 1)
    rejected.save()

    response = client_as(owner_a).post(_form_url(rejected), {"reason": "Late."})

    assert response.status_code == 409
    assert "period for an appeal ended" in response.content.decode()
    assert not Appeal.objects.exists()


def test_a_second_appeal_is_409(client_as, owner_a, rejected, appeal):
    response = client_as(owner_a).post(_form_url(rejected), {"reason": "Again."})

    assert response.status_code == 409
    assert Appeal.objects.count() == 1


def test_the_label_page_offers_an_appeal_against_a_suspension(client_as, owner_a, label, board_member):
    label_records.label_suspend(label=label, reason="Complaint.", by=board_member)
    url = reverse("labels:appeal_label", args=[label.public_id])

    assert url in client_as(owner_a).get(label.get_absolute_url()).content.decode()
    response = client_as(owner_a).post(url, {"reason": "The complaint is false."})

    assert response.status_code == 302
    assert Appeal.objects.get().kind == "suspension"


def test_a_valid_label_cannot_be_appealed(client_as, owner_a, label):
    url = reverse("labels:appeal_label", args=[label.public_id])

    assert url not in client_as(owner_a).get(label.get_absolute_url()).content.decode()
    assert client_as(owner_a).post(url, {"reason": "Why."}).status_code == 409


# --- the board -----------------------------------------------------------------------------------


def test_the_queue_is_for_the_board(client_as, owner_a, staff_user):
    assert client_as(owner_a).get(reverse("labels:appeal_queue")).status_code == 403
    assert client_as(staff_user).get(reverse("labels:appeal_queue")).status_code == 403


def test_the_queue_shows_who_may_decide(client_as, board_member, board2, appeal):
    decider_page = client_as(board2).get(reverse("labels:appeal_queue")).content.decode()
    author_page = client_as(board_member).get(reverse("labels:appeal_queue")).content.decode()

    assert appeal.get_absolute_url() in decider_page
    assert appeal.get_absolute_url() not in author_page
    assert "You took the decision under appeal" in author_page


def test_the_queue_keeps_its_query_count(client_as, board2, owner_a, rejected, django_assert_max_num_queries):
    appeal_file(assessment=rejected, reason="Grounds.", by=owner_a)
    client = client_as(board2)
    client.get(reverse("labels:appeal_queue"))

    with django_assert_max_num_queries(8):
        response = client.get(reverse("labels:appeal_queue"))

    assert response.status_code == 200


def test_the_appeals_nav_entry_is_for_board_members(client_as, board2, owner_a):
    assert reverse("labels:appeal_queue") in client_as(board2).get(reverse("labels:board_queue")).content.decode()
    assert reverse("labels:appeal_queue") not in client_as(owner_a).get("/").content.decode()


def test_a_board_member_upholds_an_appeal(client_as, board2, appeal, rejected):
    response = client_as(board2).post(appeal.get_absolute_url(), {"decision": "uphold", "reason": "Misread."})

    assert response.status_code == 302
    appeal.refresh_from_db()
    rejected.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD
    assert rejected.status == AssessmentStatus.RECOMMENDED


def test_the_board_member_who_decided_is_refused(client_as, board_member, appeal):
    response = client_as(board_member).post(appeal.get_absolute_url(), {"decision": "uphold", "reason": "Yes."})

    assert response.status_code == 403
    assert Appeal.objects.get().status == AppealStatus.PENDING


def test_a_conflicted_board_member_is_refused(client_as, board2, org_a, appeal):
    board2.declared_conflicts.add(org_a)

    response = client_as(board2).post(appeal.get_absolute_url(), {"decision": "dismiss", "reason": "No."})

    assert response.status_code == 403


def test_the_owner_sees_the_appeal_but_may_not_decide(client_as, owner_a, appeal):
    client = client_as(owner_a)
    page = client.get(appeal.get_absolute_url())

    assert page.status_code == 200
    assert "G3 was misread." in page.content.decode()
    assert 'name="decision"' not in page.content.decode()
    assert client.post(appeal.get_absolute_url(), {"decision": "uphold", "reason": "Me."}).status_code == 403


def test_an_outsider_does_not_find_the_appeal(client_as, owner_b, appeal):
    assert client_as(owner_b).get(appeal.get_absolute_url()).status_code == 404


def test_deciding_twice_is_409(client_as, board2, appeal):
    client = client_as(board2)
    client.post(appeal.get_absolute_url(), {"decision": "dismiss", "reason": "No."})

    response = client.post(appeal.get_absolute_url(), {"decision": "uphold", "reason": "Yes."})

    assert response.status_code == 409


def test_a_decision_needs_a_reason(client_as, board2, appeal):
    response = client_as(board2).post(appeal.get_absolute_url(), {"decision": "uphold", "reason": ""})

    assert response.status_code == 400


def test_the_documents_are_for_those_who_see_the_appeal(client_as, owner_a, board2, owner_b, appeal):
    url = reverse("labels:appeal_document", args=[appeal.documents.get().public_id])

    assert client_as(owner_a).get(url).status_code == 200
    response = client_as(board2).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client_as(owner_b).get(url).status_code == 404


def test_upheld_against_a_revocation_every_page_says_valid(client_as, client, owner_a, board_member, board2, label):
    label_records.label_revoke(label=label, reason="Complaint.", by=board_member)
    client_as(owner_a).post(reverse("labels:appeal_label", args=[label.public_id]), {"reason": "False."})
    appeal = Appeal.objects.get()

    client_as(board2).post(appeal.get_absolute_url(), {"decision": "uphold", "reason": "Unfounded."})

    label.refresh_from_db()
    assert label.state == LabelState.VALID
    client.logout()
    assert client.get(reverse("labels:ob_assertion", args=[label.public_id])).status_code == 200
