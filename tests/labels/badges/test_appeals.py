"""Appeals (labels/appeals.py): the owner appeals a rejection, a suspension or a revocation once,
within the period; a board member without a part in it decides; upheld, the application goes back
to the board or the label is valid again; every step in the histories, with e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clusterexcellence.models import Notification
from clusterexcellence.notifications import notification_send
from labels import label_records
from labels.appeals import AppealNotAllowed, appeal_decide, appeal_file
from labels.models import (
    AppealAction,
    AppealKind,
    AppealStatus,
    AssessmentEvent,
    AssessmentStatus,
    LabelAction,
    LabelState,
)
from tests.factories import UserFactory
from tests.labels.api.conftest import pdf_upload


def _send(kind: str) -> set[str]:
    mail.outbox.clear()
    for notification in Notification.objects.filter(kind=f"labels.{kind}"):
        notification_send(notification)
    return {message.to[0] for message in mail.outbox}


def _file(rejected, owner, **kwargs):
    return appeal_file(
        assessment=rejected, reason=kwargs.pop("reason", "The assessors misread G3."), by=owner, **kwargs
    )


# --- filing --------------------------------------------------------------------------------------


def test_the_owner_appeals_a_rejection_with_documents(rejected, owner_a, board_member, board2, staff_user):
    appeal = _file(rejected, owner_a, documents=[pdf_upload("minutes.pdf")])

    assert appeal.kind == AppealKind.REJECTION
    assert appeal.status == AppealStatus.PENDING
    assert appeal.decision_at == rejected.decided_at
    assert appeal.decided_by_board_member == board_member
    assert [(d.original_name, d.content_type) for d in appeal.documents.all()] == [("minutes.pdf", "application/pdf")]
    assert [(e.action, e.actor, e.reason) for e in appeal.history.all()] == [
        (AppealAction.FILED, owner_a, "The assessors misread G3.")
    ]
    # The board members who may decide hear of it (not the one who rejected), and the owner.
    assert _send("appeal_filed") == {"board2@example.test", "owner-a@example.test"}
    assert "Alpha Cluster" in mail.outbox[0].subject


def test_an_editor_may_not_appeal(rejected, editor_a):
    with pytest.raises(PermissionDenied):
        _file(rejected, editor_a)


def test_another_organisations_owner_may_not_appeal(rejected, owner_b):
    with pytest.raises(PermissionDenied):
        _file(rejected, owner_b)


def test_after_the_period_the_appeal_is_refused(rejected, owner_a, settings):
    rejected.decided_at = timezone.now() - timedelta(days=settings.LABEL_APPEAL_DAYS, hours=1)
    rejected.save()

    with pytest.raises(AppealNotAllowed, match="period for an appeal ended"):
        _file(rejected, owner_a)


def test_the_period_is_configurable(rejected, owner_a, settings):
    settings.LABEL_APPEAL_DAYS = 60
    rejected.decided_at = timezone.now() - timedelta(days=45)
    rejected.save()

    assert _file(rejected, owner_a).status == AppealStatus.PENDING


def test_a_decision_is_appealed_once(rejected, owner_a):
    _file(rejected, owner_a)

    with pytest.raises(AppealNotAllowed, match="already been appealed"):
        _file(rejected, owner_a, reason="Again.")


def test_an_approval_cannot_be_appealed(approved, owner_a):
    with pytest.raises(AppealNotAllowed):
        _file(approved, owner_a)


def test_a_valid_label_cannot_be_appealed(label, owner_a):
    with pytest.raises(AppealNotAllowed):
        appeal_file(label=label, reason="Why not.", by=owner_a)


def test_the_grounds_are_required(rejected, owner_a):
    with pytest.raises(ValidationError) as error:
        _file(rejected, owner_a, reason="   ")

    assert "reason" in error.value.message_dict


def test_a_document_of_another_type_is_refused(rejected, owner_a):
    script = SimpleUploadedFile("grounds.pdf", b"#!/bin/sh\necho hi\n", content_type="application/pdf")

    with pytest.raises(ValidationError) as error:
        _file(rejected, owner_a, documents=[script])

    assert "documents" in error.value.message_dict


def test_at_most_five_documents(rejected, owner_a):
    with pytest.raises(ValidationError):
        _file(rejected, owner_a, documents=[pdf_upload(f"{n}.pdf") for n in range(6)])


# --- deciding ------------------------------------------------------------------------------------


def test_upheld_against_a_rejection_the_application_goes_back_to_the_board(rejected, owner_a, board2):
    appeal = _file(rejected, owner_a)

    appeal_decide(appeal=appeal, uphold=True, reason="G3 was misread.", by=board2)

    rejected.refresh_from_db()
    assert rejected.status == AssessmentStatus.RECOMMENDED
    assert rejected.decided_at is None and rejected.decision_reason == ""
    last = AssessmentEvent.objects.filter(assessment=rejected).last()
    assert (last.from_status, last.to_status, last.actor) == ("rejected", "recommended", board2)
    assert "G3 was misread." in last.note
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and appeal.decided_by == board2
    assert [e.action for e in appeal.history.all()] == [AppealAction.FILED, AppealAction.UPHELD]


def test_the_owner_and_the_board_member_who_decided_hear_of_the_decision(rejected, owner_a, board_member, board2):
    appeal = _file(rejected, owner_a)

    appeal_decide(appeal=appeal, uphold=False, reason="The values stand.", by=board2)

    assert _send("appeal_decided") == {"owner-a@example.test", "board@example.test"}
    assert "The values stand." in mail.outbox[0].body


def test_dismissed_the_rejection_stands(rejected, owner_a, board2):
    appeal = _file(rejected, owner_a)

    appeal_decide(appeal=appeal, uphold=False, reason="The values stand.", by=board2)

    rejected.refresh_from_db()
    assert rejected.status == AssessmentStatus.REJECTED
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.DISMISSED


def test_the_board_member_who_rejected_does_not_decide_the_appeal(rejected, owner_a, board_member):
    appeal = _file(rejected, owner_a)

    with pytest.raises(PermissionDenied, match="took the decision"):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes.", by=board_member)


def test_a_board_member_who_assessed_it_does_not_decide(rejected, owner_a, assessor):
    assessor.is_board_member = True
    assessor.save()
    appeal = _file(rejected, owner_a)

    with pytest.raises(PermissionDenied, match="assessed"):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes.", by=assessor)


def test_a_board_member_with_a_conflict_does_not_decide(rejected, owner_a, board2, org_a):
    board2.declared_conflicts.add(org_a)
    appeal = _file(rejected, owner_a)

    with pytest.raises(PermissionDenied, match="conflict of interest"):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes.", by=board2)


def test_someone_outside_the_board_does_not_decide(rejected, owner_a, staff_user):
    appeal = _file(rejected, owner_a)

    with pytest.raises(PermissionDenied):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes.", by=staff_user)


def test_an_appeal_is_decided_once(rejected, owner_a, board2):
    appeal = _file(rejected, owner_a)
    appeal_decide(appeal=appeal, uphold=False, reason="No.", by=board2)

    with pytest.raises(AppealNotAllowed, match="already been decided"):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes after all.", by=UserFactory(is_board_member=True))


# --- suspensions and revocations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "kind"), [(label_records.label_suspend, "suspension"), (label_records.label_revoke, "revocation")]
)
def test_upheld_against_a_suspension_or_revocation_the_label_is_valid_again(
    label, owner_a, board_member, board2, change, kind
):
    change(label=label, reason="Complaint.", by=board_member)
    label.refresh_from_db()

    appeal = appeal_file(label=label, reason="The complaint was false.", by=owner_a)
    assert appeal.kind == kind and appeal.label == label
    appeal_decide(appeal=appeal, uphold=True, reason="The complaint was false.", by=board2)

    label.refresh_from_db()
    assert label.state == LabelState.VALID
    assert label.public_reason == ""
    last = label.history.last()
    assert (last.action, last.actor, last.reason) == (LabelAction.REINSTATED, board2, "The complaint was false.")


def test_a_label_reinstated_meanwhile_has_nothing_to_restore(label, owner_a, board_member, board2):
    label_records.label_suspend(label=label, reason="Complaint.", by=board_member)
    label.refresh_from_db()
    appeal = appeal_file(label=label, reason="False complaint.", by=owner_a)
    label_records.label_reinstate(label=label, reason="Cleared.", by=board_member)

    with pytest.raises(AppealNotAllowed):
        appeal_decide(appeal=appeal, uphold=True, reason="Yes.", by=board2)


def test_a_suspension_then_a_revocation_are_two_decisions(label, owner_a, board_member):
    label_records.label_suspend(label=label, reason="Complaint.", by=board_member)
    label.refresh_from_db()
    appeal_file(label=label, reason="False complaint.", by=owner_a)
    label_records.label_revoke(label=label, reason="Confirmed.", by=board_member)
    label.refresh_from_db()

    assert appeal_file(label=label, reason="Still false.", by=owner_a).kind == AppealKind.REVOCATION
