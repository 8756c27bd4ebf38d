"""The map of Europe shaded by the number of organisations per country, drawn on the server.

The geometry is bundled (geo/europe.json, see geo/README.md). What the map shows depends only on
the data and the language, so the rendered SVG is cached under a key that changes with the data:
the number of organisations and the latest change of a profile or of a visibility choice."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from accounts.models import Organisation

from .profiles import public_q

GEOMETRY = Path(__file__).resolve().parent / "geo" / "europe.json"
SHADES = 6  # shade 0: no organisation; 1–5: more and more
REGIONS_IN_TOOLTIP = 3
CACHE_SECONDS = 600  # a safety net: bulk updates that skip `updated_at` show within ten minutes


@cache
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text())


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    organisations: int
    regions: list[tuple[str, int]]  # the largest public regions, for the tooltip
    url: str


def country_counts() -> list[CountryCount]:
    """Organisations per country (every organisation: the country is always public), with their
    largest regions counted only where the region is public. Two queries."""
    totals = dict(Organisation.objects.order_by().values_list("country").annotate(n=Count("pk")))
    regions: dict[str, list[tuple[str, int]]] = {}
    rows = (
        Organisation.objects.filter(public_q("region"))
        .exclude(region="")
        .order_by()
        .values_list("country", "region")
        .annotate(n=Count("pk"))
    )
    for code, region, count in rows:
        regions.setdefault(code, []).append((region, count))
    list_url = reverse("collaboration:directory")
    result = []
    for code, count in totals.items():
        largest = sorted(regions.get(code, []), key=lambda item: (-item[1], item[0]))[:REGIONS_IN_TOOLTIP]
        result.append(CountryCount(code, str(countries.name(code)), count, largest, f"{list_url}?country={code}"))
    return sorted(result, key=lambda c: (-c.organisations, c.name))


def shade(count: int, largest: int) -> int:
    """0 for none, else 1–5 on a logarithmic scale (a few large countries must not wash out the rest)."""
    if count <= 0 or largest <= 0:
        return 0
    return max(1, math.ceil((SHADES - 1) * math.log1p(count) / math.log1p(largest)))


def legend(largest: int) -> list[tuple[int, int, int]]:
    """(shade, from, to) per shade that occurs, inverting `shade`."""
    rows = []
    for level in range(1, SHADES):
        low = 1 if level == 1 else math.floor(math.expm1((level - 1) / (SHADES - 1) * math.log1p(largest))) + 1
        high = math.floor(math.expm1(level / (SHADES - 1) * math.log1p(largest)))
        if low <= high and largest > 0:
            rows.append((level, low, min(high, largest)))
    return rows


def _data_version() -> str:
    stats = Organisation.objects.aggregate(
        n=Count("pk"), changed=Max("updated_at"), visibility=Max("profile_visibility__updated_at")
    )
    return f"{stats['n']}:{stats['changed'] and stats['changed'].timestamp()}:" + str(
        stats["visibility"] and stats["visibility"].timestamp()
    )


def europe_map() -> dict:
    """The map's SVG, the counts table and the legend, from the cache when the data has not changed."""
    key = f"collaboration:europe-map:{translation.get_language()}:{_data_version()}"
    cached = django_cache.get(key)
    if cached is not None:
        return cached
    counts = country_counts()
    by_code = {c.code: c for c in counts}
    largest = max((c.organisations for c in counts), default=0)
    shapes = []
    for shape in geometry()["countries"]:
        count = by_code.get(shape["code"]) if shape["code"] else None
        shapes.append(
            {
                "path": shape["path"],
                "code": shape["code"],
                "name": str(countries.name(shape["code"])) if shape["code"] else "",
                "count": count,
                "shade": shade(count.organisations if count else 0, largest),
                "marker": shape.get("small") and count is not None,
                "label": shape.get("label"),
            }
        )
    svg = render_to_string(
        "collaboration/map/europe.svg",
        {
            "shapes": shapes,
            "width": geometry()["width"],
            "height": geometry()["height"],
            "list_url": reverse("collaboration:directory"),
        },
    )
    result = {"svg": svg, "counts": counts, "legend": legend(largest), "total": sum(c.organisations for c in counts)}
    django_cache.set(key, result, CACHE_SECONDS)
    return result
