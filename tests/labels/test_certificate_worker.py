"""A real Celery worker renders a label's certificate; a repeated delivery of the same job does
nothing twice, and a second job renders the same one file again (the worker has its own media
folder, so the file itself is checked in tests/labels/views/test_certificate_download.py)."""

import pytest

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import JobStatus
from labels.certificates import certificate_path
from labels.models import Label
from labels.tasks import render_certificate
from tests.factories import MembershipFactory, UserFactory, assessment_in

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_renders_one_certificate_per_label(celery_worker):
    owner = MembershipFactory(role="owner").user
    assessment = assessment_in(
        "approved",
        organisation=owner.memberships.get().organisation,
        owner=owner,
        staff=UserFactory(is_staff=True),
        assessors=[UserFactory(is_assessor=True), UserFactory(is_assessor=True)],
        board=UserFactory(is_board_member=True),
    )
    label = Label.objects.get(assessment=assessment)

    first = celery_worker.wait_for(job_enqueue(render_certificate, target=label))
    render_certificate.delay(first.pk)  # the same job delivered again: nothing to do
    second = celery_worker.wait_for(job_enqueue(render_certificate, target=label))

    assert (first.status, second.status) == (JobStatus.DONE, JobStatus.DONE), (first.error, second.error)
    assert first.result["path"] == second.result["path"] == certificate_path(label)  # one name, overwritten
    label.refresh_from_db()
    assert label.certificate.name == certificate_path(label)
