"""Completion records: issued once a learner completed every lesson and passed the quiz; the PDF is
rendered by a background job and carries a public verification link."""

import io

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from clusterexcellence.errors import StateConflict
from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import Job, JobStatus

from . import permissions
from .models import CompletionRecord, Module, QuizAttempt
from .progress import module_progress


class ModuleNotCompleted(StateConflict):
    """The learner has not completed every lesson or not passed the quiz yet."""


def record_job(record: CompletionRecord) -> Job | None:
    """The latest rendering job of the record."""
    from .tasks import render_completion_record

    return (
        Job.objects.filter(
            content_type=ContentType.objects.get_for_model(CompletionRecord),
            object_id=str(record.pk),
            kind=render_completion_record.name,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def completion_record_request(*, user, module: Module) -> CompletionRecord:
    """Issue the learner's record of the module (once) and have its PDF rendered unless it exists."""
    from .tasks import render_completion_record

    if not permissions.can_learn(user):
        raise PermissionDenied(_("Sign in to get a completion record."))
    progress = module_progress(user, module)
    if not progress.lessons_complete:
        raise ModuleNotCompleted(
            _("Mark every lesson of this module complete first (%(done)s of %(total)s so far).")
            % {"done": progress.lessons_done, "total": progress.lessons_total}
        )
    if not progress.passed:
        raise ModuleNotCompleted(
            _("Pass the module's quiz first (at least %(mark)s %% correct).") % {"mark": module.passing_percent}
        )
    best = QuizAttempt.objects.filter(user=user, module=module, passed=True).aggregate(best=Max("score_percent"))
    with transaction.atomic():
        try:
            with transaction.atomic():
                record, _created = CompletionRecord.objects.get_or_create(
                    user=user,
                    module=module,
                    defaults={
                        "learner_name": (user.get_full_name() or user.email)[:200],
                        "module_title": module.title_i18n[:200],
                        "score_percent": best["best"],
                    },
                )
        except IntegrityError:  # a second request issued it a moment ago
            record = CompletionRecord.objects.get(user=user, module=module)
        job = record_job(record)
        waiting = job is not None and job.status in (JobStatus.PENDING, JobStatus.RUNNING)
        if not record.pdf and not waiting:
            job_enqueue(render_completion_record, target=record, by=user)
    return record


def completion_record_render(*, record: CompletionRecord) -> dict:
    """Render and store the record's PDF; a record that has one already is left as it is."""
    if record.pdf:
        return {"skipped": True}
    import qrcode
    import qrcode.image.svg

    from clusterexcellence.pdf import render_pdf  # WeasyPrint loads only where PDFs are rendered

    verify_url = settings.SITE_URL + record.get_verification_url()
    qr = io.BytesIO()
    qrcode.make(verify_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=0).save(qr)
    # The worker has no request: the record is written in the learner's language.
    with translation.override(record.user.preferred_language):
        pdf = render_pdf(
            "training/pdf/completion_record.html",
            {
                "record": record,
                "module": record.module,
                "objectives": record.module.objectives_list,
                "verify_url": verify_url,
                "qr_svg": qr.getvalue().decode().split("?>", 1)[-1],
            },
        )
    record.pdf.save(f"completion-{record.public_id}.pdf", ContentFile(pdf), save=False)
    CompletionRecord.objects.filter(pk=record.pk, pdf="").update(pdf=record.pdf.name)
    return {"bytes": len(pdf)}
