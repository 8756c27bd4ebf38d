"""Parsing and display of indicator values: one canonical Decimal per answer, whatever came in.

Pure functions on duck-typed indicators (anything with ``kind``); no database access.
A parsed value fits ``DecimalField(max_digits=13, decimal_places=3)``.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import get_format
from django.utils.translation import gettext

from .choices import IndicatorKind

MAX_ABS_VALUE = Decimal(10) ** 9
MAX_DECIMAL_PLACES = 3
# Longer input is no value an indicator can take: refused before it is read.
MAX_TEXT_LENGTH = 40
MAX_DIGITS = 30
SCALE_MAX = 4
EMPTY_DISPLAY = "—"

_TRUE_WORDS = {"1", "true", "yes"}
_FALSE_WORDS = {"0", "false", "no"}


def parse_value(indicator, raw, *, localized: bool = False) -> Decimal | None:
    """Turn raw input into the canonical value for the indicator's kind; None means unanswered.

    `localized` reads text as people type it on a page in the active language ("12,5" in German);
    without it text uses a point, as the API expects. Raises ValidationError with a translated
    message when the input cannot be such a value.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if indicator.kind == IndicatorKind.BOOLEAN:
        return _parse_boolean(raw)
    if isinstance(raw, bool):
        # True would silently become 1 participant or scale step 1: refuse instead of guessing.
        raise _error(gettext("Enter a number."), "invalid")
    value = _to_decimal(raw, percent=indicator.kind == IndicatorKind.PERCENT, localized=localized)
    # Bounds are checked on the digits and the exponent, before any arithmetic: 1e999999999 would
    # overflow the decimal context, and 1e-999999999 would be rounded to 0 without a word.
    places = _decimal_places(value)
    huge = not value.is_zero() and value.adjusted() > MAX_ABS_VALUE.adjusted()
    if indicator.kind == IndicatorKind.SCALE:
        if places or huge or not 0 <= value <= SCALE_MAX:
            raise _error(gettext("Choose a whole number from 0 to %(max)s."), "scale_range", max=SCALE_MAX)
    elif indicator.kind == IndicatorKind.PERCENT:
        if huge or not 0 <= value <= 100:
            raise _error(gettext("Enter a percentage from 0 to 100."), "percent_range")
        _require_places(places)
    elif indicator.kind in (IndicatorKind.INTEGER, IndicatorKind.DECIMAL):
        if huge or abs(value) > MAX_ABS_VALUE:
            raise _error(
                gettext("Enter a number no larger than %(max)s."), "too_large", max=format_number(MAX_ABS_VALUE)
            )
        if indicator.kind == IndicatorKind.INTEGER and places:
            raise _error(gettext("Enter a whole number."), "not_whole")
        if value < 0:
            raise _error(gettext("Enter a number that is not negative."), "negative")
        _require_places(places)
    else:
        raise ValueError(f"Unknown indicator kind {indicator.kind!r}")
    return plain(value)


def format_value(indicator, value) -> str:
    """The value as shown to people: "Yes", "3 / 4", "45 %", "0.5", or a dash when unanswered."""
    if value is None:
        return EMPTY_DISPLAY
    if indicator.kind == IndicatorKind.BOOLEAN:
        return gettext("Yes") if Decimal(value) == 1 else gettext("No")
    number = format_number(value)
    if indicator.kind == IndicatorKind.SCALE:
        return f"{number} / {SCALE_MAX}"
    if indicator.kind == IndicatorKind.PERCENT:
        return f"{number} %"
    return number


def format_number(value) -> str:
    """A number without exponent or trailing zeros, with the active language's decimal separator:
    3.500 → "3.5" ("3,5" in German), 1E+2 → "100"."""
    return f"{plain(Decimal(value)):f}".replace(".", get_format("DECIMAL_SEPARATOR"))


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros, exponent or negative zero."""
    if value == 0:
        return Decimal(0)
    value = value.normalize()
    if value.as_tuple().exponent > 0:
        value = value.quantize(Decimal(1))
    return value


def _parse_boolean(raw) -> Decimal:
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in _TRUE_WORDS or word == gettext("yes").lower():
            return Decimal(1)
        if word in _FALSE_WORDS or word == gettext("no").lower():
            return Decimal(0)
    elif isinstance(raw, int | float | Decimal):
        try:
            if raw == 1:
                return Decimal(1)
            if raw == 0:
                return Decimal(0)
        except InvalidOperation:  # Decimal("sNaN") refuses comparison
            pass
    raise _error(gettext("Answer yes or no."), "boolean")


def _to_decimal(raw, *, percent: bool, localized: bool) -> Decimal:
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        # repr() gives the shortest text that round-trips, so 0.1 stays 0.1 and not 0.1000000000000000055…
        value = Decimal(repr(raw))
    elif isinstance(raw, str):
        value = _read_text(raw, percent=percent, localized=localized)
    else:
        raise _error(gettext("Enter a number."), "invalid")
    if not value.is_finite():
        raise _error(gettext("Enter a finite number."), "not_finite")
    if len(value.as_tuple().digits) > MAX_DIGITS:
        raise _error(gettext("Enter a number with at most %(max)s digits."), "too_long", max=MAX_DIGITS)
    return value


def _read_text(raw: str, *, percent: bool, localized: bool) -> Decimal:
    text = raw.strip()
    if percent and text.endswith("%"):
        text = text[:-1].strip()
    separator = get_format("DECIMAL_SEPARATOR") if localized else "."
    if separator == ",":
        message = gettext("Enter a number, using a comma as the decimal separator.")
        # A point is read as the decimal separator too: nobody types thousands separators here.
        text = text.replace(",", ".", 1) if "." not in text else text
    else:
        message = gettext("Enter a number, using a point as the decimal separator.")
    if len(text) > MAX_TEXT_LENGTH:
        raise _error(message, "invalid")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise _error(message, "invalid") from None


def _decimal_places(value: Decimal) -> int:
    """Decimal places without trailing zeros, counted exactly (normalize() would round to the context)."""
    if value.is_zero():
        return 0
    _sign, digits, exponent = value.as_tuple()
    trailing_zeros = 0
    for digit in reversed(digits):
        if digit != 0:
            break
        trailing_zeros += 1
    return max(0, -(exponent + trailing_zeros))


def _require_places(places: int) -> None:
    if places > MAX_DECIMAL_PLACES:
        raise _error(gettext("Enter at most %(places)s decimal places."), "too_many_places", places=MAX_DECIMAL_PLACES)


def _error(message: str, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)
