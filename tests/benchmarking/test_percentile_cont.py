"""Python's quartiles are PostgreSQL's percentile_cont, figure for figure (on PostgreSQL only)."""

import random

import pytest
from django.db import connection

from benchmarking.statistics import quartiles


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 2, 5, 6, 7, 50, 333])
def test_python_and_percentile_cont_give_the_same_quartiles(count):
    if connection.vendor != "postgresql":
        pytest.skip("percentile_cont is PostgreSQL's")
    rng = random.Random(count)
    # Three decimals as stored, and ties (drawn from a small set now and then), as real values have.
    values = sorted(
        rng.choice([12, 40.5, 60]) if rng.random() < 0.3 else round(rng.uniform(0, 500), 3) for _ in range(count)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY v), percentile_cont(0.5) WITHIN GROUP (ORDER BY v), "
            "percentile_cont(0.75) WITHIN GROUP (ORDER BY v) FROM unnest(%s::numeric[]) AS v",
            [[str(v) for v in values]],
        )
        from_sql = cursor.fetchone()

    assert quartiles([float(v) for v in values]) == tuple(from_sql)
