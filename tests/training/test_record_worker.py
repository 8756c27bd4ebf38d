"""A real Celery worker renders a completion record's PDF from Redis into PostgreSQL and the media store."""

import pytest

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import JobStatus
from tests.factories import ModuleFactory, UserFactory
from training.models import CompletionRecord
from training.tasks import render_completion_record

pytest_plugins = ["tests.fixtures_worker"]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_renders_the_record_once(celery_worker):
    record = CompletionRecord.objects.create(
        user=UserFactory(),
        module=ModuleFactory(),
        learner_name="Ines Lehmann",
        module_title="Strategy",
        score_percent=90,
    )

    job = celery_worker.wait_for(job_enqueue(render_completion_record, target=record))

    assert job.status == JobStatus.DONE, job.error
    record.refresh_from_db()
    assert record.pdf.name.endswith(".pdf")
    again = celery_worker.wait_for(job_enqueue(render_completion_record, target=record))
    assert again.result == {"skipped": True}
