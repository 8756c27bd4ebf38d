"""The demo catalogue's scoring rules for tests, loaded from the catalogue file the portal ships."""

from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

import labels
from labels.choices import Direction
from labels.scoring import IndicatorRule, indicator_rules_from_catalogue

CATALOGUE_PATH = Path(labels.__file__).resolve().parent / "data" / "cme-demo-2026.yaml"


@cache
def demo_catalogue() -> dict:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def demo_rules() -> tuple[IndicatorRule, ...]:
    return indicator_rules_from_catalogue(demo_catalogue())


def demo_label_rules() -> dict:
    """The catalogue's ``labels:`` block: rules by level name."""
    return demo_catalogue()["labels"]


def rule(code: str) -> IndicatorRule:
    return next(item for item in demo_rules() if item.code == code)


def green_values() -> dict[str, Decimal]:
    """A value for every demo indicator that rates it green: each sits exactly on its green threshold."""
    return {item.code: item.green for item in demo_rules()}


def red_value(item: IndicatorRule) -> Decimal:
    """A value just outside the yellow threshold, so the indicator rates red."""
    if item.kind == "boolean":
        return Decimal(0)
    step = Decimal(1) if item.kind in ("integer", "scale") else Decimal("0.001")
    return item.yellow + step if item.direction == Direction.LOWER else item.yellow - step
