"""Case studies: the list (filtered by field) and one case with its fixed structure."""

from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from .. import permissions
from ..models import CaseStudy, Field
from ..rendering import render_markdown
from ..status_quo import indicator_titles
from .access import case_study_for


@cached_page
def case_study_list(request):
    queryset = CaseStudy.objects.visible_to(request.user).select_related("field")
    fields = list(Field.objects.all())
    chosen = request.GET.get("field", "")
    if chosen:
        queryset = queryset.filter(field__slug=chosen)
    return render(
        request, "training/case_study_list.html", {"cases": list(queryset), "fields": fields, "chosen": chosen}
    )


@cached_page
def case_study(request, slug):
    case = case_study_for(request, slug)
    keys = set(case.indicator_links.values_list("indicator_key", flat=True))
    titles = indicator_titles() if keys else {}
    show_note = permissions.can_see_teaching_note(request.user)
    return render(
        request,
        "training/case_study.html",
        {
            "case": case,
            "sections": [(heading, render_markdown(case.localized(name))) for name, heading in CaseStudy.SECTIONS],
            "teaching_note": render_markdown(case.localized("teaching_note")) if show_note else None,
            "indicators": [titles[key] for key in titles if key in keys],
        },
    )
