"""The platform's dashboard section: failed background work, for the secretariat to repair."""

from .models import DeliveryStatus, Job, JobStatus, NotificationDelivery


def failed_work_load(request) -> dict | None:
    """Counts of failed jobs and undelivered e-mails; the section is left out when both are zero."""
    jobs = (Job.objects.filter(status=JobStatus.FAILED) | Job.objects.stalled()).count()
    deliveries = NotificationDelivery.objects.filter(status=DeliveryStatus.FAILED).count()
    if not jobs and not deliveries:
        return None
    return {"jobs": jobs, "deliveries": deliveries}
