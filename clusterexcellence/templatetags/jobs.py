"""`{% job_status job %}`: a job's status fragment, which polls itself until the job is finished."""

from django import template

from ..registry import job_kind

register = template.Library()


def job_status_context(job, target=None) -> dict:
    """What partials/job_status.html needs. A finished job's template gets its target, also under
    the target's model name (e.g. `assessment`), loaded only when the caller does not pass it."""
    context = {"job": job, "kind": job_kind(job.kind)}
    if job.is_finished:
        target = target if target is not None else job.target
        context["target"] = target
        if target is not None:
            context[target._meta.model_name] = target
    return context


@register.inclusion_tag("partials/job_status.html", takes_context=True)
def job_status(context, job, target=None):
    # The page's request and user, so a kind's finished template may use them as in the fragment.
    return {"request": context.get("request"), "user": context.get("user"), **job_status_context(job, target)}
