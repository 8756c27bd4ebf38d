"""The benchmark page of one organisation, and the list of organisations a user may benchmark."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from clusterexcellence.page_cache import cached_page
from labels import selectors

from .. import charts, permissions
from ..benchmarks import BASIS_DRAFT, benchmark_build, criteria_from
from ..models import BenchmarkReport
from ..population import population
from ..practice_notes import notes_attach
from ..reports import report_job
from ..trends import trend_for


def organisation_for(request, slug):
    """The organisation if the user may see its benchmark, else 404 (members, assigned assessors, staff)."""
    return get_object_or_404(permissions.benchmarkable_organisations(request.user), slug=slug)


@login_required
@cached_page
def index(request):
    """The organisations whose benchmark the user may open; straight to it when there is one."""
    organisations = list(permissions.benchmarkable_organisations(request.user).order_by("name")[:51])
    if len(organisations) == 1:
        return redirect("benchmarking:benchmark", slug=organisations[0].slug)
    return render(
        request,
        "benchmarking/index.html",
        {"organisations": organisations[:50], "more": len(organisations) > 50},
    )


@login_required
@cached_page
def benchmark(request, slug):
    """Position on every indicator within the chosen peer group, with charts, trend and notes."""
    organisation = organisation_for(request, slug)
    asked = {name: request.GET.get(name, "") for name in ("sector", "country", "size", "age", "level")}
    errors, status = {}, 200
    peers = population()
    try:
        group = criteria_from(organisation, asked, peers)
    except ValidationError as error:
        errors, group, status = error.message_dict, (), 400
    result = benchmark_build(organisation=organisation, group=group, basis=request.GET.get("basis", ""), pop=peers)
    notes_attach(result)
    trend = trend_for(result)
    area_codes = [area.code for area in result.areas]
    report = None
    report_id = request.GET.get("report")
    if report_id:
        report = (
            BenchmarkReport.objects.filter(organisation=organisation, public_id=report_id).first()
            if _is_uuid(report_id)
            else None
        )
    return render(
        request,
        "benchmarking/benchmark.html",
        {
            "organisation": organisation,
            "benchmark": result,
            "errors": errors,
            "radar": charts.radar(result.areas),
            "rating_bars": charts.stacked_bars(
                [(a.code, {"green": a.green, "yellow": a.yellow, "red": a.red}) for a in result.areas]
            ),
            "trend": trend,
            "trend_chart": charts.trend(trend, area_codes),
            "area_codes": area_codes,
            "report": report,
            "report_job": report_job(report) if report else None,
            "draft_basis": BASIS_DRAFT,
            "levels": dict(selectors.level_choices()),
            "query": request.GET.urlencode(),
        },
        status=status,
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
