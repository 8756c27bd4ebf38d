"""The scoring rules against the demo catalogue: ratings, Gold score, level requirements, the Silver window."""

import datetime
from decimal import Decimal

import pytest

from labels.choices import Level, Rating
from labels.scoring import (
    IndicatorRule,
    add_months,
    best_level,
    gold_score_percent,
    level_outcome,
    months_between_ok,
    rate,
    score,
)

from .demo_rules import demo_label_rules, demo_rules, green_values, red_value, rule

D = Decimal
# Gold indicators that are not minimum requirements, worth 14 points together: S2 2, S6 3, G2 3, G3 2, G4 2, G6 2.
FOURTEEN_POINTS = ("S2", "S6", "G2", "G3", "G4", "G6")


def values_with(**changes):
    values = green_values()
    values.update({code: (None if value is None else D(str(value))) for code, value in changes.items()})
    return values


def values_losing(codes, **changes):
    """All green except ``codes``, which are made red, plus any explicit ``changes``."""
    values = values_with(**changes)
    for code in codes:
        values[code] = red_value(rule(code))
    return values


def outcome(level, values, **kwargs):
    return level_outcome(level, score(demo_rules(), values), rules=demo_label_rules()[level], **kwargs)


SILVER_READY = {"previous_bronze_ok": True, "improvement_areas_validated": 3}


# The demo catalogue as the rules see it


def test_the_demo_catalogue_has_the_documented_shape():
    rules = demo_rules()
    assert len(rules) == 36
    assert sum(item.points for item in rules if item.is_gold) == 70
    assert sum(item.is_gold for item in rules) == 31
    assert [item.code for item in rules if item.is_minimum] == ["S1", "S3", "G1", "F2", "T1", "C1", "C2"]
    assert [item.code for item in rules if item.is_eligibility] == ["S1", "S3", "G1", "C2"]
    assert all(isinstance(item.yellow, Decimal) and isinstance(item.green, Decimal) for item in rules)


# Rating one indicator


@pytest.mark.parametrize(
    ("code", "value", "expected"),
    [
        # integer, yellow 15, green 60
        ("S1", "14", Rating.RED),
        ("S1", "15", Rating.YELLOW),
        ("S1", "59", Rating.YELLOW),
        ("S1", "60", Rating.GREEN),
        ("S1", "1000", Rating.GREEN),
        # decimal, yellow 0.5, green 3
        ("G1", "0.499", Rating.RED),
        ("G1", "0.5", Rating.YELLOW),
        ("G1", "2.999", Rating.YELLOW),
        ("G1", "3", Rating.GREEN),
        # percent, yellow 40, green 60
        ("S2", "39.999", Rating.RED),
        ("S2", "40", Rating.YELLOW),
        ("S2", "59.999", Rating.YELLOW),
        ("S2", "60", Rating.GREEN),
        # percent with yellow 0: nothing below it is possible, so 0 is already yellow
        ("A5", "0", Rating.YELLOW),
        ("A5", "10", Rating.GREEN),
        # scale, yellow 2, green 3
        ("G2", "0", Rating.RED),
        ("G2", "1", Rating.RED),
        ("G2", "2", Rating.YELLOW),
        ("G2", "3", Rating.GREEN),
        ("G2", "4", Rating.GREEN),
        # direction lower, yellow 4, green 2: "reaches" means "is at most"
        ("T6", "0", Rating.GREEN),
        ("T6", "1.999", Rating.GREEN),
        ("T6", "2", Rating.GREEN),
        ("T6", "2.001", Rating.YELLOW),
        ("T6", "4", Rating.YELLOW),
        ("T6", "4.001", Rating.RED),
        ("T6", "30", Rating.RED),
        # booleans
        ("C2", "1", Rating.GREEN),
        ("C2", "0", Rating.RED),
        ("A4", "1", Rating.GREEN),
        ("A4", "0", Rating.RED),
    ],
)
def test_it_rates_values_at_and_around_the_thresholds(code, value, expected):
    assert rate(rule(code), D(value)) == expected


@pytest.mark.parametrize("code", ["S1", "G1", "S2", "G2", "T6", "C2", "A5"])
def test_it_rates_a_missing_value_red_for_every_kind(code):
    assert rate(rule(code), None) == Rating.RED


def test_it_rates_a_boolean_by_yes_or_no_even_with_unusual_thresholds():
    odd = IndicatorRule("X", "boolean", "higher", D(0), D(0), False, False, True, 1)
    assert rate(odd, D(0)) == Rating.RED
    assert rate(odd, D(1)) == Rating.GREEN


# Explanations


@pytest.mark.parametrize(
    ("code", "value", "explanation"),
    [
        ("S1", "60", "60 reaches the green threshold 60."),
        ("S1", "45", "45 reaches the yellow threshold 15; 60 for green."),
        ("S1", "14", "14 is below the yellow threshold 15."),
        ("G1", "0.50", "0.5 reaches the yellow threshold 0.5; 3 for green."),
        ("T6", "1.5", "1.5 is at most the green threshold 2."),
        ("T6", "3", "3 is at most the yellow threshold 4; at most 2 for green."),
        ("T6", "4.001", "4.001 is above the yellow threshold 4 (at most)."),
        ("C2", "1", "Yes: rated green."),
        ("C2", "0", "No: yes is needed for green."),
        ("S2", None, "Not answered, so rated red."),
    ],
)
def test_it_explains_each_rating_in_one_sentence(code, value, explanation):
    values = {code: None if value is None else D(value)}
    assert score([rule(code)], values).results[0].explanation == explanation


# Scoring a whole assessment


def test_all_green_scores_one_hundred_percent():
    result = score(demo_rules(), green_values())
    assert result.gold_points_possible == 70
    assert result.gold_points_earned == 70
    assert result.gold_score == D("100.0")
    assert result.answered == result.total == 36
    assert result.counts() == {"red": 0, "yellow": 0, "green": 36}
    assert result.eligibility_met and result.minimum_met and result.complete


def test_nothing_answered_is_all_red_and_fails_every_requirement():
    result = score(demo_rules(), {})
    assert result.gold_score == D("0.0")
    assert result.answered == 0
    assert result.total == 36
    assert result.counts() == {"red": 36, "yellow": 0, "green": 0}
    assert result.failed_minimum == ("S1", "S3", "G1", "F2", "T1", "C1", "C2")
    assert result.failed_eligibility == ("S1", "S3", "G1", "C2")
    assert not result.eligibility_met and not result.minimum_met


def test_results_keep_the_given_order_and_carry_their_thresholds():
    result = score(demo_rules(), values_with(T6="3"))
    assert [item.code for item in result.results] == [item.code for item in demo_rules()]
    t6 = result.by_code()["T6"]
    assert (t6.rating, t6.yellow, t6.green, t6.direction) == (Rating.YELLOW, D(4), D(2), "lower")
    assert (t6.points_possible, t6.points_earned) == (2, 0)


def test_only_green_gold_indicators_earn_points():
    result = score(demo_rules(), values_with(S1="59", S4="0")).by_code()
    assert (result["S1"].points_possible, result["S1"].points_earned) == (3, 0)  # yellow earns nothing
    assert (result["S4"].points_possible, result["S4"].points_earned) == (0, 0)  # not a Gold indicator
    assert (result["S2"].points_possible, result["S2"].points_earned) == (2, 2)


def test_a_zero_value_counts_as_answered():
    result = score(demo_rules(), values_with(A5="0", C2="0"))
    assert result.answered == 36


def test_values_for_unknown_codes_are_ignored():
    values = green_values()
    values["ZZ9"] = D(1)
    assert score(demo_rules(), values).total == 36


# The Gold score's rounding


@pytest.mark.parametrize(
    ("earned", "possible", "expected"),
    [
        (56, 70, "80.0"),
        (55, 70, "78.6"),  # 78.571…
        (51, 70, "72.9"),  # 72.857…
        (1, 70, "1.4"),  # 1.428…
        (70, 70, "100.0"),
        (0, 70, "0.0"),
        (0, 0, "0.0"),
        # exact halves: HALF_UP goes up where banker's rounding would go to the even digit
        (1, 16, "6.3"),  # 6.25
        (5, 16, "31.3"),  # 31.25
        (1, 80, "1.3"),  # 1.25
        (3, 16, "18.8"),  # 18.75
    ],
)
def test_the_gold_score_is_rounded_half_up_to_one_decimal(earned, possible, expected):
    assert str(gold_score_percent(earned, possible)) == expected


def test_losing_fourteen_points_leaves_exactly_eighty_percent():
    result = score(demo_rules(), values_losing(FOURTEEN_POINTS))
    assert (result.gold_points_earned, result.gold_score) == (56, D("80.0"))


def test_losing_fifteen_points_rounds_to_seventy_eight_point_six():
    result = score(demo_rules(), values_losing((*FOURTEEN_POINTS, "A4")))
    assert (result.gold_points_earned, result.gold_score) == (55, D("78.6"))


def test_a_half_is_rounded_up_in_a_whole_assessment():
    rules = [IndicatorRule(f"X{n}", "boolean", "higher", D(1), D(1), False, False, True, 1) for n in range(16)]
    values = {"X0": D(1)}
    assert score(rules, values).gold_score == D("6.3")


def test_a_catalogue_without_gold_points_scores_zero():
    rules = [IndicatorRule("X", "integer", "higher", D(1), D(2), False, False, False, 0)]
    assert score(rules, {"X": D(5)}).gold_score == D("0.0")


# Gold


def test_gold_is_met_at_exactly_eighty_percent():
    gold = outcome(Level.GOLD, values_losing(FOURTEEN_POINTS))
    assert gold.met
    assert gold.reasons == ()
    assert gold.level == Level.GOLD


def test_gold_is_refused_below_eighty_percent_with_the_score_in_the_reason():
    gold = outcome(Level.GOLD, values_losing((*FOURTEEN_POINTS, "A4")))
    assert not gold.met
    assert gold.reasons == ("Gold score 78.6 % is below the required 80 %.",)


def test_a_red_minimum_requirement_blocks_gold_even_with_a_high_score():
    values = values_with(F2="0.999")  # F2 is a minimum requirement worth 3 Gold points
    result = score(demo_rules(), values)
    assert result.gold_score == D("95.7")
    gold = outcome(Level.GOLD, values)
    assert not gold.met
    assert gold.reasons == ("Minimum requirement F2 is rated red.",)


def test_a_yellow_minimum_requirement_does_not_block_gold():
    assert outcome(Level.GOLD, values_with(F2="1")).met


def test_a_red_eligibility_criterion_blocks_gold_and_names_both_requirements():
    gold = outcome(Level.GOLD, values_with(G1="0.4"))
    assert not gold.met
    assert gold.reasons == ("Eligibility criterion G1 is rated red.", "Minimum requirement G1 is rated red.")


def test_gold_lists_every_unmet_requirement():
    gold = outcome(Level.GOLD, values_losing((*FOURTEEN_POINTS, "F2", "C2")))
    assert gold.reasons == (
        "Eligibility criterion C2 is rated red.",
        "Minimum requirement F2 is rated red.",
        "Minimum requirement C2 is rated red.",
        "Gold score 74.3 % is below the required 80 %.",
    )


def test_gold_reads_its_threshold_from_the_rules():
    values = values_losing((*FOURTEEN_POINTS, "A4"))
    assert level_outcome(Level.GOLD, score(demo_rules(), values), rules={"min_score_percent": 75}).met
    refused = level_outcome(Level.GOLD, score(demo_rules(), values), rules={"min_score_percent": "78.7"})
    assert refused.reasons == ("Gold score 78.6 % is below the required 78.7 %.",)


# Bronze


def test_bronze_is_met_by_a_complete_verified_benchmarking_with_eligibility_at_least_yellow():
    values = values_losing(FOURTEEN_POINTS, S1="15", S3="2", G1="0.5")  # eligibility just yellow
    bronze = outcome(Level.BRONZE, values)
    assert bronze.met
    assert bronze.reasons == ()


def test_reds_outside_eligibility_do_not_block_bronze():
    values = values_losing(("F2", "T1", "C1", "S2", "T6"))
    assert outcome(Level.BRONZE, values).met


def test_a_red_eligibility_criterion_blocks_bronze():
    bronze = outcome(Level.BRONZE, values_with(G1="0.499"))
    assert not bronze.met
    assert bronze.reasons == ("Eligibility criterion G1 is rated red.",)


def test_a_missing_answer_blocks_bronze_and_is_named():
    bronze = outcome(Level.BRONZE, values_with(S4=None, A5=None))
    assert not bronze.met
    assert bronze.reasons == ("2 of 36 indicators are not answered: S4, A5.",)


def test_a_single_missing_answer_reads_in_the_singular():
    bronze = outcome(Level.BRONZE, values_with(S4=None))
    assert bronze.reasons == ("1 of 36 indicators is not answered: S4.",)


def test_a_missing_eligibility_answer_gives_both_reasons():
    bronze = outcome(Level.BRONZE, values_with(C2=None))
    assert bronze.reasons == (
        "Eligibility criterion C2 is rated red.",
        "1 of 36 indicators is not answered: C2.",
    )


def test_unverified_answers_block_bronze():
    bronze = outcome(Level.BRONZE, green_values(), all_verified=False)
    assert not bronze.met
    assert bronze.reasons == ("Not every answer has been verified by the assessor.",)


# Silver


def test_silver_is_met_with_bronze_needs_the_earlier_bronze_three_areas_and_minimums_yellow():
    values = values_losing(FOURTEEN_POINTS, F2="1", T1="2", C1="3")  # minimums just yellow, score well below 80
    silver = outcome(Level.SILVER, values, **SILVER_READY)
    assert silver.met
    assert silver.reasons == ()


def test_silver_needs_the_earlier_bronze():
    silver = outcome(Level.SILVER, green_values(), previous_bronze_ok=False, improvement_areas_validated=3)
    assert not silver.met
    assert silver.reasons == ("There is no completed Bronze benchmarking 18 to 24 months earlier.",)


@pytest.mark.parametrize(
    ("validated", "reason"),
    [
        (0, "Improvement areas validated: 0 of 3 required."),
        (2, "Improvement areas validated: 2 of 3 required."),
    ],
)
def test_silver_needs_three_validated_improvement_areas(validated, reason):
    silver = outcome(Level.SILVER, green_values(), previous_bronze_ok=True, improvement_areas_validated=validated)
    assert not silver.met
    assert silver.reasons == (reason,)


def test_more_improvement_areas_than_required_are_fine():
    assert outcome(Level.SILVER, green_values(), previous_bronze_ok=True, improvement_areas_validated=5).met


def test_a_red_minimum_requirement_blocks_silver():
    silver = outcome(Level.SILVER, values_with(T1="1"), **SILVER_READY)
    assert not silver.met
    assert silver.reasons == ("Minimum requirement T1 is rated red.",)


def test_silver_needs_everything_bronze_needs():
    silver = outcome(Level.SILVER, values_with(S4=None), all_verified=False, **SILVER_READY)
    assert silver.reasons == (
        "1 of 36 indicators is not answered: S4.",
        "Not every answer has been verified by the assessor.",
    )


def test_silver_does_not_need_the_gold_score():
    values = values_losing((*FOURTEEN_POINTS, "A4", "A2", "C5"))
    assert score(demo_rules(), values).gold_score < 80
    assert outcome(Level.SILVER, values, **SILVER_READY).met


def test_silver_lists_every_unmet_requirement():
    silver = outcome(Level.SILVER, values_with(S3="1", C1="2"), improvement_areas_validated=1)
    assert silver.reasons == (
        "Eligibility criterion S3 is rated red.",
        "There is no completed Bronze benchmarking 18 to 24 months earlier.",
        "Improvement areas validated: 1 of 3 required.",
        "Minimum requirement S3 is rated red.",
        "Minimum requirement C1 is rated red.",
    )


# Levels in general


def test_level_outcome_accepts_the_level_as_a_plain_string():
    result = level_outcome("bronze", score(demo_rules(), green_values()), rules={})
    assert result.level == Level.BRONZE
    assert result.met


def test_level_outcome_refuses_an_unknown_level():
    with pytest.raises(ValueError, match="platinum"):
        level_outcome("platinum", score(demo_rules(), green_values()), rules={})


@pytest.mark.parametrize(
    ("values", "kwargs", "expected"),
    [
        (green_values(), {}, Level.GOLD),
        (values_losing((*FOURTEEN_POINTS, "A4")), SILVER_READY, Level.SILVER),
        (values_losing((*FOURTEEN_POINTS, "A4")), {}, Level.BRONZE),
        (values_losing((*FOURTEEN_POINTS, "A4")), {"all_verified": False}, None),
        (values_with(F2="0"), SILVER_READY, Level.BRONZE),
        (values_with(G1="0"), SILVER_READY, None),
    ],
)
def test_best_level_is_the_highest_level_met(values, kwargs, expected):
    result = score(demo_rules(), values)
    assert best_level(result, rules_by_level=demo_label_rules(), **kwargs) == expected


# The Silver window: 18 to 24 calendar months after the earlier Bronze


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("2024-01-15", "2025-07-15", True),  # exactly 18 months
        ("2024-01-15", "2025-07-14", False),  # one day short
        ("2024-01-15", "2026-01-15", True),  # exactly 24 months
        ("2024-01-15", "2026-01-16", False),  # one day too late
        ("2024-01-15", "2025-10-01", True),
        ("2024-03-01", "2025-08-31", False),  # 17 months and 30 days
        ("2024-03-01", "2025-09-01", True),
        ("2024-01-15", "2023-07-15", False),  # the other way round
        ("2024-01-15", "2024-01-15", False),
        # the day is clamped to the month's end
        ("2024-01-31", "2025-07-31", True),  # Jan 31 + 18 months = Jul 31
        ("2024-01-31", "2025-07-30", False),
        ("2023-08-31", "2025-02-28", True),  # Aug 31 + 18 months = Feb 28 (not a leap year)
        ("2023-08-31", "2025-02-27", False),
        ("2022-08-31", "2024-02-28", False),  # Aug 31 + 18 months = Feb 29 in a leap year
        ("2022-08-31", "2024-02-29", True),
        ("2024-02-29", "2026-02-28", True),  # Feb 29 + 24 months = Feb 28
        ("2024-02-29", "2026-03-01", False),
        ("2023-03-31", "2025-03-31", True),
        ("2023-03-31", "2025-04-01", False),
    ],
)
def test_months_between_ok_at_the_window_edges(earlier, later, expected):
    assert months_between_ok(day(earlier), day(later)) is expected


def test_months_between_ok_takes_another_window():
    assert months_between_ok(day("2024-05-31"), day("2025-05-31"), window=(12, 12))
    assert not months_between_ok(day("2024-05-31"), day("2025-06-01"), window=(12, 12))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-01-31", 6, "2024-07-31"),
        ("2024-01-31", 7, "2024-08-31"),
        ("2024-01-31", 18, "2025-07-31"),
        ("2024-01-31", 19, "2025-08-31"),
        ("2024-12-15", 1, "2025-01-15"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-05-10", 0, "2024-05-10"),
    ],
)
def test_add_months_keeps_the_day_and_clamps_it_to_the_month_end(start, months, expected):
    assert add_months(day(start), months) == day(expected)
