"""Figures of the whole scheme: full statistics for the secretariat, aggregates for the public."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.choices import Sector
from accounts.models import Organisation
from labels import selectors

from .population import population
from .statistics import quartiles


@dataclass
class IndicatorDistribution:
    indicator: selectors.IndicatorInfo
    n: int
    minimum: float | None
    q1: float | None
    median: float | None
    q3: float | None
    maximum: float | None
    green: int
    yellow: int
    red: int


def indicator_distributions() -> list[IndicatorDistribution]:
    """Every current indicator across all organisations' latest decided assessments (staff only)."""
    pop = population()
    rows = []
    for indicator in pop.indicators():
        values = pop.sorted_values({}, (), indicator.key)
        q1, median, q3 = quartiles(values)
        ratings = pop.ratings.get(indicator.key, {})
        rows.append(
            IndicatorDistribution(
                indicator=indicator,
                n=len(values),
                minimum=values[0] if values else None,
                q1=q1,
                median=median,
                q3=q3,
                maximum=values[-1] if values else None,
                green=ratings.get("green", 0),
                yellow=ratings.get("yellow", 0),
                red=ratings.get("red", 0),
            )
        )
    return rows


@dataclass
class LabelCounts:
    total: int
    by_level: list[tuple[str, str, int]]  # (level, label, count)
    by_country: list[tuple[str, str, int]]  # (code, name, count), largest first
    by_sector: list[tuple[str, str, int]]
    rows: list[tuple[str, str, str, int]]  # (level, country, sector, count) for the CSV


def label_counts() -> LabelCounts:
    """Valid labels by level, country and sector (two queries; many labels: all organisations' profiles
    are read, cheaper than a list of thousands of ids)."""
    labels = selectors.current_labels()
    holders = Organisation.objects.all() if len(labels) > 500 else Organisation.objects.filter(pk__in=list(labels))
    profile = {pk: (str(country), sector) for pk, country, sector in holders.values_list("pk", "country", "sector")}
    levels = selectors.level_choices()
    by_level = Counter(label.level for label in labels.values())
    by_country = Counter(profile[pk][0] for pk in labels if pk in profile)
    by_sector = Counter(profile[pk][1] for pk in labels if pk in profile)
    combined = Counter((label.level, *profile[pk]) for pk, label in labels.items() if pk in profile)
    sectors = dict(Sector.choices)
    return LabelCounts(
        total=len(labels),
        by_level=[(level, label, by_level.get(level, 0)) for level, label in reversed(levels)],
        by_country=[(code, str(countries.name(code)), n) for code, n in by_country.most_common()],
        by_sector=[(code, str(sectors.get(code, code)), n) for code, n in by_sector.most_common()],
        rows=sorted((level, country, sector, n) for (level, country, sector), n in combined.items()),
    )


@dataclass
class PublicFigures:
    organisations: int
    benchmarked: int
    labels: int
    by_level: list[tuple[str, str, int | None]]  # None: fewer than the threshold
    by_country: list[tuple[str, int]]  # countries with enough labels, then "other countries"
    threshold: int


def public_figures() -> PublicFigures:
    """What anyone may know of the scheme: counts only, a small count shown as "fewer than n",
    and countries with few labels grouped together, so no single organisation stands out."""
    threshold = settings.PEER_GROUP_MIN_SIZE
    counts = label_counts()
    shown, other = [], 0
    for _code, name, n in counts.by_country:
        if n >= threshold:
            shown.append((name, n))
        else:
            other += n
    if other:
        shown.append((_("Other countries (fewer than %(n)s labels each)") % {"n": threshold}, other))
    return PublicFigures(
        organisations=Organisation.objects.count(),
        benchmarked=len(population().org_ids),
        labels=counts.total,
        by_level=[(level, label, n if n >= threshold else None) for level, label, n in counts.by_level],
        by_country=shown,
        threshold=threshold,
    )
