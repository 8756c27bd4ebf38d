"""Decided assessments for most generated demo organisations, created in bulk.

The scenarios in labels/demo.py walk a few dozen assessments through the real transitions, which
takes milliseconds each. Benchmarking needs thousands of organisations with verified values, so
this module writes the same rows the transitions would have written (assessment, declared answers,
reviews with ratings, assessor assignments, improvement areas, the history) with `bulk_create`,
a few statements per table whatever the number of organisations.

The values are plausible rather than uniform: each organisation has a strength that grows with its
number of participants and its years of operation, each indicator its own difficulty, and the
ratings follow from both with noise. Approved assessments meet their level's rules (as the board
would require); rejected ones may miss values. About one organisation in four also has an earlier
decided benchmarking, so that trends have data. Idempotent: an organisation with any assessment is
left alone, and whether one gets none is decided by its own seeded Random.
"""

import math
import random
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import connections, router
from django.db.models import Model
from django.utils import timezone

from accounts.models import Organisation, User

from .choices import Direction, IndicatorKind, Level, Rating
from .label_records import labels_issue_bulk
from .models import (
    Answer,
    Assessment,
    AssessmentEvent,
    AssessmentStatus,
    AssessorAssignment,
    Framework,
    ImprovementArea,
    Review,
)
from .scoring import add_months, gold_score_percent, months_between_ok, rate

BATCH_SIZE = 2000
# Names come from the models and values are parameters; only the number of rows varies.
UPDATE_FROM_VALUES = (
    "UPDATE {answer} SET {a_value} = v.value, {a_provisional_rating} = v.rating "
    "FROM (VALUES {values}) AS v(value, rating, assessment, indicator) "
    "WHERE {answer}.{a_assessment} = v.assessment AND {answer}.{a_indicator} = v.indicator"
)
REVIEW_COLUMNS = ("assessment", "indicator", "verified_value", "rating")
ANSWER_COLUMNS = ("assessment", "indicator", "value", "comment", "provisional_rating", "updated_at")
SHARE_NEVER_BENCHMARKED = 0.12  # some organisations have not been assessed yet
SHARE_WITH_EARLIER = 0.25  # an earlier benchmarking, for trends
SHARE_REJECTED = 0.12
SHARE_MISSING_WHEN_REJECTED = 0.08  # a rejected assessment may lack figures the organisation could not give
SHARE_CORRECTED = 0.06  # declared values the assessor corrected
IMPROVEMENTS = [
    "Introduce a yearly satisfaction survey of the participants.",
    "Agree a multi-year financing plan with the regional ministry.",
    "Set up a structured service portfolio with owners and targets.",
    "Publish an annual report in English.",
]


@dataclass
class _Outcome:
    """One decided assessment to write, before it has a primary key."""

    organisation: Organisation
    level: str
    approved: bool
    interview: date
    verified: dict[str, Decimal | None]
    ratings: dict[str, str]
    declared: dict[str, Decimal | None]
    declared_ratings: dict[str, str]
    improvements: list[str] = field(default_factory=list)  # indicator codes (Silver)


class _Values:
    """Draws values for the catalogue's indicators, each with the rating `scoring.rate` gives it."""

    def __init__(self, indicators):
        self.indicators = indicators
        # A fixed difficulty per indicator: some are green for most organisations, some for few.
        self.difficulty = {i.code: random.Random(f"difficulty:{i.code}").uniform(-0.6, 0.5) for i in indicators}
        self.gold = [(i.code, i.points) for i in indicators if i.is_gold]
        self.gold_points = sum(points for _code, points in self.gold)
        # Values drawn once per indicator and band, then picked from: tens of thousands of
        # assessments need no Decimal arithmetic of their own. 40 values per band stay varied.
        pool_rng = random.Random("value-pools")
        self.pools = {
            (i.code, band): [self._fresh(pool_rng, i, band) for _ in range(40)]
            for i in indicators
            for band in (Rating.GREEN, Rating.YELLOW, Rating.RED)
        }

    def band(self, rng: random.Random, strength: float, code: str) -> str:
        # Logistic noise (one random number and a log) instead of gauss: the same shape, a third of the time.
        u = rng.random() or 0.5
        x = strength + self.difficulty[code] + 0.5 * math.log(u / (1 - u))
        return Rating.GREEN if x > 0.6 else Rating.YELLOW if x > -0.6 else Rating.RED

    def value(self, rng: random.Random, indicator, band: str) -> tuple[Decimal, str]:
        """A value rated `band` (or the nearest band the indicator allows) and its rating."""
        pool = self.pools[indicator.code, band]
        return pool[int(rng.random() * len(pool))]

    def _fresh(self, rng: random.Random, indicator, band: str) -> tuple[Decimal, str]:
        if indicator.kind == IndicatorKind.BOOLEAN:
            return (Decimal(0), Rating.RED) if band == Rating.RED else (Decimal(1), Rating.GREEN)
        yellow, green = float(indicator.yellow), float(indicator.green)
        whole = indicator.kind in (IndicatorKind.INTEGER, IndicatorKind.SCALE)
        ceiling = {IndicatorKind.SCALE: 4.0, IndicatorKind.PERCENT: 100.0}.get(indicator.kind, green * 1.8 + 1)
        if indicator.direction == Direction.LOWER:
            low, high = {
                Rating.GREEN: (green * 0.4, green),
                Rating.YELLOW: (green, yellow),
                Rating.RED: (yellow, yellow * 1.8 + 1),
            }[band]
            # Green includes its threshold, the others exclude their lower end: round towards the band.
            number = rng.uniform(low, high)
            rounded = math.floor(number) if whole else math.floor(number * 10) / 10
            if band != Rating.GREEN:
                rounded = math.ceil(number) if whole else math.ceil(number * 10) / 10
                if rounded <= low:
                    rounded = low + (1 if whole else 0.1)
            value = Decimal(str(rounded))
        else:
            if band == Rating.RED and yellow <= 0:
                band = Rating.YELLOW  # nothing is below a threshold of 0
            low, high = {
                Rating.GREEN: (green, max(green, ceiling)),
                Rating.YELLOW: (yellow, green),
                Rating.RED: (0.0, yellow),
            }[band]
            number = rng.uniform(low, high)
            if whole:
                rounded = min(max(math.floor(number), math.ceil(low)), ceiling)
                if band != Rating.GREEN and rounded >= high:
                    rounded = math.ceil(low) if math.ceil(low) < high else low
            else:
                rounded = min(max(math.floor(number * 10) / 10, low), ceiling)
            value = Decimal(str(rounded))
        return value, rate(indicator, value)

    def draw(self, rng, organisation, strength: float, *, missing: float = 0.0) -> tuple[dict, dict]:
        values, ratings = {}, {}
        profile = {code: _profile_value(code, organisation) for code in PROFILE_CODES}
        for indicator in self.indicators:
            code = indicator.code
            if missing and rng.random() < missing:
                values[code], ratings[code] = None, Rating.RED
            elif code in profile:
                values[code], ratings[code] = profile[code], rate(indicator, profile[code])
            else:
                values[code], ratings[code] = self.value(rng, indicator, self.band(rng, strength, code))
        return values, ratings

    def meet(self, rng, level: str, values: dict, ratings: dict) -> bool:
        """Raise values until they meet the level's rules, as an approved assessment must; False
        when the organisation's own profile makes that impossible (too few participants)."""
        for indicator in self.indicators:
            required = indicator.is_eligibility or (level != Level.BRONZE and indicator.is_minimum)
            if required and ratings[indicator.code] == Rating.RED:
                if indicator.code in PROFILE_CODES:
                    return False
                values[indicator.code], ratings[indicator.code] = self.value(rng, indicator, Rating.YELLOW)
        if level == Level.GOLD:
            needed = math.ceil(self.gold_points * 0.8)
            earned = self.earned(ratings)
            open_ = [
                i
                for i in self.indicators
                if i.is_gold and i.code not in PROFILE_CODES and ratings[i.code] != Rating.GREEN
            ]
            rng.shuffle(open_)
            while earned < needed:
                if not open_:
                    return False
                indicator = open_.pop()
                values[indicator.code], ratings[indicator.code] = self.value(rng, indicator, Rating.GREEN)
                earned += indicator.points
        return True

    def earned(self, ratings: dict) -> int:
        return sum(points for code, points in self.gold if ratings[code] == Rating.GREEN)

    def score(self, ratings: dict) -> Decimal:
        return gold_score_percent(self.earned(ratings), self.gold_points)

    def declare(self, rng, values: dict, ratings: dict) -> tuple[dict, dict]:
        """What the organisation declared: mostly what the assessor verified, sometimes more."""
        declared, declared_ratings = dict(values), dict(ratings)
        by_code = {i.code: i for i in self.indicators}
        for code, value in values.items():
            if value is not None and rng.random() < SHARE_CORRECTED and code not in PROFILE_CODES:
                better = {Rating.RED: Rating.YELLOW, Rating.YELLOW: Rating.GREEN}.get(ratings[code], Rating.GREEN)
                declared[code], declared_ratings[code] = self.value(rng, by_code[code], better)
        return declared, declared_ratings


PROFILE_CODES = ("S1", "S2")  # indicators whose value the organisation's profile already states


def _profile_value(code: str, organisation: Organisation) -> Decimal:
    if code == "S1":
        return Decimal(organisation.participants_total)
    companies = organisation.participants_sme + organisation.participants_large  # S2: share of SMEs
    return Decimal(str(round(100 * organisation.participants_sme / companies, 1))) if companies else Decimal(0)


def strength_of(organisation: Organisation, today: date, rng: random.Random) -> float:
    """Larger and older organisations tend to score better; the rest is the team."""
    size = (math.log(max(organisation.participants_total, 3)) - math.log(60)) / 0.7
    age = (today.year - organisation.year_founded - 17) / 10
    return 0.45 * size + 0.35 * age + rng.gauss(0, 0.6)


def decided_assessments_create(
    *,
    organisations: list[Organisation],
    framework: Framework,
    experts: list[User],
    board: User,
    staff: User,
    base: float,
) -> int:
    """Give most of `organisations` that have no assessment yet a decided one; return how many were written."""
    indicators = list(framework.indicators.select_related("area").order_by("area__position", "position"))
    if not indicators or not experts:
        return 0
    assessed = set(Assessment.objects.values_list("organisation_id", flat=True).distinct())
    values = _Values(indicators)
    today = timezone.localdate()
    outcomes: list[list[_Outcome]] = []  # per organisation, oldest first
    for organisation in organisations:
        if organisation.pk in assessed:
            continue
        rng = random.Random(f"{base}:decided:{organisation.slug}")
        if rng.random() < SHARE_NEVER_BENCHMARKED:
            continue
        outcomes.append(_history(rng, organisation, values, today))
    _write(outcomes, framework, indicators, values, experts=experts, board=board, staff=staff)
    return sum(len(history) for history in outcomes)


def _history(rng, organisation, values: _Values, today: date) -> list[_Outcome]:
    strength = strength_of(organisation, today, rng)
    level = rng.choices(
        [Level.BRONZE, Level.SILVER, Level.GOLD], weights=[60, 15, 25 + 25 * max(0.0, min(strength, 1.0))]
    )[0]
    if level == Level.SILVER:
        interview = today - timedelta(days=rng.randint(40, 560))
        earlier = add_months(interview, -rng.randint(19, 22)) - timedelta(days=rng.randint(0, 20))
        if not months_between_ok(earlier, interview):
            earlier = add_months(interview, -20)
        bronze = _outcome(rng, organisation, values, Level.BRONZE, strength - 0.3, earlier, approve=True)
        if not bronze.approved:
            return [bronze]  # not even eligible: no Silver could follow
        silver = _outcome(rng, organisation, values, Level.SILVER, strength, interview, approve=True)
        if silver.approved:
            # The three weakest indicators of the Bronze benchmarking were the improvement areas.
            order = {Rating.RED: 0, Rating.YELLOW: 1, Rating.GREEN: 2}
            silver.improvements = sorted(bronze.ratings, key=lambda code: (order[bronze.ratings[code]], code))[:3]
        return [bronze, silver]
    interview = today - timedelta(days=rng.randint(45, 1000))
    latest = _outcome(rng, organisation, values, level, strength, interview, approve=rng.random() >= SHARE_REJECTED)
    if rng.random() >= SHARE_WITH_EARLIER:
        return [latest]
    earlier_on = add_months(interview, -rng.randint(26, 40))
    earlier = _outcome(rng, organisation, values, Level.BRONZE, strength - 0.4, earlier_on, approve=rng.random() >= 0.2)
    return [earlier, latest]


def _outcome(rng, organisation, values: _Values, level, strength, interview, *, approve: bool) -> _Outcome:
    verified, ratings = values.draw(rng, organisation, strength, missing=0 if approve else SHARE_MISSING_WHEN_REJECTED)
    approved = approve and values.meet(rng, level, verified, ratings)
    if approve and not approved:  # the rules could not be met: the board rejected it after all
        verified, ratings = values.draw(rng, organisation, strength, missing=SHARE_MISSING_WHEN_REJECTED)
    declared, declared_ratings = values.declare(rng, verified, ratings)
    return _Outcome(organisation, level, approved, interview, verified, ratings, declared, declared_ratings)


def _moment(rng: random.Random, day: date) -> datetime:
    moment = datetime.combine(day, datetime.min.time()) + timedelta(
        hours=rng.randint(8, 17), minutes=rng.randint(0, 59)
    )
    return timezone.make_aware(moment)


@contextmanager
def _own_timestamps(*fields: tuple[type[Model], str]):
    """Let bulk_create keep the timestamps we give (auto_now / auto_now_add would overwrite them)."""
    saved = []
    for model, name in fields:
        model_field = model._meta.get_field(name)
        saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
        model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def _write(outcomes, framework, indicators, values: _Values, *, experts, board, staff) -> None:
    rng = random.Random(f"decided-write:{len(outcomes)}")
    flat = [outcome for history in outcomes for outcome in history]
    rows, timelines = [], []
    for outcome in flat:
        created = _moment(rng, outcome.interview - timedelta(days=rng.randint(70, 120)))
        submitted = created + timedelta(days=rng.randint(20, 40), hours=rng.randint(0, 5))
        in_review = submitted + timedelta(days=rng.randint(3, 10), hours=rng.randint(0, 5))
        recommended = _moment(rng, outcome.interview + timedelta(days=rng.randint(3, 10)))
        decided = recommended + timedelta(days=rng.randint(5, 20), hours=rng.randint(0, 5))
        timelines.append((created, submitted, in_review, recommended, decided))
        reason = (
            f"The board follows the recommendation: {Level(outcome.level).label} is awarded."
            if outcome.approved
            else "The board follows the assessors: the requirements are not met yet."
        )
        status = AssessmentStatus.APPROVED if outcome.approved else AssessmentStatus.REJECTED
        rows.append(
            (uuid.uuid4(), outcome.organisation.pk, framework.pk, outcome.level, False, status, created, decided,
             submitted, outcome.interview, values.score(outcome.declared_ratings), values.score(outcome.ratings),
             False, outcome.level if outcome.approved else "", reason, board.pk, decided)
        )  # fmt: skip
    last = Assessment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    _insert(
        Assessment,
        ["public_id", "organisation", "framework", "level", "renewal", "status", "created_at", "updated_at",
         "submitted_at", "interview_date", "provisional_score", "verified_score", "recommendations_disagree",
         "awarded_level", "decision_reason", "decided_by", "decided_at"],
        rows,
    )  # fmt: skip
    pks = dict(Assessment.objects.filter(pk__gt=last).values_list("public_id", "pk"))
    ids = [pks[row[0]] for row in rows]
    reasons = [row[14] for row in rows]
    _children(flat, ids, reasons, timelines, indicators, rng, experts=experts, board=board, staff=staff)
    _answers_copy(first_id=last, corrections=_corrections(flat, ids, indicators))
    # The labels the approvals issued, numbered in bulk (their certificates are rendered on demand).
    approved = Assessment.objects.filter(pk__gt=last, status=AssessmentStatus.APPROVED).select_related(
        "organisation", "framework"
    )
    labels_issue_bulk(approved.order_by("decided_at", "pk"), by=board)


def _children(flat, ids, reasons, timelines, indicators, rng, *, experts, board, staff) -> None:
    reviews, events, assignments, improvements = [], [], [], []
    by_code = {i.code: i for i in indicators}
    prepare_value = _Prepared(Review, "verified_value")
    prepare_moment = _Prepared(Review, "updated_at")
    for outcome, pk, reason, (created, submitted, in_review, recommended, decided) in zip(
        flat, ids, reasons, timelines, strict=True
    ):
        team = rng.sample(experts, 2 if outcome.level == Level.GOLD else 1)
        reviewer, reviewed_at = team[-1].pk, prepare_moment(recommended)
        for indicator in indicators:
            code = indicator.code
            verified = outcome.verified[code]
            comment = "Corrected after the interview." if outcome.declared[code] != verified else ""
            reviews.append(
                (
                    pk,
                    indicator.pk,
                    prepare_value(verified),
                    comment,
                    outcome.ratings[code],
                    reviewer,
                    reviewed_at,
                    reviewed_at,
                )
            )
        recommendation = outcome.level if outcome.approved else "none"
        summary = (
            "Every requirement of the level is met; the values were verified."
            if outcome.approved
            else "The requirements for the level are not met; see the red indicators."
        )
        for assessor in team:
            assignments.append((pk, assessor.pk, staff.pk, in_review, recommendation, summary, recommended))
        for code, text in zip(outcome.improvements, rng.sample(IMPROVEMENTS, 3), strict=False):
            improvements.append((pk, by_code[code].pk, text, True, "Documented and checked on site.", team[0].pk))
        final = AssessmentStatus.APPROVED if outcome.approved else AssessmentStatus.REJECTED
        events += [
            (pk, None, created, "", AssessmentStatus.DRAFT, ""),
            (pk, None, submitted, AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED, ""),
            (pk, staff.pk, in_review, AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW, _names(team)),
            (pk, team[-1].pk, recommended, AssessmentStatus.IN_REVIEW, AssessmentStatus.RECOMMENDED, ""),
            (pk, board.pk, decided, AssessmentStatus.RECOMMENDED, final, reason),
        ]  # fmt: skip
    _insert(
        Review,
        ["assessment", "indicator", "verified_value", "comment", "rating", "verified_by", "verified_at", "updated_at"],
        reviews,
        prepared=True,
    )
    _insert(AssessmentEvent, ["assessment", "actor", "at", "from_status", "to_status", "note"], events)
    _insert(
        AssessorAssignment,
        ["assessment", "assessor", "assigned_by", "assigned_at", "recommended_level", "recommendation_summary",
         "recommended_at"],
        assignments,
    )  # fmt: skip
    _insert(
        ImprovementArea,
        ["assessment", "indicator", "description", "validated", "assessor_comment", "validated_by"],
        improvements,
    )


def _names(team) -> str:
    return ", ".join(str(assessor) for assessor in team)


def _corrections(flat, ids, indicators) -> list[tuple]:
    """(declared value, provisional rating, assessment id, indicator id) where the declaration
    differs from what the assessor verified."""
    return [
        (outcome.declared[i.code], outcome.declared_ratings[i.code], pk, i.pk)
        for outcome, pk in zip(flat, ids, strict=True)
        for i in indicators
        if outcome.declared[i.code] != outcome.verified[i.code]
    ]


def _answers_copy(*, first_id: int, corrections: list[tuple]) -> None:
    """The declared answers, copied inside the database from the reviews just written (most
    declarations are what the assessor verified), then the few corrected ones changed back."""
    connection = connections[router.db_for_write(Answer)]
    quote = connection.ops.quote_name
    names = {
        "answer": quote(Answer._meta.db_table),
        "review": quote(Review._meta.db_table),
        "assessment": quote(Assessment._meta.db_table),
        "id": quote(Assessment._meta.pk.column),
        "submitted_at": quote(Assessment._meta.get_field("submitted_at").column),
        **{f"a_{n}": quote(Answer._meta.get_field(n).column) for n in ANSWER_COLUMNS},
        **{f"r_{n}": quote(Review._meta.get_field(n).column) for n in REVIEW_COLUMNS},
    }
    copy = (  # noqa: S608 - names from the models, values as parameters
        "INSERT INTO {answer} ({a_assessment}, {a_indicator}, {a_value}, {a_comment}, {a_provisional_rating}, "
        "{a_updated_at}) SELECT r.{r_assessment}, r.{r_indicator}, r.{r_verified_value}, '', r.{r_rating}, "
        "a.{submitted_at} FROM {review} r JOIN {assessment} a ON a.{id} = r.{r_assessment} WHERE r.{r_assessment} > %s"
    ).format(**names)
    update = (  # noqa: S608
        "UPDATE {answer} SET {a_value} = %s, {a_provisional_rating} = %s "
        "WHERE {a_assessment} = %s AND {a_indicator} = %s"
    ).format(**names)
    value_field = Answer._meta.get_field("value")
    prepared = [(value_field.get_db_prep_save(v, connection), r, a, i) for v, r, a, i in corrections]
    with connection.cursor() as cursor:
        cursor.execute(copy, [first_id])
        if connection.vendor != "postgresql":
            cursor.executemany(update, prepared)
            return
        # PostgreSQL: one UPDATE per thousand corrections instead of a round trip for each.
        for start in range(0, len(prepared), 1000):
            chunk = prepared[start : start + 1000]
            values = ", ".join(["(%s::numeric, %s, %s::bigint, %s::bigint)"] * len(chunk))
            cursor.execute(UPDATE_FROM_VALUES.format(values=values, **names), [item for row in chunk for item in row])


class _Prepared:
    """A field's database form of each distinct value, computed once (the demo repeats values a lot)."""

    def __init__(self, model: type[Model], name: str):
        self.field = model._meta.get_field(name)
        self.connection = connections[router.db_for_write(model)]
        self.cache: dict = {}

    def __call__(self, value):
        try:
            return self.cache[value]
        except KeyError:
            prepared = self.cache[value] = self.field.get_db_prep_save(value, self.connection)
            return prepared


def _insert(model: type[Model], names: list[str], rows: list[tuple], *, prepared: bool = False) -> None:
    """INSERT rows of plain values with executemany: bulk_create builds a model instance and
    prepares every value of every row, which for the ~800,000 rows of 10,000 organisations takes
    minutes. Table and column names still come from the model, and values are prepared by their
    field as bulk_create would (once per distinct value), unless the caller did (`prepared`)."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, values as parameters
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))
    )
    # Keys, text and booleans go to the driver as they are; dates, decimals and UUIDs need the backend's form.
    converted = [
        (position, _Prepared(model, field.name))
        for position, field in enumerate(fields)
        if not prepared and field.get_internal_type() in ("DateTimeField", "DateField", "DecimalField", "UUIDField")
    ]

    def prepare(row: tuple) -> tuple:
        if not converted:
            return row
        row = list(row)
        for position, convert in converted:
            row[position] = convert(row[position])
        return row

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one statement; executemany would be a round trip per row.
            copy_sql = "COPY {} ({}) FROM STDIN".format(
                quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
            )
            with cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(prepare(row))
            return
        for start in range(0, len(rows), 20 * BATCH_SIZE):
            chunk = rows[start : start + 20 * BATCH_SIZE]
            cursor.executemany(sql, [prepare(row) for row in chunk])
