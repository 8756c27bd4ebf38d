"""Throughput of the pure scoring rules: random assessments against the 36 demo indicators.

Run with ``.venv/bin/python bench/score_assessments.py [--count 10000] [--seed 2026] [--explain]``.
No database: scoring is pure; Django is configured only so that gettext works.
"""

import argparse
import random
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "labels" / "data" / "cme-demo-2026.yaml"


def setup_django() -> None:
    """Translation needs configured settings and a ready app registry; nothing else is used."""
    import os

    import django
    from django.conf import settings

    sys.path.insert(0, str(ROOT))
    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(USE_I18N=True, LANGUAGE_CODE="en", INSTALLED_APPS=[])
    django.setup()


def random_value(rng: random.Random, rule) -> Decimal | None:
    """A plausible answer: sometimes missing, mostly green, some yellow, a few red (then rounded to the kind)."""
    if rng.random() < 0.02:
        return None
    band = rng.choices(("green", "yellow", "red"), weights=(75, 18, 7))[0]
    if rule.kind == "boolean":
        return Decimal(int(band != "red"))
    yellow, green = float(rule.yellow), float(rule.green)
    ceiling = {"scale": 4.0, "percent": 100.0}.get(rule.kind, max(yellow, green) * 1.5 + 1)
    if rule.direction == "lower":
        low, high = {"green": (0, green), "yellow": (green, yellow), "red": (yellow, ceiling)}[band]
    else:
        low, high = {"green": (green, ceiling), "yellow": (yellow, green), "red": (0, yellow)}[band]
    number = rng.uniform(low, high)
    if rule.kind in ("integer", "scale"):
        return Decimal(round(number))
    return Decimal(str(round(number, 1 if rule.kind == "percent" else 3)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="assessments to score (default 10000)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--explain", action="store_true", help="also render every indicator's explanation")
    args = parser.parse_args()

    setup_django()
    import yaml

    from labels.choices import Level
    from labels.scoring import indicator_rules_from_catalogue, level_outcome, score

    with CATALOGUE.open(encoding="utf-8") as handle:
        catalogue = yaml.safe_load(handle)
    rules = indicator_rules_from_catalogue(catalogue)
    gold_rules = catalogue["labels"]["gold"]

    rng = random.Random(args.seed)
    started = time.perf_counter()
    assessments = [{rule.code: random_value(rng, rule) for rule in rules} for _ in range(args.count)]
    generated = time.perf_counter() - started

    outcomes = Counter()
    started = time.perf_counter()
    for values in assessments:
        result = score(rules, values)
        outcomes[level_outcome(Level.GOLD, result, rules=gold_rules).met] += 1
        if args.explain:
            for item in result.results:
                item.explanation  # noqa: B018 -- the property is what we measure
    elapsed = time.perf_counter() - started

    print(f"indicators per assessment: {len(rules)}")
    print(f"assessments scored:        {args.count} (seed {args.seed}, generated in {generated:.2f} s)")
    print(f"gold met / not met:        {outcomes[True]} / {outcomes[False]}")
    print(f"scoring time:              {elapsed:.3f} s{' (with explanations)' if args.explain else ''}")
    print(f"assessments per second:    {args.count / elapsed:,.0f}")


if __name__ == "__main__":
    main()
