"""Expiry reminders: 6 months and 1 month before a label's last day, once each, to the owners in
their language; suspended, revoked and expired labels get none."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from labels.label_records import label_suspend
from labels.label_reminders import label_reminders_send
from labels.models import Label
from labels.tasks import send_expiry_reminders
from tests.factories import MembershipFactory
from tests.labels import built_fixtures

draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended


@pytest.fixture
def label(recommended, board_member):
    from labels import transitions

    return transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member).label


def _ends_in(label, days):
    Label.objects.filter(pk=label.pk).update(valid_until=timezone.localdate() + timedelta(days=days))


def _run(capture):
    with capture(execute=True):
        return label_reminders_send()


def test_a_label_ending_within_six_months_reminds_the_owners_once(
    label, owner_a, editor_a, django_capture_on_commit_callbacks
):
    _ends_in(label, 150)

    assert _run(django_capture_on_commit_callbacks) == 1
    assert _run(django_capture_on_commit_callbacks) == 0

    assert [m.to for m in mail.outbox] == [[owner_a.email]]
    assert "expires in 6 months" in mail.outbox[0].subject
    assert label.certificate_number in mail.outbox[0].body


def test_the_one_month_reminder_follows_once(label, owner_a, django_capture_on_commit_callbacks):
    _ends_in(label, 150)
    _run(django_capture_on_commit_callbacks)
    _ends_in(label, 20)

    assert _run(django_capture_on_commit_callbacks) == 1
    assert _run(django_capture_on_commit_callbacks) == 0
    assert [m.subject for m in mail.outbox][-1].startswith("Your Gold label expires in a month")
    assert len(mail.outbox) == 2


def test_owners_read_it_in_their_language(label, org_a, django_capture_on_commit_callbacks):
    german = MembershipFactory(organisation=org_a, role="owner", user__language="de").user
    _ends_in(label, 20)

    _run(django_capture_on_commit_callbacks)

    (message,) = [m for m in mail.outbox if m.to == [german.email]]
    assert "Ihr" in message.subject or "läuft" in message.subject


def test_labels_far_from_their_end_or_no_longer_valid_get_none(
    label, owner_a, board_member, django_capture_on_commit_callbacks
):
    assert _run(django_capture_on_commit_callbacks) == 0  # 24 months left
    _ends_in(label, 20)
    label_suspend(label=label, reason="Review.", by=board_member)
    assert _run(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_the_beat_task_records_its_run_as_a_job(label, owner_a, django_capture_on_commit_callbacks):
    from clusterexcellence.models import Job

    _ends_in(label, 150)
    with django_capture_on_commit_callbacks(execute=True):
        send_expiry_reminders()

    job = Job.objects.get(kind="labels.tasks.send_expiry_reminders")
    assert (job.status, job.result) == ("done", {"reminders": 1})


def test_the_owners_hear_of_a_suspension_and_a_revocation_with_the_reason(
    label, owner_a, editor_a, board_member, django_capture_on_commit_callbacks
):
    from labels.label_records import label_revoke

    with django_capture_on_commit_callbacks(execute=True):
        label_suspend(label=label, reason="Complaint under review.", by=board_member)
    with django_capture_on_commit_callbacks(execute=True):
        label_revoke(label=label, reason="False statements.", by=board_member)

    assert [m.to for m in mail.outbox] == [[owner_a.email], [owner_a.email]]
    assert "is suspended" in mail.outbox[0].subject
    assert "Complaint under review." in mail.outbox[0].body
    assert "is revoked" in mail.outbox[1].subject
