"""Who hears of which assessment event: one e-mail per person, rendered from the templates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from labels import transitions
from labels.notifications import notify_event
from tests.factories import UserFactory

from .conftest import verify_all

YESTERDAY = timezone.localdate() - timedelta(days=1)


def recipients() -> set[str]:
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees who else was told
    return {message.to[0] for message in mail.outbox}


@pytest.fixture
def everyone(owner_a, editor_a, viewer_a, owner_b, staff_user, board_member, assessor, assessor2, club_member):
    """Every persona exists, so that each test shows who is left out as well as who is told."""


def test_a_submission_tells_the_secretariat_and_the_organisations_editors(submitted, everyone):
    notify_event("submitted", submitted.pk)

    assert recipients() == {"staff@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert mail.outbox[0].subject == "Alpha Cluster submitted its Gold self-assessment"
    assert submitted.get_absolute_url() in mail.outbox[0].body


def test_inactive_staff_are_not_told(submitted, everyone):
    UserFactory(email="gone@example.test", is_staff=True, is_active=False)

    notify_event("submitted", submitted.pk)

    assert "gone@example.test" not in recipients()


def test_members_who_left_are_not_told(submitted, everyone, editor_a):
    editor_a.memberships.update(left_at=timezone.now())

    notify_event("submitted", submitted.pk)

    assert "editor-a@example.test" not in recipients()


def test_an_assignment_tells_the_assessors_and_the_organisation(in_review, everyone):
    mail.outbox.clear()

    notify_event("assigned", in_review.pk)

    assert recipients() == {
        "assessor@example.test",
        "assessor2@example.test",
        "owner-a@example.test",
        "editor-a@example.test",
    }
    assert mail.outbox[0].subject == "Assessors assigned: Alpha Cluster"


def test_a_clarification_tells_the_organisation_what_to_change(in_review, everyone, assessor):
    transitions.clarification_request(
        assessment=in_review,
        indicators=list(in_review.framework.indicators.filter(code__in=["S1", "F2"])),
        message="Please send the signed agreements.",
        by=assessor,
    )
    mail.outbox.clear()

    notify_event("clarification", in_review.pk)

    assert recipients() == {"owner-a@example.test", "editor-a@example.test"}
    body = mail.outbox[0].body
    assert "S1, F2" in body
    assert "Please send the signed agreements." in body


def test_a_resubmission_tells_the_assessors(in_review, everyone, assessor, owner_a):
    transitions.clarification_request(
        assessment=in_review, indicators=[in_review.framework.indicators.get(code="S1")], message="?", by=assessor
    )
    transitions.clarification_answer(assessment=in_review, by=owner_a)
    mail.outbox.clear()

    notify_event("resubmitted", in_review.pk)

    assert recipients() == {"assessor@example.test", "assessor2@example.test"}


def test_a_recommendation_tells_the_board_and_the_organisation(recommended, everyone):
    mail.outbox.clear()

    notify_event("recommended", recommended.pk)

    assert recipients() == {"board@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert mail.outbox[0].subject.startswith("Recommendation ready for the board")


def test_a_board_member_who_assessed_it_is_not_asked_to_decide(submitted, everyone, staff_user, assessor):
    both = UserFactory(email="both@example.test", is_assessor=True, is_board_member=True)
    transitions.assessment_assign(assessment=submitted, assessors=[assessor, both], by=staff_user)
    transitions.interview_record(assessment=submitted, on=YESTERDAY, by=assessor)
    verify_all(submitted, assessor)
    for person in (assessor, both):
        transitions.assessment_recommend(assessment=submitted, level="gold", summary="Yes.", by=person)
    mail.outbox.clear()

    notify_event("recommended", submitted.pk)

    assert "both@example.test" not in recipients()
    assert "board@example.test" in recipients()


def test_a_decision_tells_the_organisation_and_the_assessors(recommended, everyone, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All criteria met.", by=board_member)
    mail.outbox.clear()

    notify_event("decided", recommended.pk)

    assert recipients() == {
        "owner-a@example.test",
        "editor-a@example.test",
        "assessor@example.test",
        "assessor2@example.test",
    }
    assert mail.outbox[0].subject == "Label decision: Alpha Cluster"
    assert "approved the Gold label for Alpha Cluster" in mail.outbox[0].body
    assert "All criteria met." in mail.outbox[0].body


def test_a_rejection_says_so(recommended, everyone, board_member):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="Evidence missing.", by=board_member)
    mail.outbox.clear()

    notify_event("decided", recommended.pk)

    assert "has not approved a label for Alpha Cluster" in mail.outbox[0].body


def test_the_transition_sends_the_emails_once_committed(draft, everyone, owner_a, django_capture_on_commit_callbacks):
    from .conftest import fill_answers

    fill_answers(draft, owner_a)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.assessment_submit(assessment=draft, by=owner_a)

    assert recipients() == {"staff@example.test", "owner-a@example.test", "editor-a@example.test"}
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("event", ["submitted", "assigned", "recommended", "decided"])
def test_viewers_outsiders_and_other_organisations_are_never_told(recommended, everyone, board_member, event):
    if event == "decided":
        transitions.assessment_decide(assessment=recommended, approve=True, reason="Yes.", by=board_member)
    mail.outbox.clear()

    notify_event(event, recommended.pk)

    assert not recipients() & {"viewer-a@example.test", "owner-b@example.test", "member@example.test"}
