"""The public register of valid labels, with search, filters, pages and CSV / JSON exports of the
current filter. No sign-in; scores never appear (labels/label_register.py decides what does)."""

import csv
import json

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from clusterexcellence.page_cache import cached_page

from ..label_forms import RegisterFilterForm
from ..label_register import EXPORT_FIELDS, register_countries, register_labels, register_row

PAGE_SIZE = 25


def _filtered(request):
    """(form, labels) of the request's filters; invalid filters are shown on the form, listing nothing."""
    today = timezone.localdate()
    form = RegisterFilterForm(request.GET or None, countries=register_countries(today))
    if form.is_bound and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    return form, register_labels(
        q=filters.get("q", "").strip(),
        country=filters.get("country", ""),
        sector=filters.get("sector", ""),
        level=filters.get("level", ""),
        today=today,
    )


@cached_page
def register(request):
    form, labels = _filtered(request)
    if labels is None:
        return render(request, "labels/register.html", {"form": form, "page": None}, status=400)
    page = Paginator(labels, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "labels/register.html", {"form": form, "page": page, "query": query.urlencode()})


def register_export(request, fmt):
    """Every label of the current filter, as CSV or JSON."""
    if fmt not in ("csv", "json"):
        raise Http404
    form, labels = _filtered(request)
    if labels is None:
        return JsonResponse({"errors": form.errors}, status=400)
    rows = [register_row(label) for label in labels]
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        response = HttpResponse(json.dumps(rows, ensure_ascii=False, indent=1), content_type="application/json")
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=EXPORT_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="label-register-{stamp}.{fmt}"'
    return response
