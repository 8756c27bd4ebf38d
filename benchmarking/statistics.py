"""The figures benchmarking shows, as pure functions of sorted peer values.

Definitions (the page and the API documentation say the same):
- Quartiles by linear interpolation between closest ranks, as PostgreSQL's `percentile_cont` and
  NumPy's default method: for n sorted values x[0..n-1] and p in {0.25, 0.5, 0.75}, h = (n - 1)p
  and the result is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). Computed in floating
  point with PostgreSQL's own formula, so both give the same figures (tests/benchmarking compares them).
- Percentile rank of a value v among n peer values: (peers below v + half the peers equal to v) / n
  x 100, rounded half up to a whole number. For "less is better" indicators peers *above* v count
  instead, so that a higher rank is always better.
"""

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from fractions import Fraction


def quantile(values: Sequence[float], p: float) -> float | None:
    """The p-quantile of sorted values (None for none), as `percentile_cont(p)`."""
    n = len(values)
    if n == 0:
        return None
    position = p * (n - 1)
    lower = math.floor(position)
    if lower + 1 >= n:
        return float(values[lower])
    # PostgreSQL: first + (second - first) * proportion, in double precision.
    first, second = float(values[lower]), float(values[lower + 1])
    return first + (position - lower) * (second - first)


def quartiles(values: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """First quartile, median and third quartile of sorted values."""
    return quantile(values, 0.25), quantile(values, 0.5), quantile(values, 0.75)


def percentile_rank(values: Sequence[float], value: float, *, lower_is_better: bool = False) -> int | None:
    """Where `value` stands among sorted peer values, 0–100 (None without peers)."""
    n = len(values)
    if n == 0:
        return None
    if isinstance(values, Without):  # bisect the full list, then take the left-out value back out
        below, equal = _below_equal(values.values, value)
        if values.gap is not None:
            left_out = values.values[values.gap]
            below -= left_out < value
            equal -= left_out == value
    else:
        below, equal = _below_equal(values, value)
    worse = n - below - equal if lower_is_better else below
    share = Fraction(2 * worse + equal, 2 * n) * 100
    return math.floor(share + Fraction(1, 2))  # half up: 37.5 is 38


def _below_equal(values: Sequence[float], value: float) -> tuple[int, int]:
    below = bisect_left(values, value)
    return below, bisect_right(values, value) - below


class Without(Sequence):
    """Sorted values with one occurrence of `excluded` left out (the viewer's own value), without
    copying them: the functions above only index and bisect, and a group can hold thousands."""

    def __init__(self, values: Sequence[float], excluded: float | None):
        self.values = values
        index = bisect_left(values, excluded) if excluded is not None else len(values)
        self.gap = index if index < len(values) and values[index] == excluded else None

    def __len__(self) -> int:
        return len(self.values) - (self.gap is not None)

    def __getitem__(self, position: int) -> float:
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        return self.values[position + (self.gap is not None and position >= self.gap)]
