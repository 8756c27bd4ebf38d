"""An organisation's own trend: its decided assessments, oldest first, area by area."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format

from labels import selectors

from .benchmarks import achievement


@dataclass
class TrendPoint:
    decided_on: date
    level: str
    level_label: str
    approved: bool
    score: Decimal | None  # the Gold score of the verified values
    green: int
    yellow: int
    red: int
    areas: dict[str, float | None]  # area code → average on the 0–1 scale

    @property
    def label(self) -> str:
        return date_format(self.decided_on, "M Y")


def trend_for(benchmark) -> list[TrendPoint]:
    """Every decided assessment of the benchmark's organisation with its ratings and area positions
    (read with the benchmark, no further query)."""
    decided, values = benchmark.history, benchmark.history_values
    indicators = [row.indicator for row in benchmark.rows]
    levels = dict(selectors.level_choices())
    by_key = {i.key: i for i in indicators}
    points = []
    for assessment in decided:
        own = values.get(assessment.assessment_id, {})
        counts = {"green": 0, "yellow": 0, "red": 0}
        scaled: dict[str, list[float]] = {}
        for key, value in own.items():
            counts[value.rating] = counts.get(value.rating, 0) + 1
            indicator = by_key.get(key)
            if indicator is not None and value.value is not None:
                scaled.setdefault(indicator.area_code, []).append(achievement(indicator, value.value))
        points.append(
            TrendPoint(
                decided_on=assessment.decided_at,
                level=assessment.level,
                level_label=levels.get(assessment.level, assessment.level),
                approved=assessment.approved,
                score=assessment.verified_score,
                green=counts["green"],
                yellow=counts["yellow"],
                red=counts["red"],
                areas={code: round(sum(v) / len(v), 3) for code, v in scaled.items()},
            )
        )
    return points
