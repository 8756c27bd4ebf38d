"""Who hears of which assessment event: one e-mail per person, rendered from the templates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from clusterexcellence.models import Notification
from clusterexcellence.notifications import notification_send
from labels import transitions
from tests.factories import UserFactory

from .conftest import verify_all

YESTERDAY = timezone.localdate() - timedelta(days=1)


def send(event: str) -> None:
    """Deliver what the transitions recorded for `event` (their jobs only run after a commit)."""
    for notification in Notification.objects.filter(kind=f"labels.{event}"):
        notification_send(notification)


def recipients() -> set[str]:
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees who else was told
    return {message.to[0] for message in mail.outbox}


@pytest.fixture
def everyone(owner_a, editor_a, viewer_a, owner_b, staff_user, board_member, assessor, assessor2, club_member):
    """Every persona exists, so that each test shows who is left out as well as who is told."""


def test_a_submission_tells_the_secretariat_and_the_organisations_editors(everyone, submitted):
    send("submitted")

    assert recipients() == {"staff@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert mail.outbox[0].subject == "Alpha Cluster submitted its Gold self-assessment"
    assert submitted.get_absolute_url() in mail.outbox[0].body


def test_inactive_staff_are_not_told(everyone, submitted):
    UserFactory(email="gone@example.test", is_staff=True, is_active=False)

    send("submitted")

    assert "gone@example.test" not in recipients()


def test_members_who_left_are_not_told(everyone, draft, owner_a, editor_a):
    from .conftest import fill_answers

    editor_a.memberships.update(left_at=timezone.now())
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)

    send("submitted")

    assert "editor-a@example.test" not in recipients()


def test_a_notification_is_sent_once_however_often_it_is_sent(everyone, submitted):
    send("submitted")
    send("submitted")

    assert len(mail.outbox) == 3


def test_each_recipient_reads_it_in_their_own_language(everyone, draft, owner_a, editor_a):
    from .conftest import fill_answers

    editor_a.language = "de"
    editor_a.save()
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)

    send("submitted")

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["owner-a@example.test"] == "Alpha Cluster submitted its Gold self-assessment"
    assert subjects["editor-a@example.test"] != subjects["owner-a@example.test"]


def test_an_assignment_tells_the_assessors_and_the_organisation(everyone, in_review):
    mail.outbox.clear()

    send("assigned")

    assert recipients() == {
        "assessor@example.test",
        "assessor2@example.test",
        "owner-a@example.test",
        "editor-a@example.test",
    }
    assert mail.outbox[0].subject == "Assessors assigned: Alpha Cluster"


def test_a_clarification_tells_the_organisation_what_to_change(everyone, in_review, assessor):
    transitions.clarification_request(
        assessment=in_review,
        indicators=list(in_review.framework.indicators.filter(code__in=["S1", "F2"])),
        message="Please send the signed agreements.",
        by=assessor,
    )
    mail.outbox.clear()

    send("clarification")

    assert recipients() == {"owner-a@example.test", "editor-a@example.test"}
    body = mail.outbox[0].body
    assert "S1, F2" in body
    assert "Please send the signed agreements." in body


def test_a_resubmission_tells_the_assessors(everyone, in_review, assessor, owner_a):
    transitions.clarification_request(
        assessment=in_review, indicators=[in_review.framework.indicators.get(code="S1")], message="?", by=assessor
    )
    transitions.clarification_answer(assessment=in_review, by=owner_a)
    mail.outbox.clear()

    send("resubmitted")

    assert recipients() == {"assessor@example.test", "assessor2@example.test"}


def test_a_recommendation_tells_the_board_and_the_organisation(everyone, recommended):
    mail.outbox.clear()

    send("recommended")

    assert recipients() == {"board@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert mail.outbox[0].subject.startswith("Recommendation ready for the board")


def test_a_board_member_who_assessed_it_is_not_asked_to_decide(everyone, submitted, staff_user, assessor):
    both = UserFactory(email="both@example.test", is_assessor=True, is_board_member=True)
    transitions.assessment_assign(assessment=submitted, assessors=[assessor, both], by=staff_user)
    transitions.interview_record(assessment=submitted, on=YESTERDAY, by=assessor)
    verify_all(submitted, assessor)
    for person in (assessor, both):
        transitions.assessment_recommend(assessment=submitted, level="gold", summary="Yes.", by=person)
    mail.outbox.clear()

    send("recommended")

    assert "both@example.test" not in recipients()
    assert "board@example.test" in recipients()


def test_a_decision_tells_the_organisation_and_the_assessors(everyone, recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All criteria met.", by=board_member)
    mail.outbox.clear()

    send("decided")

    assert recipients() == {
        "owner-a@example.test",
        "editor-a@example.test",
        "assessor@example.test",
        "assessor2@example.test",
    }
    assert mail.outbox[0].subject == "Label decision: Alpha Cluster"
    assert "approved the Gold label for Alpha Cluster" in mail.outbox[0].body
    assert "All criteria met." in mail.outbox[0].body


def test_a_rejection_says_so(everyone, recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="Evidence missing.", by=board_member)
    mail.outbox.clear()

    send("decided")

    assert "has not approved a label for Alpha Cluster" in mail.outbox[0].body


def test_the_transition_sends_the_emails_once_committed(everyone, draft, owner_a, django_capture_on_commit_callbacks):
    from .conftest import fill_answers

    fill_answers(draft, owner_a)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.assessment_submit(assessment=draft, by=owner_a)

    assert recipients() == {"staff@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("event", ["submitted", "assigned", "recommended", "decided"])
def test_viewers_outsiders_and_other_organisations_are_never_told(everyone, recommended, board_member, event):
    if event == "decided":
        transitions.assessment_decide(assessment=recommended, approve=True, reason="Yes.", by=board_member)
    mail.outbox.clear()

    send(event)

    assert not recipients() & {"viewer-a@example.test", "owner-b@example.test", "member@example.test"}
