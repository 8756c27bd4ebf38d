"""The provisional scoring job: idempotent, guarded against repeated delivery, failures recorded on
the job row; and once on a real Celery worker on Redis and PostgreSQL."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import Job, JobStatus
from clusterexcellence.tasks import heartbeat
from labels import answers, transitions
from labels.assessment_scores import provisional_scores_store
from labels.models import Answer, Assessment
from labels.tasks import score_assessment

from .conftest import fill_answers

pytest_plugins = ["tests.fixtures_worker"]


def yellow_for_money(indicator):
    """Green everywhere except the financing area, which is only yellow."""
    return indicator.yellow if indicator.code.startswith("F") else indicator.green


def score_job(assessment) -> Job:
    return Job.objects.get(
        content_type=ContentType.objects.get_for_model(Assessment),
        object_id=str(assessment.pk),
        kind=score_assessment.name,
    )


def snapshot(assessment):
    assessment = Assessment.objects.get(pk=assessment.pk)
    ratings = sorted(Answer.objects.filter(assessment=assessment).values_list("indicator__code", "provisional_rating"))
    return assessment.provisional_score, ratings


@pytest.fixture
def submitted_unscored(draft, owner_a, django_capture_on_commit_callbacks):
    """Submitted, with the score job waiting: its delivery is dropped so the test runs it by hand."""
    fill_answers(draft, owner_a, value_for=yellow_for_money)
    with django_capture_on_commit_callbacks():
        transitions.assessment_submit(assessment=draft, by=owner_a)
    return draft


def test_the_job_stores_the_provisional_ratings_and_score(submitted_unscored):
    job = score_job(submitted_unscored)
    assert job.status == JobStatus.PENDING

    score_assessment(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert (job.progress, job.attempts, job.error) == (100, 1, "")
    # The six financing indicators are yellow: their 14 of the 70 Gold points are lost.
    assert job.result == {"gold_score": "80.0", "counts": {"red": 0, "yellow": 6, "green": 30}}
    score, ratings = snapshot(submitted_unscored)
    assert score == Decimal("80.0")
    assert dict(ratings)["F1"] == "yellow"
    assert dict(ratings)["S1"] == "green"


def test_a_second_delivery_does_nothing(submitted_unscored):
    job = score_job(submitted_unscored)
    score_assessment(job.pk)
    job.refresh_from_db()
    finished_at, before = job.finished_at, snapshot(submitted_unscored)

    assert score_assessment(job.pk) is None  # the status guard: DONE is not PENDING

    job.refresh_from_db()
    assert (job.status, job.attempts, job.finished_at) == (JobStatus.DONE, 1, finished_at)
    assert snapshot(submitted_unscored) == before


def test_running_the_scoring_twice_changes_nothing(submitted_unscored):
    provisional_scores_store(submitted_unscored)
    first = snapshot(submitted_unscored)

    provisional_scores_store(Assessment.objects.get(pk=submitted_unscored.pk))

    assert snapshot(submitted_unscored) == first


def test_a_second_job_for_the_same_assessment_gives_the_same_result(submitted_unscored, owner_a):
    score_assessment(score_job(submitted_unscored).pk)
    first = snapshot(submitted_unscored)
    again = job_enqueue(score_assessment, target=submitted_unscored, by=owner_a)

    score_assessment(again.pk)

    again.refresh_from_db()
    assert again.status == JobStatus.DONE
    assert snapshot(submitted_unscored) == first


def test_a_failure_is_recorded_on_the_job_row(submitted_unscored):
    job = score_job(submitted_unscored)
    Assessment.objects.filter(pk=submitted_unscored.pk).delete()  # gone before the worker got to it

    score_assessment(job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "does not exist" in job.error
    assert job.finished_at is not None


def test_a_failed_job_is_not_run_again_by_a_repeated_delivery(submitted_unscored):
    job = score_job(submitted_unscored)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="Earlier failure.")

    score_assessment(job.pk)

    job.refresh_from_db()
    assert (job.status, job.error, job.attempts) == (JobStatus.FAILED, "Earlier failure.", 0)
    assert Assessment.objects.get(pk=submitted_unscored.pk).provisional_score is None


def test_a_resubmission_scores_the_changed_values(in_review, assessor, owner_a, django_capture_on_commit_callbacks):
    indicator = in_review.framework.indicators.get(code="S6")
    transitions.clarification_request(assessment=in_review, indicators=[indicator], message="?", by=assessor)
    answers.answer_save(assessment=in_review, indicator=indicator, value="10", by=owner_a)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.clarification_answer(assessment=in_review, by=owner_a)

    assert Assessment.objects.get(pk=in_review.pk).provisional_score == Decimal("95.7")


# On a real worker


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_scores_a_submitted_assessment(celery_worker, draft, owner_a):
    fill_answers(draft, owner_a, value_for=yellow_for_money)

    transitions.assessment_submit(assessment=draft, by=owner_a)  # committed: the job goes to Redis
    job = celery_worker.wait_for(score_job(draft))

    assert job.status == JobStatus.DONE, job.error
    assert job.attempts == 1
    score, ratings = snapshot(draft)
    assert score == Decimal("80.0")
    assert dict(ratings)["F1"] == "yellow"

    # A repeated delivery reaches the worker too, and the status guard makes it a no-op.
    finished_at = job.finished_at
    score_assessment.delay(job.pk)
    marker = celery_worker.wait_for(job_enqueue(heartbeat))  # one queue, one process: runs after the repeat
    assert marker.status == JobStatus.DONE
    job.refresh_from_db()
    assert (job.status, job.attempts, job.finished_at) == (JobStatus.DONE, 1, finished_at)
