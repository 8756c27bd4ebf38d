"""Who may watch background jobs and look after the background work of the whole portal."""

from .registry import job_kind, job_target


def can_repair_jobs(user) -> bool:
    """The secretariat sees every failed job and undelivered e-mail, and sends them again."""
    return user.is_authenticated and user.is_staff


def can_watch_job(user, job) -> bool:
    """Staff always; else the rule the job's kind registered, else whoever sees its target (as its
    app registered), else only the person who started it."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    kind = job_kind(job.kind)
    if kind.visible_to is not None:
        return bool(kind.visible_to(user, job))
    target = job_target(job.content_type) if job.content_type_id is not None else None
    if target is not None and target.visible_to is not None:
        return target.visible_to(user).filter(pk=job.object_id).exists()
    return job.created_by_id is not None and job.created_by_id == user.pk
