"""What other apps may read from `labels`: plain values, never models or querysets.

Benchmarking, training and collaboration import only this module of `labels` (a test enforces
it). Each function answers one question in a fixed number of queries, whatever the number of
organisations, so list pages stay flat. Indicators are identified by their stable `key`
(`<framework code>:<indicator code>`), which stays the same across catalogue versions.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from .choices import Level, Rating
from .models import (
    Answer,
    Assessment,
    AssessmentEvent,
    AssessmentStatus,
    AssessorAssignment,
    Framework,
    Indicator,
    Label,
    LabelEvent,
    Review,
)
from .scoring import rate


def indicator_key(framework_code: str, indicator_code: str) -> str:
    """The identity of an indicator across catalogue versions: same framework code, same code."""
    return f"{framework_code}:{indicator_code}"


@dataclass(frozen=True)
class IndicatorInfo:
    """One indicator of the current catalogue, with its title in the active language."""

    key: str
    code: str
    title: str
    area_code: str
    area_title: str
    kind: str
    direction: str
    unit: str
    yellow: Decimal
    green: Decimal
    is_minimum: bool
    is_eligibility: bool
    is_gold: bool
    points: int


def current_indicators() -> list[IndicatorInfo]:
    """The indicators of the published framework in catalogue order (empty before one is published)."""
    framework = Framework.objects.current()
    if framework is None:
        return []
    indicators = framework.indicators.select_related("area").order_by("area__position", "position")
    return [
        IndicatorInfo(
            key=indicator_key(framework.code, i.code),
            code=i.code,
            title=i.title_i18n,
            area_code=i.area.code,
            area_title=i.area.title_i18n,
            kind=i.kind,
            direction=i.direction,
            unit=i.unit_i18n,
            yellow=i.yellow,
            green=i.green,
            is_minimum=i.is_minimum,
            is_eligibility=i.is_eligibility,
            is_gold=i.is_gold,
            points=i.points,
        )
        for i in indicators
    ]


@dataclass(frozen=True)
class DecidedAssessment:
    """An organisation's decided (approved or rejected) assessment, without any of its values."""

    organisation_id: int
    assessment_id: int
    public_id: str
    level: str
    approved: bool
    awarded_level: str
    decided_at: date
    completed_on: date
    framework_code: str
    framework_version: str
    verified_score: Decimal | None


def latest_decided_assessments(organisation_ids: Iterable[int] | None = None) -> dict[int, DecidedAssessment]:
    """The latest decided assessment of each organisation (all organisations when None), by organisation id."""
    queryset = Assessment.objects.filter(status__in=AssessmentStatus.decided())
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=list(organisation_ids))
    latest = (
        queryset.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("organisation_id")], order_by=[F("decided_at").desc(), F("pk").desc()]
            )
        )
        .filter(rank=1)
        .select_related("framework")
    )
    return {a.organisation_id: _decided(a) for a in latest}


def decided_assessments_of(organisation_id: int) -> list[DecidedAssessment]:
    """Every decided assessment of one organisation, oldest first (for trends)."""
    queryset = Assessment.objects.filter(organisation_id=organisation_id, status__in=AssessmentStatus.decided())
    return [_decided(a) for a in queryset.select_related("framework").order_by("decided_at", "pk")]


def _decided(assessment: Assessment) -> DecidedAssessment:
    return DecidedAssessment(
        organisation_id=assessment.organisation_id,
        assessment_id=assessment.pk,
        public_id=str(assessment.public_id),
        level=assessment.level,
        approved=assessment.status == AssessmentStatus.APPROVED,
        awarded_level=assessment.awarded_level,
        decided_at=assessment.decided_at.date(),
        completed_on=assessment.completed_on,
        framework_code=assessment.framework.code,
        framework_version=assessment.framework.version,
        verified_score=assessment.verified_score,
    )


@dataclass(frozen=True)
class VerifiedValue:
    key: str
    code: str
    value: Decimal | None
    rating: str


def verified_values(assessment_ids: Iterable[int]) -> dict[int, dict[str, VerifiedValue]]:
    """The assessors' verified value and rating of every indicator, by assessment id and indicator key."""
    rows = Review.objects.filter(assessment_id__in=list(assessment_ids)).values_list(
        "assessment_id", "indicator__framework__code", "indicator__code", "verified_value", "rating"
    )
    values: dict[int, dict[str, VerifiedValue]] = {}
    for assessment_id, framework_code, code, value, rating in rows:
        key = indicator_key(framework_code, code)
        values.setdefault(assessment_id, {})[key] = VerifiedValue(key, code, value, rating or Rating.RED)
    return values


@dataclass(frozen=True)
class LabelInfo:
    """An organisation's current label: what the public may know of it."""

    organisation_id: int
    level: str
    valid_from: date
    valid_until: date
    # The label's public verification page (a path on this site).
    verify_url: str | None = None


def current_labels(organisation_ids: Iterable[int] | None = None, *, today: date | None = None) -> dict[int, LabelInfo]:
    """The valid label of each organisation that holds one, by organisation id: neither suspended
    nor revoked, within its dates (the highest level when an organisation holds several). One query."""
    from django.utils import timezone

    today = today or timezone.localdate()
    queryset = Label.objects.valid_on(today)
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=list(organisation_ids))
    order = {level: position for position, level in enumerate(Level.values)}
    labels = {}
    rows = queryset.order_by("valid_from", "pk").values_list(
        "organisation_id", "level", "valid_from", "valid_until", "public_id"
    )
    for organisation_id, level, valid_from, valid_until, public_id in rows:
        held = labels.get(organisation_id)
        if held is None or order[level] >= order[held.level]:
            verify_url = reverse("labels:label_verify", args=[public_id])
            labels[organisation_id] = LabelInfo(organisation_id, level, valid_from, valid_until, verify_url)
    return labels


def organisations_with_valid_label(*, level: str | None = None) -> set[int]:
    """Ids of the organisations holding a valid label (of `level`, when given)."""
    return {org_id for org_id, label in current_labels().items() if level is None or label.level == level}


@dataclass(frozen=True)
class WeakIndicator:
    """An indicator rated red or yellow by the assessors, with its title in the active language."""

    key: str
    code: str
    title: str
    rating: str


@dataclass(frozen=True)
class Weaknesses:
    """The red and yellow indicators of an organisation's latest decided assessment, red first."""

    organisation_id: int
    assessment_id: int
    assessment_public_id: str
    decided_at: date
    indicators: list[WeakIndicator]


def latest_weaknesses(organisation_ids: Iterable[int]) -> dict[int, Weaknesses]:
    """By organisation id: the red and yellow indicators of its latest decided assessment (two queries).

    Organisations without a decided assessment are left out; one with no red or yellow rating
    is present with an empty list."""
    latest = latest_decided_assessments(organisation_ids)
    if not latest:
        return {}
    by_assessment = {decided.assessment_id: decided for decided in latest.values()}
    reviews = (
        Review.objects.filter(assessment_id__in=list(by_assessment), rating__in=[Rating.RED, Rating.YELLOW])
        .select_related("indicator__framework", "indicator__area")
        .order_by("indicator__area__position", "indicator__position", "indicator__pk")
    )
    found: dict[int, list[WeakIndicator]] = {assessment_id: [] for assessment_id in by_assessment}
    for review in reviews:
        indicator = review.indicator
        found[review.assessment_id].append(
            WeakIndicator(
                key=indicator_key(indicator.framework.code, indicator.code),
                code=indicator.code,
                title=indicator.title_i18n,
                rating=review.rating,
            )
        )
    return {
        decided.organisation_id: Weaknesses(
            organisation_id=decided.organisation_id,
            assessment_id=decided.assessment_id,
            assessment_public_id=decided.public_id,
            decided_at=decided.decided_at,
            # Red before yellow: the most urgent first, each in catalogue order (sorted is stable).
            indicators=sorted(found[assessment_id], key=lambda weak: weak.rating != Rating.RED),
        )
        for assessment_id, decided in by_assessment.items()
    }


def latest_decided_values(
    organisation_ids: Iterable[int] | None = None,
) -> dict[str, dict[int, tuple[Decimal | None, str]]]:
    """(verified value, rating) of every indicator of each organisation's latest decided
    assessment, by indicator key, then by organisation id (all organisations when None).

    Built for comparing thousands of organisations: two queries whatever their number, and
    plain tuples rather than one object per value, because there are 36 values per organisation."""
    keys = {
        pk: indicator_key(framework_code, code)
        for pk, framework_code, code in Indicator.objects.values_list("pk", "framework__code", "code")
    }
    rows = Review.objects.filter(assessment__in=_latest_decided_ids())
    if organisation_ids is not None:
        rows = rows.filter(assessment__organisation_id__in=list(organisation_ids))
    values: dict[str, dict[int, tuple[Decimal | None, str]]] = {key: {} for key in set(keys.values())}
    for org_id, indicator_id, value, rating in rows.values_list(
        "assessment__organisation_id", "indicator_id", "verified_value", "rating"
    ).iterator(chunk_size=5000):
        values[keys[indicator_id]][org_id] = (value, rating or Rating.RED)
    return {key: by_org for key, by_org in values.items() if by_org}


def _latest_decided_ids():
    """A subquery of the ids of every organisation's latest decided assessment."""
    newer = Assessment.objects.filter(
        organisation_id=OuterRef("organisation_id"), status__in=AssessmentStatus.decided()
    ).filter(Q(decided_at__gt=OuterRef("decided_at")) | Q(decided_at=OuterRef("decided_at"), pk__gt=OuterRef("pk")))
    return Assessment.objects.filter(status__in=AssessmentStatus.decided()).filter(~Exists(newer)).values("pk")


def history_mark() -> int:
    """A number that grows with every history row of any assessment or label (0 before the first):
    every transition, decision, suspension, reinstatement and revocation writes one, so caches of
    figures built from decided assessments and current labels compare it instead of reading every
    value again. One query of two index lookups."""
    from django.db import connection

    quote = connection.ops.quote_name
    parts = [
        f"COALESCE((SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)}), 0)"  # noqa: S608
        for model in (AssessmentEvent, LabelEvent)
    ]
    sql = "SELECT " + " + ".join(parts)  # names from the models; no parameters
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return int(cursor.fetchone()[0])


@dataclass(frozen=True)
class OpenValues:
    """The declared (self-assessed, not yet verified) values of an organisation's open application."""

    assessment_id: int
    public_id: str
    level: str
    status: str
    status_label: str
    values: dict[str, VerifiedValue]  # by indicator key; the rating is the provisional one


def open_declared_values(organisation_id: int) -> OpenValues | None:
    """The organisation's open application (draft to recommended) with its declared values and
    provisional ratings, or None (two queries)."""
    assessment = (
        Assessment.objects.filter(organisation_id=organisation_id, status__in=AssessmentStatus.open())
        .select_related("framework")
        .order_by("-created_at", "-pk")
        .first()
    )
    if assessment is None:
        return None
    code = assessment.framework.code
    values = {}
    for answer in Answer.objects.filter(assessment=assessment).select_related("indicator"):
        key = indicator_key(code, answer.indicator.code)
        values[key] = VerifiedValue(key, answer.indicator.code, answer.value, rate(answer.indicator, answer.value))
    return OpenValues(
        assessment_id=assessment.pk,
        public_id=str(assessment.public_id),
        level=assessment.level,
        status=assessment.status,
        status_label=str(assessment.get_status_display()),
        values=values,
    )


def organisations_assessed_by(user_id: int) -> set[int]:
    """Ids of the organisations with an assessment the user is (or was) assigned to as assessor."""
    return set(
        AssessorAssignment.objects.filter(assessor_id=user_id)
        .values_list("assessment__organisation_id", flat=True)
        .distinct()
    )


def level_choices() -> list[tuple[str, str]]:
    """(value, label in the active language) of the label levels, lowest first."""
    return [(value, str(label)) for value, label in Level.choices]


def rating_choices() -> list[tuple[str, str]]:
    """(value, short label in the active language) of the traffic-light ratings, best first."""
    return [(rating.value, str(rating.short_label)) for rating in (Rating.GREEN, Rating.YELLOW, Rating.RED)]
