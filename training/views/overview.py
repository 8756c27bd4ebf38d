"""The training area's home (fields → modules, with the learner's progress) and the status quo page."""

from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from .. import needs
from ..models import CaseStudy, Field, Module, Programme
from ..progress import progress_by_field, progress_of
from ..status_quo import indicator_help


@cached_page
def home(request):
    """Every field of cluster management with its published modules; a learner sees their progress."""
    modules = list(Module.objects.visible_to(request.user).select_related("field").order_by("position", "pk"))
    progress = progress_of(request.user, modules)
    by_field: dict[int, list] = {}
    for module in modules:
        by_field.setdefault(module.field_id, []).append((module, progress[module.pk]))
    all_fields = list(Field.objects.all())
    totals = {total.field.pk: total for total in progress_by_field(all_fields, modules, progress)}
    fields = [(field, by_field.get(field.pk, []), totals.get(field.pk)) for field in all_fields]
    return render(request, "training/home.html", {"fields": fields, "module_count": len(modules)})


@cached_page
def status_quo(request):
    """Quality indicators, training needs and current programmes: the overview the initiative began with."""
    return render(
        request,
        "training/status_quo.html",
        {
            "help": indicator_help(),
            "programme_count": Programme.objects.count(),
            "case_count": CaseStudy.objects.published().count(),
            "survey_years": needs.survey_years(),
        },
    )
