"""Import an indicator catalogue from its YAML file (format: labels/data/cme-demo-2026.yaml).

The whole file is checked first and every problem reported at once, each message naming the
file, the area or indicator and the field; nothing is imported unless the file is clean.
"""

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from labels.choices import Direction, FrameworkStatus, IndicatorKind
from labels.models import Area, Framework, Indicator
from labels.models.catalogue import (
    TEXT_MAX_LENGTH,
    TRANSLATABLE_FIELDS,
    framework_publish,
    indicator_points_errors,
    indicator_threshold_errors,
    label_rules_errors,
)

_FRAMEWORK_KEYS = {"code", "version", "title", "translations"}
_AREA_KEYS = {"code", "title", "indicators", "translations"}
_INDICATOR_REQUIRED = ("code", "title", "question", "kind", "direction", "yellow", "green")
_INDICATOR_KEYS = {
    *_INDICATOR_REQUIRED,
    *("unit", "levels", "minimum", "eligibility", "gold", "points", "evidence", "translations"),
}
_FLAGS = {"minimum": "is_minimum", "eligibility": "is_eligibility", "gold": "is_gold"}
_MAX_LENGTH = {"code": 16, "title": 200, "unit": 64, "question": TEXT_MAX_LENGTH, "evidence": TEXT_MAX_LENGTH}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")  # it appears in API paths
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,64}$")
_DECIMAL_LIMIT = Decimal(10) ** 9  # DecimalField(max_digits=12, decimal_places=3)


class CatalogueError(Exception):
    """The file cannot be imported; `errors` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses repeated keys instead of silently keeping the last one."""


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str | int | float | bool):
            continue  # unhashable keys are left to the normal constructor
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read(path_or_stream) -> tuple[str, str]:
    """(display name, text) of a path or an open text or binary stream."""
    if isinstance(path_or_stream, str | Path):
        path = Path(path_or_stream)
        try:
            return path.name, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CatalogueError(
                [_("%(file)s: cannot read the file: %(error)s") % {"file": path.name, "error": exc}]
            ) from exc
    name = Path(getattr(path_or_stream, "name", "") or "catalogue").name
    text = path_or_stream.read()
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogueError([_("%(file)s: the file is not UTF-8 text") % {"file": name}]) from exc
    return name, text


def catalogue_load(path_or_stream) -> tuple[str, dict]:
    """(display name, parsed document); malformed YAML raises CatalogueError with line and column."""
    name, text = _read(path_or_stream)
    try:
        document = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = (
            _("line %(line)s, column %(column)s: ") % {"line": mark.line + 1, "column": mark.column + 1} if mark else ""
        )
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogueError([f"{name}: {where}" + _("malformed YAML: %(problem)s") % {"problem": problem}]) from exc
    if not isinstance(document, dict):
        raise CatalogueError(
            [_("%(file)s: the file must be a mapping with framework, labels and areas") % {"file": name}]
        )
    return name, document


def catalogue_identity(path_or_stream) -> tuple[str, str] | None:
    """(code, version) named in a catalogue file, or None when the file does not say."""
    _name, document = catalogue_load(path_or_stream)
    header = document.get("framework")
    if isinstance(header, dict) and isinstance(header.get("code"), str) and isinstance(header.get("version"), str):
        return header["code"], header["version"]
    return None


class _Checker:
    """Collects every problem of one document, each prefixed with the file and the place."""

    def __init__(self, name: str):
        self.name = name
        self.errors: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.errors.append(f"{self.name}: {where}: {message}")

    def field(self, where: str, field: str, message: str) -> None:
        self.add(where, _("field '%(field)s' %(message)s") % {"field": field, "message": message})

    def keys(self, where: str, data: dict, allowed: set, required) -> None:
        for key in required:
            if data.get(key) is None:
                self.field(where, key, _("is required"))
        for key in data:
            if key not in allowed:
                self.field(where, str(key), _("is not part of the format"))

    def text(self, where: str, data: dict, field: str, *, required=True) -> str:
        value = data.get(field)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.field(where, field, _("must be a non-empty text"))
            return ""
        limit = _MAX_LENGTH.get(field)
        if limit and len(value) > limit:
            self.field(where, field, _("must be at most %(limit)s characters") % {"limit": limit})
        return value.strip()

    def translations(self, where: str, data: dict, allowed: tuple, levels_count: int = 0) -> dict:
        value = data.get("translations")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.field(where, "translations", _("must map language codes to texts, e.g. {de: {title: ...}}"))
            return {}
        for language, texts in value.items():
            place = f"translations.{language}"
            if not isinstance(language, str) or not _LANGUAGE.match(language):
                self.field(where, "translations", _("has an invalid language code '%(code)s'") % {"code": language})
                continue
            if not isinstance(texts, dict):
                self.field(where, place, _("must be a mapping of field to text"))
                continue
            for key, text in texts.items():
                if key not in allowed:
                    self.field(where, f"{place}.{key}", _("cannot be translated here"))
                elif key == "levels":
                    if not (
                        isinstance(text, list) and len(text) == levels_count and all(isinstance(t, str) for t in text)
                    ):
                        self.field(where, f"{place}.levels", _("must list %(count)s texts") % {"count": levels_count})
                elif not isinstance(text, str):
                    self.field(where, f"{place}.{key}", _("must be a text"))
        return value

    def number(self, where: str, data: dict, field: str) -> Decimal | None:
        value = data.get(field)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.field(where, field, _("must be a number"))
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.field(where, field, _("must be a finite number"))
            return None
        if not number.is_finite() or abs(number) >= _DECIMAL_LIMIT or number != number.quantize(Decimal("0.001")):
            self.field(where, field, _("must be a finite number below 10^9 with at most 3 decimal places"))
            return None
        return number

    def flag(self, where: str, data: dict, field: str) -> bool:
        value = data.get(field, False)
        if not isinstance(value, bool):
            self.field(where, field, _("must be true or false"))
            return False
        return value


def _check_framework(check: _Checker, document: dict) -> dict | None:
    header = document.get("framework")
    if not isinstance(header, dict):
        check.add("framework", _("is required and must be a mapping with code, version and title"))
        return None
    check.keys("framework", header, _FRAMEWORK_KEYS, ("code", "version", "title"))
    code, version = header.get("code"), header.get("version")
    if code is not None and not (isinstance(code, str) and _SLUG.match(code)):
        check.field("framework", "code", _("must be a slug (letters, digits, hyphens; at most 64 characters)"))
        code = None
    if version is not None and not (isinstance(version, str) and _VERSION.match(version)):
        check.field(
            "framework",
            "version",
            _("must be quoted text of letters, digits, '.', '-' or '_' (at most 32), e.g. '2026.1'"),
        )
        version = None
    title = check.text("framework", header, "title")
    translations = check.translations("framework", header, ("title",))
    if code and version and Framework.objects.filter(code=code, version=version).exists():
        check.add(
            "framework",
            _("%(code)s version %(version)s is already imported; import it under a new version")
            % {"code": code, "version": version},
        )
    return {"code": code, "version": version, "title": title, "translations": translations}


def _check_indicator(check: _Checker, data, where: str) -> dict | None:
    if not isinstance(data, dict):
        check.add(where, _("must be a mapping"))
        return None
    if isinstance(data.get("code"), str) and data["code"].strip():
        where = _("indicator %(code)s") % {"code": data["code"]}
    check.keys(where, data, _INDICATOR_KEYS, _INDICATOR_REQUIRED)
    row = {field: check.text(where, data, field) for field in ("code", "title", "question")}
    row["unit"] = check.text(where, data, "unit", required=False)
    row["evidence"] = check.text(where, data, "evidence", required=False)
    kind, direction = data.get("kind"), data.get("direction")
    if kind is not None and kind not in IndicatorKind.values:
        check.field(
            where,
            "kind",
            _("'%(value)s' is not one of %(choices)s") % {"value": kind, "choices": ", ".join(IndicatorKind.values)},
        )
        kind = None
    if direction is not None and direction not in Direction.values:
        check.field(
            where,
            "direction",
            _("'%(value)s' is not one of %(choices)s") % {"value": direction, "choices": ", ".join(Direction.values)},
        )
        direction = None
    yellow, green = check.number(where, data, "yellow"), check.number(where, data, "green")
    levels = data.get("levels") or []
    flags = {attribute: check.flag(where, data, key) for key, attribute in _FLAGS.items()}
    points = data.get("points", 0)
    for field, message in indicator_points_errors(is_gold=flags["is_gold"], points=points):
        check.field(where, field, message)
    if kind:
        for field, message in indicator_threshold_errors(
            kind=kind, direction=direction, yellow=yellow, green=green, levels=levels
        ):
            check.field(where, field, message)
    levels_count = len(levels) if isinstance(levels, list) else 0
    translations = check.translations(where, data, TRANSLATABLE_FIELDS, levels_count)
    return {
        **row,
        "kind": kind,
        "direction": direction,
        "yellow": yellow,
        "green": green,
        "levels": levels if isinstance(levels, list) else [],
        **flags,
        "points": points if isinstance(points, int) else 0,
        "translations": translations,
    }


def _check_areas(check: _Checker, document: dict) -> list[dict]:
    areas = document.get("areas")
    if not isinstance(areas, list) or not areas:
        check.add("areas", _("is required and must be a non-empty list"))
        return []
    result, area_codes, indicator_codes = [], set(), set()
    for number, data in enumerate(areas, start=1):
        where = _("area #%(number)s") % {"number": number}
        if not isinstance(data, dict):
            check.add(where, _("must be a mapping"))
            continue
        if isinstance(data.get("code"), str) and data["code"].strip():
            where = _("area %(code)s") % {"code": data["code"]}
        check.keys(where, data, _AREA_KEYS, ("code", "title", "indicators"))
        code = check.text(where, data, "code")
        if code and code in area_codes:
            check.field(where, "code", _("is used by more than one area"))
        area_codes.add(code)
        area = {
            "code": code,
            "title": check.text(where, data, "title"),
            "translations": check.translations(where, data, ("title",)),
            "indicators": [],
        }
        indicators = data.get("indicators")
        if indicators is not None and (not isinstance(indicators, list) or not indicators):
            check.field(where, "indicators", _("must be a non-empty list"))
            indicators = []
        for position, item in enumerate(indicators or [], start=1):
            place = _("%(area)s: indicator #%(number)s") % {"area": where, "number": position}
            indicator = _check_indicator(check, item, place)
            if indicator is None:
                continue
            if indicator["code"] and indicator["code"] in indicator_codes:
                check.field(
                    _("indicator %(code)s") % {"code": indicator["code"]},
                    "code",
                    _("is used by more than one indicator"),
                )
            indicator_codes.add(indicator["code"])
            area["indicators"].append(indicator)
        result.append(area)
    return result


def catalogue_check(name: str, document: dict) -> tuple[dict | None, list[dict], list[str]]:
    """Validate a parsed document: (framework header, areas with indicators, error messages)."""
    check = _Checker(name)
    check.keys("file", document, {"framework", "labels", "areas"}, ())
    header = _check_framework(check, document)
    if "labels" not in document:
        check.add("labels", _("is required"))
    else:
        for message in label_rules_errors(document["labels"]):
            check.add("labels", message)
    areas = _check_areas(check, document)
    return header, areas, check.errors


def framework_import(path_or_stream, *, publish: bool = True) -> Framework:
    """Import a catalogue file as a new framework version, published unless `publish` is False."""
    name, document = catalogue_load(path_or_stream)
    with transaction.atomic():
        header, areas, errors = catalogue_check(name, document)
        if errors:
            raise CatalogueError(errors)
        return _framework_create(name, document, header, areas, publish=publish)


def _framework_create(name: str, document: dict, header: dict, areas: list[dict], *, publish: bool) -> Framework:
    try:
        framework = Framework.objects.create(
            code=header["code"],
            version=header["version"],
            title=header["title"],
            translations=header["translations"],
            rules=document["labels"],
            status=FrameworkStatus.DRAFT,
        )
    except IntegrityError as exc:  # imported concurrently since the check above
        raise CatalogueError([f"{name}: framework: " + _("this version is already imported")]) from exc
    indicators = []
    for area_position, data in enumerate(areas, start=1):
        area = Area.objects.create(
            framework=framework,
            code=data["code"],
            title=data["title"],
            position=area_position,
            translations=data["translations"],
        )
        for position, row in enumerate(data["indicators"], start=1):
            indicators.append(Indicator(framework=framework, area=area, position=position, **row))
    Indicator.objects.bulk_create(indicators)
    if publish:
        framework_publish(framework)
    return framework
