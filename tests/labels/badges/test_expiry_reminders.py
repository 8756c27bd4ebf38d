"""Expiry reminders: the owners hear 6 months and 1 month before the label's last day, in their
language, once each, from the daily beat task (run in-process here); a rerun sends nothing twice."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from clusterexcellence.celery import app as celery_app
from clusterexcellence.models import Job, JobStatus
from labels import label_records
from labels.expiry_reminders import reminders_send
from labels.models import Label, LabelReminder
from labels.reminder_tasks import EXPIRY_REMINDERS, send_expiry_reminders
from labels.scoring import add_months
from tests.factories import MembershipFactory


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks):
    """run_jobs(fn) calls fn and then the work it scheduled after commit (the e-mails)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def _expiring_on(label, day):
    Label.objects.filter(pk=label.pk).update(valid_until=day)
    label.refresh_from_db()
    return label


def _sent():
    return [(message.to[0], message.subject) for message in mail.outbox]


def test_six_months_before_the_owners_hear_once(label, owner_a, editor_a, run_jobs):
    today = timezone.localdate()
    _expiring_on(label, add_months(today, 6))

    run_jobs(lambda: send_expiry_reminders())
    run_jobs(lambda: send_expiry_reminders())

    assert _sent() == [("owner-a@example.test", "The label of Alpha Cluster expires in 6 months")]
    assert label.valid_until.strftime("%Y") in mail.outbox[0].body
    assert label.get_absolute_url() in mail.outbox[0].body
    assert list(LabelReminder.objects.values_list("kind", flat=True)) == ["6m"]
    assert list(Job.objects.filter(kind=EXPIRY_REMINDERS).values_list("status", flat=True)) == [
        JobStatus.DONE, JobStatus.DONE,
    ]  # fmt: skip


def test_one_month_before_they_hear_again_once(label, owner_a, run_jobs):
    today = timezone.localdate()
    _expiring_on(label, add_months(today, 6))
    run_jobs(lambda: reminders_send(today=today))

    month_before = add_months(label.valid_until, -1)
    run_jobs(lambda: reminders_send(today=month_before))
    run_jobs(lambda: reminders_send(today=month_before + timedelta(days=3)))

    assert [subject for _to, subject in _sent()] == [
        "The label of Alpha Cluster expires in 6 months",
        "The label of Alpha Cluster expires in a month",
    ]
    assert sorted(LabelReminder.objects.values_list("kind", flat=True)) == ["1m", "6m"]


def test_inside_the_last_month_only_the_one_month_reminder_goes(label, owner_a, run_jobs):
    _expiring_on(label, timezone.localdate() + timedelta(days=10))

    assert run_jobs(lambda: reminders_send()) == 1
    assert run_jobs(lambda: reminders_send()) == 0

    assert [subject for _to, subject in _sent()] == ["The label of Alpha Cluster expires in a month"]


def test_every_owner_hears_in_their_own_language(label, owner_a, org_a, run_jobs):
    german = MembershipFactory(
        organisation=org_a, role="owner", user__email="inhaber@example.test", user__language="de"
    )
    _expiring_on(label, timezone.localdate() + timedelta(days=10))

    run_jobs(lambda: reminders_send())

    subjects = dict(_sent())
    assert subjects["owner-a@example.test"] == "The label of Alpha Cluster expires in a month"
    assert subjects[german.user.email] == "Das Label von Alpha Cluster läuft in einem Monat ab"


def test_far_from_expiry_nobody_hears(label, owner_a, run_jobs):
    assert run_jobs(lambda: reminders_send()) == 0  # a fresh label: 24 months to go

    assert mail.outbox == []


@pytest.mark.parametrize("change", [label_records.label_suspend, label_records.label_revoke])
def test_a_suspended_or_revoked_label_is_not_reminded_of(label, owner_a, board_member, change, run_jobs):
    change(label=label, reason="Complaint.", by=board_member)
    _expiring_on(label, timezone.localdate() + timedelta(days=10))

    assert run_jobs(lambda: reminders_send()) == 0


def test_an_expired_label_is_not_reminded_of(label, owner_a, run_jobs):
    _expiring_on(label, timezone.localdate() - timedelta(days=1))

    assert run_jobs(lambda: reminders_send()) == 0


def test_the_task_runs_daily_from_the_beat_schedule():
    entries = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]

    assert EXPIRY_REMINDERS in entries
    assert EXPIRY_REMINDERS in celery_app.tasks
