"""Tests of the labels app. DEMO_CATALOGUE and demo_document() serve the catalogue tests."""

import copy
import functools
from pathlib import Path

import yaml

DEMO_CATALOGUE = Path(__file__).resolve().parents[2] / "labels" / "data" / "cme-demo-2026.yaml"


@functools.cache
def _demo_document() -> dict:
    return yaml.safe_load(DEMO_CATALOGUE.read_text(encoding="utf-8"))


def demo_document() -> dict:
    """A fresh, mutable copy of the shipped demonstration catalogue."""
    return copy.deepcopy(_demo_document())


def write_catalogue(directory: Path, document: dict, name: str = "cme.yaml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def without_translations(document: dict) -> dict:
    document["framework"].pop("translations", None)
    for area in document["areas"]:
        area.pop("translations", None)
        for indicator in area["indicators"]:
            indicator.pop("translations", None)
    return document
