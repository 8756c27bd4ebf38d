"""The figures' definitions, exactly as the page and the API documentation state them."""

import pytest

from benchmarking.statistics import Without, percentile_rank, quantile, quartiles


def test_quartiles_interpolate_linearly_between_closest_ranks():
    assert quartiles([1, 2, 3, 4]) == (1.75, 2.5, 3.25)
    assert quartiles([10, 20, 30, 40, 50]) == (20, 30, 40)


def test_a_single_value_is_every_quartile_and_none_is_none():
    assert quartiles([7]) == (7, 7, 7)
    assert quartiles([]) == (None, None, None)


def test_the_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert quantile([1, 3, 8, 100], 0.5) == 5.5


def test_percentile_rank_counts_below_and_half_of_the_equal():
    peers = [1, 2, 2, 3, 5]

    assert percentile_rank(peers, 2) == 40  # (1 + 2/2) / 5
    assert percentile_rank(peers, 4) == 80  # (4 + 0) / 5
    assert percentile_rank(peers, 0) == 0
    assert percentile_rank(peers, 9) == 100


def test_percentile_rank_rounds_half_up():
    assert percentile_rank([1, 2, 3, 4, 5, 6, 7, 8], 3.5) == 38  # 37.5
    assert percentile_rank([1, 2, 3, 4, 5, 6, 7, 8], 1.5) == 13  # 12.5


def test_for_less_is_better_a_lower_value_ranks_higher():
    peers = [1, 2, 2, 3, 5]

    assert percentile_rank(peers, 2, lower_is_better=True) == 60  # (2 above + 2/2) / 5
    assert percentile_rank(peers, 0.5, lower_is_better=True) == 100


def test_no_peers_no_rank():
    assert percentile_rank([], 3) is None


@pytest.mark.parametrize("own", [1, 2, 5, 9])
def test_leaving_out_the_viewers_value_equals_a_list_without_it(own):
    values = sorted([1, 2, 2, 5, 7, 9, 9, 12, own])
    shorter = list(values)
    shorter.remove(own)

    without = Without(values, own)

    assert list(without) == shorter
    assert quartiles(without) == quartiles(shorter)
    for probe in (0, 2, 5, 9, 13):
        assert percentile_rank(without, probe) == percentile_rank(shorter, probe)


def test_leaving_out_a_value_that_is_not_there_changes_nothing():
    assert list(Without([1, 2, 3], 7)) == [1, 2, 3]
    assert list(Without([1, 2, 3], None)) == [1, 2, 3]
