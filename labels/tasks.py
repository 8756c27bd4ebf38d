"""Background work of the label process; thin: load by id, call the domain function."""

from celery import shared_task

from clusterexcellence.jobs import job_run
from clusterexcellence.tasks import TASK_OPTIONS

from .assessment_scores import provisional_scores_store
from .models import Assessment


def _score(job) -> dict:
    assessment = Assessment.objects.select_related("framework").get(pk=job.object_id)
    result = provisional_scores_store(assessment)
    return {"gold_score": str(result.gold_score), "counts": result.counts()}


@shared_task(**TASK_OPTIONS)
def score_assessment(job_id: int) -> None:
    """Compute the provisional ratings and score of a submitted assessment."""
    job_run(job_id, _score)


def _certificate(job) -> dict:
    from .certificates import certificate_render
    from .models import Label

    label = Label.objects.select_related("organisation", "assessment").get(pk=job.object_id)
    return certificate_render(label=label)


@shared_task(**TASK_OPTIONS)
def render_certificate(job_id: int) -> None:
    """Render (or render again) a label's certificate PDF; one file per label."""
    job_run(job_id, _certificate)


def _assessment_report(job) -> dict:
    from .assessment_report import report_render

    assessment = Assessment.objects.select_related("organisation", "framework").get(pk=job.object_id)
    language = job.created_by.preferred_language if job.created_by_id else "en"
    return report_render(assessment=assessment, language=language)


@shared_task(**TASK_OPTIONS)
def render_assessment_report(job_id: int) -> None:
    """Render (or render again) a decided assessment's report PDF; one file per assessment."""
    job_run(job_id, _assessment_report)


EXPIRY_REMINDERS = "labels.tasks.send_expiry_reminders"


@shared_task(**TASK_OPTIONS)
def send_expiry_reminders(job_id: int | None = None) -> None:
    """Beat calls it daily without a job; each run is then a job row staff can see. Running it twice
    sends nothing twice (one reminder per label, key and person)."""
    from clusterexcellence.models import Job

    from .label_reminders import label_reminders_send

    if job_id is None:
        job_id = Job.objects.create(kind=EXPIRY_REMINDERS).pk
    job_run(job_id, lambda job: {"reminders": label_reminders_send()})
