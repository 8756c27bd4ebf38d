"""The catalogue of existing training programmes, filtered and searchable."""

from django.core.paginator import Paginator
from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from ..filters import ProgrammeFilter
from ..models import Programme

PER_PAGE = 25


@cached_page
def programme_list(request):
    filters = ProgrammeFilter(request.GET or None, queryset=Programme.objects.prefetch_related("fields"))
    page = Paginator(filters.qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/programme_list.html",
        {"filters": filters, "page": page, "query": query.urlencode(), "total": Programme.objects.count()},
    )
