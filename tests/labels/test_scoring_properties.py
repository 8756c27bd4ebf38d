"""Properties the scoring rules keep for any catalogue and any values, checked with hypothesis."""

import datetime
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from labels.choices import Level, Rating
from labels.scoring import IndicatorRule, add_months, level_outcome, months_between_ok, rate, score

RANK = {Rating.RED: 0, Rating.YELLOW: 1, Rating.GREEN: 2}
GOLD_RULES = {"min_score_percent": 80}

numbers = st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False)
values = st.none() | numbers


@st.composite
def numeric_rules(draw, code="X", direction=None, **overrides):
    """A numeric indicator whose thresholds are consistent: green is at least as demanding as yellow."""
    direction = direction or draw(st.sampled_from(["higher", "lower"]))
    low, high = sorted([draw(numbers), draw(numbers)])
    yellow, green = (low, high) if direction == "higher" else (high, low)
    fields = {
        "code": code,
        "kind": draw(st.sampled_from(["integer", "decimal", "percent", "scale"])),
        "direction": direction,
        "yellow": yellow,
        "green": green,
        "is_minimum": draw(st.booleans()),
        "is_eligibility": draw(st.booleans()),
        "is_gold": draw(st.booleans()),
        "points": draw(st.integers(min_value=0, max_value=5)),
    }
    fields.update(overrides)
    return IndicatorRule(**fields)


@st.composite
def boolean_rules(draw, code="X"):
    return IndicatorRule(
        code, "boolean", "higher", Decimal(1), Decimal(1), draw(st.booleans()), draw(st.booleans()), True, 1
    )


def any_rule(code):
    return numeric_rules(code=code) | boolean_rules(code=code)


@st.composite
def assessments(draw, min_size=0):
    """A catalogue of indicators with unique codes and a value (or none) for each."""
    size = draw(st.integers(min_value=min_size, max_value=12))
    rules = [draw(any_rule(f"X{n}")) for n in range(size)]
    booleans = st.none() | st.sampled_from([Decimal(0), Decimal(1)])
    answers = {item.code: draw(booleans if item.kind == "boolean" else values) for item in rules}
    return rules, answers


@given(numeric_rules(direction="higher"), numbers, numbers)
def test_a_higher_value_never_rates_worse_when_more_is_better(item, first, second):
    low, high = sorted([first, second])
    assert RANK[rate(item, low)] <= RANK[rate(item, high)]


@given(numeric_rules(direction="lower"), numbers, numbers)
def test_a_lower_value_never_rates_worse_when_less_is_better(item, first, second):
    low, high = sorted([first, second])
    assert RANK[rate(item, low)] >= RANK[rate(item, high)]


@given(numeric_rules(), numbers)
def test_green_always_reaches_the_yellow_threshold_too(item, value):
    rating = rate(item, value)
    reaches_yellow = value <= item.yellow if item.direction == "lower" else value >= item.yellow
    if rating == Rating.GREEN:
        assert reaches_yellow
    assert (rating != Rating.RED) == reaches_yellow


@given(numeric_rules() | boolean_rules())
def test_a_missing_value_is_always_red(item):
    assert rate(item, None) == Rating.RED


@given(assessments())
def test_the_gold_score_stays_between_zero_and_one_hundred(assessment):
    rules, answers = assessment
    result = score(rules, answers)
    assert Decimal(0) <= result.gold_score <= Decimal(100)
    assert 0 <= result.gold_points_earned <= result.gold_points_possible
    assert result.gold_score.as_tuple().exponent == -1


@given(assessments())
def test_the_totals_add_up(assessment):
    rules, answers = assessment
    result = score(rules, answers)
    assert sum(result.counts().values()) == result.total == len(rules)
    assert result.answered == sum(value is not None for value in answers.values())
    assert result.gold_points_earned == sum(item.points_earned for item in result.results)
    assert set(result.failed_minimum) == {
        item.code for item in result.results if item.is_minimum and item.rating == Rating.RED
    }


@given(assessments(), st.integers(min_value=1, max_value=5), st.booleans())
def test_adding_a_green_gold_indicator_never_lowers_the_score(assessment, points, is_boolean):
    rules, answers = assessment
    before = score(rules, answers).gold_score
    kind = "boolean" if is_boolean else "integer"
    extra = IndicatorRule("NEW", kind, "higher", Decimal(1), Decimal(1), False, False, True, points)
    after = score([*rules, extra], {**answers, "NEW": Decimal(1)}).gold_score
    assert after >= before


@given(assessments(), numeric_rules(code="MIN", is_minimum=True), values)
def test_a_red_minimum_requirement_always_blocks_gold(assessment, minimum, value):
    rules, answers = assessment
    assume(rate(minimum, value) == Rating.RED)
    result = score([*rules, minimum], {**answers, "MIN": value})
    gold = level_outcome(Level.GOLD, result, rules=GOLD_RULES)
    assert not gold.met
    assert "Minimum requirement MIN is rated red." in gold.reasons


@given(assessments())
def test_a_level_is_met_exactly_when_no_reason_is_given(assessment):
    rules, answers = assessment
    result = score(rules, answers)
    for level, level_rules in [
        (Level.BRONZE, {}),
        (Level.SILVER, {"improvement_areas": 3, "previous_bronze_months": [18, 24]}),
        (Level.GOLD, GOLD_RULES),
    ]:
        outcome = level_outcome(
            level, result, rules=level_rules, previous_bronze_ok=True, improvement_areas_validated=3
        )
        assert outcome.met == (outcome.reasons == ())


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2090, 12, 31)), st.integers(0, 40))
def test_the_silver_window_holds_exactly_from_eighteen_to_twenty_four_months(earlier, months):
    assert months_between_ok(earlier, add_months(earlier, months)) == (18 <= months <= 24)


@given(st.dates(max_value=datetime.date(9000, 1, 1)), st.integers(0, 200))
def test_adding_months_never_goes_backwards_and_lands_in_the_right_month(start, months):
    later = add_months(start, months)
    assert later >= start
    assert later.year * 12 + later.month == start.year * 12 + start.month + months
    assert later.day <= start.day
