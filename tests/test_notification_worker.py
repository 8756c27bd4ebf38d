"""A real worker sends a notification once, however often its task is delivered: a redelivery of
the finished task does nothing, and a rerun of the job (as after a lost worker) finds nothing left
to send. The worker writes its e-mails to files, so the count is what really left the process."""

import pytest

from accounts.memberships import invitation_create
from clusterexcellence.jobs import job_enqueue, job_latest
from clusterexcellence.models import DeliveryStatus, Job, JobStatus, Notification
from clusterexcellence.tasks import heartbeat, send_notification

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

COLLEAGUE = "colleague@example.test"


def processed_everything_before(celery_worker) -> None:
    """The worker takes one task at a time in order: once a later job is done, the earlier ones are."""
    assert celery_worker.wait_for(job_enqueue(heartbeat)).status == JobStatus.DONE


def test_a_redelivered_notification_task_sends_nothing_twice(celery_worker, org_a, owner_a):
    invitation = invitation_create(organisation=org_a, email=COLLEAGUE, role="editor", by=owner_a)
    job = job_latest(Notification.objects.get(kind="accounts.invitation"), kind=send_notification.name)

    assert celery_worker.wait_for(job).status == JobStatus.DONE, job.error
    (email,) = celery_worker.sent_emails(to=COLLEAGUE)
    assert f"/invitations/{invitation.token}/" in email

    send_notification.delay(job.pk)  # the broker delivers the same task again
    processed_everything_before(celery_worker)
    assert len(celery_worker.sent_emails(to=COLLEAGUE)) == 1

    # The job run again from the start, as when its worker died before recording the outcome.
    Job.objects.filter(pk=job.pk).update(status=JobStatus.PENDING)
    send_notification.delay(job.pk)
    job = celery_worker.wait_for(job)
    assert job.status == JobStatus.DONE
    assert job.result == {"sent": 0, "failed": 0}
    assert len(celery_worker.sent_emails(to=COLLEAGUE)) == 1
    delivery = Notification.objects.get(kind="accounts.invitation").deliveries.get()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 1
