"""Background jobs of every app: the status fragment pages poll, and the secretariat's page of
failed jobs and undelivered e-mails with their retry buttons."""

from celery import current_app
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..jobs import job_send_again
from ..models import DeliveryStatus, Job, JobStatus, NotificationDelivery
from ..notifications import delivery_retry as delivery_requeue
from ..permissions import can_repair_jobs, can_watch_job
from ..registry import job_kind, job_target_querysets
from ..templatetags.jobs import job_status_context

FAILED_SHOWN = 50
JOB_COLUMNS = [
    gettext_lazy("Kind"),
    gettext_lazy("Concerns"),
    gettext_lazy("State"),
    gettext_lazy("Attempts"),
    gettext_lazy("Error"),
    "",
]
DELIVERY_COLUMNS = [
    gettext_lazy("Notification"),
    gettext_lazy("Concerns"),
    gettext_lazy("Recipient"),
    gettext_lazy("Attempts"),
    gettext_lazy("Error"),
    "",
]


def job_status(request, public_id):
    """A job's status as an htmx fragment, for whoever may see it (404 for others)."""
    if not request.user.is_authenticated:
        if not request.htmx:
            return redirect_to_login(request.get_full_path())
        # 286 tells htmx to stop polling; a login page must not be swapped into the page.
        return HttpResponse(_("You have been signed out. Reload the page after signing in."), status=286)
    job = get_object_or_404(Job.objects.select_related("content_type"), public_id=public_id)
    if not can_watch_job(request.user, job):
        raise Http404
    if job.is_stalled:
        # Its worker died. Send it again: where tasks run in-process (no broker), this request runs it.
        job_send_again(job)
    return render(request, "partials/job_status.html", job_status_context(job))


def _require_repairer(user) -> None:
    if not can_repair_jobs(user):
        raise PermissionDenied(_("Only the secretariat can open this page."))


@login_required
def failed(request):
    """The latest failed and stalled jobs and undelivered e-mails of every app, with a retry button each."""
    _require_repairer(request.user)
    targets = job_target_querysets()
    jobs = (
        Job.objects.filter(Q(status=JobStatus.FAILED) | Q(pk__in=Job.objects.stalled().values("pk")))
        .select_related("content_type")
        # Each kind of target in one query, with what its name needs (registered by its app).
        .prefetch_related(GenericPrefetch("target", targets))
        .order_by("-status", "-finished_at", "-pk")[:FAILED_SHOWN]
    )
    deliveries = (
        NotificationDelivery.objects.filter(status=DeliveryStatus.FAILED)
        .select_related("notification__content_type")
        .prefetch_related(GenericPrefetch("notification__target", targets))
        .order_by("-created_at", "-pk")[:FAILED_SHOWN]
    )
    job_rows = [{"job": job, "kind": job_kind(job.kind)} for job in jobs]
    return render(
        request,
        "clusterexcellence/jobs/failed.html",
        {
            "job_rows": job_rows,
            "deliveries": list(deliveries),
            "job_columns": JOB_COLUMNS,
            "delivery_columns": DELIVERY_COLUMNS,
            "shown": FAILED_SHOWN,
        },
    )


@require_POST
@login_required
def job_retry(request, public_id):
    """Send a failed or stalled background job again."""
    _require_repairer(request.user)
    job = get_object_or_404(Job, public_id=public_id)
    if job.kind not in current_app.tasks:
        # A job of a task that no longer exists cannot run again; say so rather than fail.
        messages.error(request, _("The portal no longer knows this kind of job, so it cannot be retried."))
    elif job_send_again(job):
        messages.success(request, _("The job was sent again."))
    else:
        messages.info(request, _("This job is no longer failed or stalled; nothing was retried."))
    return redirect("jobs_failed")


@require_POST
@login_required
def delivery_retry(request, public_id):
    """Send an e-mail that could not be delivered again."""
    _require_repairer(request.user)
    delivery = get_object_or_404(NotificationDelivery, public_id=public_id)
    if delivery.status != DeliveryStatus.FAILED:
        messages.info(request, _("This e-mail is no longer failed; nothing was retried."))
    else:
        delivery_requeue(delivery)
        messages.success(request, _("The e-mail was put back in the queue."))
    return redirect("jobs_failed")
