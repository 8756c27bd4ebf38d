"""The training area on other pages: recommendations on the dashboard and on the latest assessment's
pages (a registered panel: labels never imports training), and the learner's progress."""

from accounts.models import Organisation
from accounts.permissions import organisation_roles

from .models import Module
from .progress import progress_of
from .recommendations import organisation_recommendations

PROGRESS_SHOWN = 5


def recommendations_load(request) -> dict | None:
    """Per organisation of the user with a decided assessment: what helps with its red and yellow indicators."""
    organisation_ids = list(organisation_roles(request.user))
    found = organisation_recommendations(organisation_ids)
    if not found:
        return None
    names = dict(Organisation.objects.filter(pk__in=list(found)).values_list("pk", "name"))
    return {
        "organisations": [
            {"name": names[org_id], "weaknesses": weaknesses, "recommendations": recommendations}
            for org_id, (weaknesses, recommendations) in sorted(found.items(), key=lambda item: names[item[0]])
        ]
    }


def progress_load(request) -> dict | None:
    """The modules the learner has started, with how far they got; nothing before the first lesson."""
    started = Module.objects.published().filter(lessons__completions__user=request.user).distinct()
    modules = list(started.select_related("field")[:PROGRESS_SHOWN])
    if not modules:
        return None
    progress = progress_of(request.user, modules)
    return {"modules": [(module, progress[module.pk]) for module in modules]}


def assessment_panel_load(request, assessment) -> dict | None:
    """On the pages of an organisation's latest decided assessment: what helps with its weak indicators."""
    found = organisation_recommendations([assessment.organisation_id]).get(assessment.organisation_id)
    if found is None or found[0].assessment_id != assessment.pk:
        return None
    weaknesses, recommendations = found
    return {"weaknesses": weaknesses, "recommendations": recommendations}
