"""A real Celery worker renders a decided assessment's report; a repeated delivery of the same job
does nothing twice, and a second job renders the same one file again."""

import pytest

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import JobStatus
from labels.assessment_report import report_path
from labels.tasks import render_assessment_report
from tests.factories import MembershipFactory, UserFactory, assessment_in

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_renders_one_report_per_assessment(celery_worker):
    owner = MembershipFactory(role="owner").user
    assessment = assessment_in(
        "approved",
        organisation=owner.memberships.get().organisation,
        owner=owner,
        staff=UserFactory(is_staff=True),
        assessors=[UserFactory(is_assessor=True), UserFactory(is_assessor=True)],
        board=UserFactory(is_board_member=True),
    )

    first = celery_worker.wait_for(job_enqueue(render_assessment_report, target=assessment, by=owner))
    render_assessment_report.delay(first.pk)  # the same job delivered again: nothing to do
    second = celery_worker.wait_for(job_enqueue(render_assessment_report, target=assessment, by=owner))

    assert (first.status, second.status) == (JobStatus.DONE, JobStatus.DONE), (first.error, second.error)
    assert first.result["path"] == second.result["path"] == report_path(assessment)  # one name, overwritten
