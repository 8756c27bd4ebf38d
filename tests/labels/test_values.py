"""Parsing raw answers into canonical values, and showing values to people."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from labels.scoring import IndicatorRule
from labels.values import format_value, parse_value

D = Decimal


def indicator(kind):
    return IndicatorRule("X1", kind, "higher", D(1), D(2), False, False, True, 1)


INTEGER, DECIMAL, PERCENT, BOOLEAN, SCALE = (
    indicator(kind) for kind in ("integer", "decimal", "percent", "boolean", "scale")
)
ALL_KINDS = (INTEGER, DECIMAL, PERCENT, BOOLEAN, SCALE)


def refusal(item, raw):
    with pytest.raises(ValidationError) as caught:
        parse_value(item, raw)
    error = caught.value
    return error.code, error.messages[0]


# Empty input


@pytest.mark.parametrize("item", ALL_KINDS, ids=lambda item: item.kind)
@pytest.mark.parametrize("raw", [None, "", "   "])
def test_empty_input_is_unanswered(item, raw):
    assert parse_value(item, raw) is None


# Whole numbers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0", "0"),
        ("15", "15"),
        (" 60 ", "60"),
        (60, "60"),
        ("5.0", "5"),
        (D("7.000"), "7"),
        (12.0, "12"),
        ("1e3", "1000"),
    ],
)
def test_integers_accept_whole_numbers_in_any_form(raw, expected):
    value = parse_value(INTEGER, raw)
    assert value == D(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("2.5", "not_whole", "Enter a whole number."),
        (2.5, "not_whole", "Enter a whole number."),
        ("-1", "negative", "Enter a number that is not negative."),
        ("twelve", "invalid", "Enter a number, using a point as the decimal separator."),
        ("1,5", "invalid", "Enter a number, using a point as the decimal separator."),
        ("1000000001", "too_large", "Enter a number no larger than 1000000000."),
        (True, "invalid", "Enter a number."),
        ([1], "invalid", "Enter a number."),
    ],
)
def test_integers_refuse_other_input_with_a_clear_message(raw, code, message):
    assert refusal(INTEGER, raw) == (code, message)


def test_integers_accept_the_largest_allowed_number():
    assert parse_value(INTEGER, "1000000000") == D(10) ** 9


# Decimals


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0.5", "0.5"), ("0.500", "0.5"), ("3", "3"), ("2.125", "2.125"), (0.1, "0.1"), (D("1.25"), "1.25"), ("-0", "0")],
)
def test_decimals_keep_up_to_three_places_without_trailing_zeros(raw, expected):
    assert str(parse_value(DECIMAL, raw)) == expected


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("0.1234", "too_many_places", "Enter at most 3 decimal places."),
        (0.0001, "too_many_places", "Enter at most 3 decimal places."),
        ("-0.5", "negative", "Enter a number that is not negative."),
        ("NaN", "not_finite", "Enter a finite number."),
        ("Infinity", "not_finite", "Enter a finite number."),
        ("-inf", "not_finite", "Enter a finite number."),
        ("sNaN", "not_finite", "Enter a finite number."),
        (float("nan"), "not_finite", "Enter a finite number."),
        (float("inf"), "not_finite", "Enter a finite number."),
        (D("NaN"), "not_finite", "Enter a finite number."),
        ("1e10", "too_large", "Enter a number no larger than 1000000000."),
        ("1e999999", "too_large", "Enter a number no larger than 1000000000."),
        ("0x10", "invalid", "Enter a number, using a point as the decimal separator."),
    ],
)
def test_decimals_refuse_other_input_with_a_clear_message(raw, code, message):
    assert refusal(DECIMAL, raw) == (code, message)


# Numbers at the edges of what Decimal can hold: refused with a message, never an error or a silent 0


@pytest.mark.parametrize(
    ("item", "raw", "code"),
    [
        (INTEGER, "1e999999999", "too_large"),
        (DECIMAL, "1E+999999999", "too_large"),
        (DECIMAL, D("1e999999999"), "too_large"),
        (PERCENT, "1e999999999", "percent_range"),
        (SCALE, "1e999999999", "scale_range"),
        (DECIMAL, "1e-999999999", "too_many_places"),
        (DECIMAL, D("1e-999999999"), "too_many_places"),
        (PERCENT, "1e-999999999", "too_many_places"),
        (INTEGER, "1e-999999999", "not_whole"),
        (SCALE, "1e-999999999", "scale_range"),
        (DECIMAL, "-1e999999999", "too_large"),
        (DECIMAL, "1" * 41, "invalid"),
        (DECIMAL, D("1." + "0" * 40 + "1"), "too_long"),
    ],
)
def test_huge_and_tiny_exponents_are_refused_with_a_message(item, raw, code):
    assert refusal(item, raw)[0] == code


@pytest.mark.parametrize("raw", ["0e-999999999", "0E+999999999", D("0e-999999999")])
def test_zero_with_any_exponent_is_zero(raw):
    assert parse_value(DECIMAL, raw) == 0


# Localised input, as typed on a page


def localized(item, raw, language):
    with translation.override(language):
        return parse_value(item, raw, localized=True)


@pytest.mark.parametrize(
    ("item", "raw", "expected"),
    [(DECIMAL, "12,5", "12.5"), (DECIMAL, "12.5", "12.5"), (PERCENT, "81,4 %", "81.4"), (INTEGER, "1200", "1200")],
)
def test_a_german_page_reads_a_decimal_comma(item, raw, expected):
    assert localized(item, raw, "de") == D(expected)


def test_a_german_page_explains_the_decimal_comma():
    with translation.override("de"), pytest.raises(ValidationError) as caught:
        parse_value(DECIMAL, "1.234,5", localized=True)

    assert caught.value.messages == ["Geben Sie eine Zahl ein, mit einem Komma als Dezimaltrennzeichen."]


def test_an_english_page_and_the_api_read_only_a_decimal_point():
    assert refusal(DECIMAL, "12,5")[0] == "invalid"
    with pytest.raises(ValidationError):
        localized(DECIMAL, "12,5", "en")
    assert localized(DECIMAL, "12.5", "en") == D("12.5")


# Percentages


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("0", "0"), ("45", "45"), ("45.5", "45.5"), ("100", "100"), ("45 %", "45"), ("12.125%", "12.125"), (99.9, "99.9")],
)
def test_percentages_accept_zero_to_one_hundred(raw, expected):
    assert str(parse_value(PERCENT, raw)) == expected


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("100.001", "percent_range", "Enter a percentage from 0 to 100."),
        ("-1", "percent_range", "Enter a percentage from 0 to 100."),
        ("150", "percent_range", "Enter a percentage from 0 to 100."),
        ("45.1234", "too_many_places", "Enter at most 3 decimal places."),
        ("%", "invalid", "Enter a number, using a point as the decimal separator."),
    ],
)
def test_percentages_refuse_other_input_with_a_clear_message(raw, code, message):
    assert refusal(PERCENT, raw) == (code, message)


# Yes or no


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (True, 1),
        (False, 0),
        (1, 1),
        (0, 0),
        ("1", 1),
        ("0", 0),
        ("true", 1),
        ("False", 0),
        (" YES ", 1),
        ("no", 0),
        (D("1.000"), 1),
        (1.0, 1),
    ],
)
def test_booleans_accept_yes_and_no_in_the_usual_spellings(raw, expected):
    assert parse_value(BOOLEAN, raw) == D(expected)


@pytest.mark.parametrize("raw", ["2", 2, "maybe", "y", "0.5", D("sNaN"), float("nan"), [True]])
def test_booleans_refuse_anything_else(raw):
    assert refusal(BOOLEAN, raw) == ("boolean", "Answer yes or no.")


# Scale


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("3", 3), ("4", 4), (2, 2), ("2.0", 2)])
def test_scales_accept_whole_steps_from_zero_to_four(raw, expected):
    assert parse_value(SCALE, raw) == D(expected)


@pytest.mark.parametrize("raw", ["5", "-1", "2.5", 3.5])
def test_scales_refuse_other_steps(raw):
    assert refusal(SCALE, raw) == ("scale_range", "Choose a whole number from 0 to 4.")


def test_scales_refuse_words():
    assert refusal(SCALE, "three")[0] == "invalid"


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="fraction"):
        parse_value(indicator("fraction"), "1")


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_a_decimal_with_up_to_three_places_survives_a_round_trip_through_text(value):
    assert parse_value(DECIMAL, str(value)) == value


# Display


@pytest.mark.parametrize(
    ("item", "value", "shown"),
    [
        (BOOLEAN, D(1), "Yes"),
        (BOOLEAN, D(0), "No"),
        (BOOLEAN, D("1.000"), "Yes"),
        (SCALE, D(3), "3 / 4"),
        (SCALE, D("3.000"), "3 / 4"),
        (PERCENT, D(45), "45 %"),
        (PERCENT, D("45.500"), "45.5 %"),
        (DECIMAL, D("0.500"), "0.5"),
        (DECIMAL, D("100.000"), "100"),
        (DECIMAL, D("1E+2"), "100"),
        (INTEGER, D(60), "60"),
        (INTEGER, D("1000000000"), "1000000000"),
    ],
)
def test_values_are_shown_in_their_kind_s_form(item, value, shown):
    assert format_value(item, value) == shown


@pytest.mark.parametrize(
    ("item", "value", "shown"),
    [(PERCENT, D("81.4"), "81,4 %"), (DECIMAL, D("0.500"), "0,5"), (INTEGER, D(1200), "1200"), (BOOLEAN, D(1), "Ja")],
)
def test_values_are_shown_with_the_german_decimal_comma(item, value, shown):
    with translation.override("de"):
        assert format_value(item, value) == shown


@pytest.mark.parametrize("item", ALL_KINDS, ids=lambda item: item.kind)
def test_a_missing_value_is_shown_as_a_dash(item):
    assert format_value(item, None) == "—"
