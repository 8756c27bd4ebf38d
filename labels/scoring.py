"""The scoring rules of the label scheme as pure functions: ratings, Gold score, level requirements.

Works on duck-typed indicators (the ``Indicator`` model or ``IndicatorRule``) and a mapping of
values by indicator code; no database access and no I/O, so it can be tested and benchmarked alone.
"""

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from .choices import Direction, IndicatorKind, Level, Rating
from .values import format_number

SCORE_QUANTUM = Decimal("0.1")


@dataclass(frozen=True)
class IndicatorRule:
    """The scoring attributes of one indicator, with the same names as the Indicator model."""

    code: str
    kind: str
    direction: str
    yellow: Decimal
    green: Decimal
    is_minimum: bool
    is_eligibility: bool
    is_gold: bool
    points: int


def indicator_rules_from_catalogue(catalogue: Mapping) -> tuple[IndicatorRule, ...]:
    """The rules of every indicator in a parsed catalogue (the YAML format), in catalogue order."""
    return tuple(
        IndicatorRule(
            code=str(item["code"]),
            kind=item["kind"],
            direction=item.get("direction", Direction.HIGHER),
            yellow=Decimal(str(item["yellow"])),
            green=Decimal(str(item["green"])),
            is_minimum=bool(item.get("minimum", False)),
            is_eligibility=bool(item.get("eligibility", False)),
            is_gold=bool(item.get("gold", False)),
            points=int(item.get("points", 0)),
        )
        for area in catalogue["areas"]
        for item in area["indicators"]
    )


def _reaches(indicator, value, threshold) -> bool:
    if indicator.direction == Direction.LOWER:
        return value <= threshold
    return value >= threshold


def rate(indicator, value) -> Rating:
    """Green when the value reaches ``green``, yellow when it reaches ``yellow``, else red.

    For direction "lower", reaching means being at most the threshold. Booleans are green for 1 and
    red otherwise; a missing value is red.
    """
    if value is None:
        return Rating.RED
    if indicator.kind == IndicatorKind.BOOLEAN:
        return Rating.GREEN if value == 1 else Rating.RED
    if _reaches(indicator, value, indicator.green):
        return Rating.GREEN
    if _reaches(indicator, value, indicator.yellow):
        return Rating.YELLOW
    return Rating.RED


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's value, rating and Gold points, with the thresholds that explain them."""

    code: str
    kind: str
    value: Decimal | None
    rating: Rating
    points_possible: int
    points_earned: int
    is_minimum: bool
    is_eligibility: bool
    is_gold: bool
    yellow: Decimal
    green: Decimal
    direction: str

    @property
    def explanation(self) -> str:
        """One translated sentence saying why the indicator got its rating."""
        # A property rather than a field: translated in the language active when shown, and
        # scoring thousands of assessments does not pay for sentences nobody reads.
        if self.value is None:
            return gettext("Not answered, so rated red.")
        if self.kind == IndicatorKind.BOOLEAN:
            return (
                gettext("Yes: rated green.") if self.rating == Rating.GREEN else gettext("No: yes is needed for green.")
            )
        params = {
            "value": format_number(self.value),
            "yellow": format_number(self.yellow),
            "green": format_number(self.green),
        }
        if self.direction == Direction.LOWER:
            if self.rating == Rating.GREEN:
                message = gettext("%(value)s is at most the green threshold %(green)s.")
            elif self.rating == Rating.YELLOW:
                message = gettext("%(value)s is at most the yellow threshold %(yellow)s; at most %(green)s for green.")
            else:
                message = gettext("%(value)s is above the yellow threshold %(yellow)s (at most).")
        elif self.rating == Rating.GREEN:
            message = gettext("%(value)s reaches the green threshold %(green)s.")
        elif self.rating == Rating.YELLOW:
            message = gettext("%(value)s reaches the yellow threshold %(yellow)s; %(green)s for green.")
        else:
            message = gettext("%(value)s is below the yellow threshold %(yellow)s.")
        return message % params


@dataclass(frozen=True)
class ScoreResult:
    """Every indicator's result plus the totals the level rules need."""

    results: tuple[IndicatorResult, ...]
    gold_points_possible: int
    gold_points_earned: int
    gold_score: Decimal
    answered: int
    total: int
    failed_minimum: tuple[str, ...]
    failed_eligibility: tuple[str, ...]

    @property
    def eligibility_met(self) -> bool:
        return not self.failed_eligibility

    @property
    def minimum_met(self) -> bool:
        return not self.failed_minimum

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    @property
    def unanswered(self) -> tuple[str, ...]:
        return tuple(result.code for result in self.results if result.value is None)

    def by_code(self) -> dict[str, IndicatorResult]:
        return {result.code: result for result in self.results}

    def counts(self) -> dict[str, int]:
        """How many indicators are rated red, yellow and green."""
        counts = {Rating.RED.value: 0, Rating.YELLOW.value: 0, Rating.GREEN.value: 0}
        for result in self.results:
            counts[result.rating.value] += 1
        return counts


def gold_score_percent(earned: int, possible: int) -> Decimal:
    """Earned ÷ possible × 100 to one decimal, halves rounded up; 0.0 when nothing is possible."""
    if not possible:
        return Decimal("0.0")
    return (Decimal(earned) * 100 / Decimal(possible)).quantize(SCORE_QUANTUM, rounding=ROUND_HALF_UP)


def score(indicators: Iterable, values: Mapping[str, Decimal | None]) -> ScoreResult:
    """Rate every indicator (in the given order) from ``values`` by code; a missing code is unanswered."""
    results = []
    possible = earned = answered = 0
    failed_minimum = []
    failed_eligibility = []
    for indicator in indicators:
        value = values.get(indicator.code)
        rating = rate(indicator, value)
        points_possible = indicator.points if indicator.is_gold else 0
        points_earned = points_possible if rating == Rating.GREEN else 0
        results.append(
            IndicatorResult(
                code=indicator.code,
                kind=indicator.kind,
                value=value,
                rating=rating,
                points_possible=points_possible,
                points_earned=points_earned,
                is_minimum=indicator.is_minimum,
                is_eligibility=indicator.is_eligibility,
                is_gold=indicator.is_gold,
                yellow=indicator.yellow,
                green=indicator.green,
                direction=indicator.direction,
            )
        )
        possible += points_possible
        earned += points_earned
        answered += value is not None
        if rating == Rating.RED:
            if indicator.is_minimum:
                failed_minimum.append(indicator.code)
            if indicator.is_eligibility:
                failed_eligibility.append(indicator.code)
    return ScoreResult(
        results=tuple(results),
        gold_points_possible=possible,
        gold_points_earned=earned,
        gold_score=gold_score_percent(earned, possible),
        answered=answered,
        total=len(results),
        failed_minimum=tuple(failed_minimum),
        failed_eligibility=tuple(failed_eligibility),
    )


@dataclass(frozen=True)
class LevelOutcome:
    """Whether a scored assessment meets a level, and every unmet requirement in words."""

    level: Level
    met: bool
    reasons: tuple[str, ...]


def level_outcome(
    level,
    result: ScoreResult,
    *,
    rules: Mapping,
    previous_bronze_ok: bool = False,
    improvement_areas_validated: int = 0,
    all_verified: bool = True,
) -> LevelOutcome:
    """Check ``result`` against one level; ``rules`` is that level's entry of the catalogue's ``labels:``.

    Bronze: everything answered and verified, every eligibility indicator at least yellow.
    Silver: Bronze's needs, the earlier Bronze in its window, enough validated improvement areas,
    every minimum indicator at least yellow. Gold: eligibility and minimum indicators at least
    yellow and the Gold score at least ``min_score_percent``.
    """
    level = Level(level)
    reasons = [
        gettext("Eligibility criterion %(code)s is rated red.") % {"code": code} for code in result.failed_eligibility
    ]
    if level in (Level.BRONZE, Level.SILVER):
        reasons += _completeness_reasons(result, all_verified=all_verified)
    if level == Level.SILVER:
        if not previous_bronze_ok:
            earliest, latest = rules["previous_bronze_months"]
            reasons.append(
                gettext("There is no completed Bronze benchmarking %(earliest)s to %(latest)s months earlier.")
                % {"earliest": earliest, "latest": latest}
            )
        required = int(rules["improvement_areas"])
        if improvement_areas_validated < required:
            reasons.append(
                gettext("Improvement areas validated: %(validated)s of %(required)s required.")
                % {"validated": improvement_areas_validated, "required": required}
            )
    if level in (Level.SILVER, Level.GOLD):
        reasons += [
            gettext("Minimum requirement %(code)s is rated red.") % {"code": code} for code in result.failed_minimum
        ]
    if level == Level.GOLD:
        required = Decimal(str(rules["min_score_percent"]))
        if result.gold_score < required:
            reasons.append(
                gettext("Gold score %(score)s %% is below the required %(required)s %%.")
                % {"score": number_format(result.gold_score, 1), "required": format_number(required)}
            )
    return LevelOutcome(level=level, met=not reasons, reasons=tuple(reasons))


def _completeness_reasons(result: ScoreResult, *, all_verified: bool) -> list[str]:
    reasons = []
    unanswered = result.unanswered
    if unanswered:
        reasons.append(
            ngettext(
                "%(count)s of %(total)s indicators is not answered: %(codes)s.",
                "%(count)s of %(total)s indicators are not answered: %(codes)s.",
                len(unanswered),
            )
            % {"count": len(unanswered), "total": result.total, "codes": ", ".join(unanswered)}
        )
    if not all_verified:
        reasons.append(gettext("Not every answer has been verified by the assessor."))
    return reasons


def best_level(
    result: ScoreResult,
    *,
    rules_by_level: Mapping,
    previous_bronze_ok: bool = False,
    improvement_areas_validated: int = 0,
    all_verified: bool = True,
) -> Level | None:
    """The highest level the result meets (a hint for the assessor's recommendation), or None."""
    for level in (Level.GOLD, Level.SILVER, Level.BRONZE):
        outcome = level_outcome(
            level,
            result,
            rules=rules_by_level.get(level.value, {}),
            previous_bronze_ok=previous_bronze_ok,
            improvement_areas_validated=improvement_areas_validated,
            all_verified=all_verified,
        )
        if outcome.met:
            return level
    return None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months later, clamped to the month's end (Aug 31 + 6 → Feb 28/29)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def months_between_ok(earlier_date: datetime.date, later_date: datetime.date, window=(18, 24)) -> bool:
    """Whether ``later_date`` lies within the window of calendar months after ``earlier_date``, inclusive.

    True when add_months(earlier, window[0]) <= later <= add_months(earlier, window[1]), where adding
    months keeps the day of the month and clamps it to the month's end (Jan 31 + 18 months = Jul 31).
    """
    earliest, latest = window
    return add_months(earlier_date, earliest) <= later_date <= add_months(earlier_date, latest)
