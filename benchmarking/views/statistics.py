"""The secretariat's scheme statistics (with CSV exports) and the public figures of the scheme."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from clusterexcellence.page_cache import cached_page

from .. import charts, permissions
from ..scheme import indicator_distributions, label_counts, public_figures


def _staff_only(request):
    if not permissions.can_see_statistics(request.user):
        raise PermissionDenied(_("The scheme statistics are for the secretariat."))


@login_required
@cached_page
def statistics(request):
    _staff_only(request)
    distributions = indicator_distributions()
    labels = label_counts()
    return render(
        request,
        "benchmarking/statistics.html",
        {
            "distributions": distributions,
            "labels": labels,
            "rating_chart": charts.stacked_bars(
                [(d.indicator.code, {"green": d.green, "yellow": d.yellow, "red": d.red}) for d in distributions],
                label_width=40,
            ),
            "level_chart": charts.value_bars([(label, n) for _level, label, n in labels.by_level]),
            "country_chart": charts.value_bars([(name, n) for _code, name, n in labels.by_country]),
            "sector_chart": charts.value_bars([(name, n) for _code, name, n in labels.by_sector], label_width=230),
        },
    )


def _csv(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def _number(value) -> str:
    return "" if value is None else f"{value:g}"


@login_required
def indicators_csv(request):
    _staff_only(request)
    return _csv(
        "indicator-distributions.csv",
        ["key", "code", "title", "area", "n", "min", "q1", "median", "q3", "max", "green", "yellow", "red"],
        (
            [d.indicator.key, d.indicator.code, d.indicator.title, d.indicator.area_code, d.n]
            + [_number(v) for v in (d.minimum, d.q1, d.median, d.q3, d.maximum)]
            + [d.green, d.yellow, d.red]
            for d in indicator_distributions()
        ),
    )


@login_required
def labels_csv(request):
    _staff_only(request)
    return _csv("labels.csv", ["level", "country", "sector", "labels"], label_counts().rows)


@cached_page
def scheme(request):
    """Open to everyone: counts only, small ones suppressed."""
    figures = public_figures()
    return render(
        request,
        "benchmarking/scheme.html",
        {"figures": figures, "country_chart": charts.value_bars([(name, n) for name, n in figures.by_country])},
    )
