import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from labels.catalogue_import import CatalogueError, catalogue_identity, framework_import
from labels.choices import Direction, FrameworkStatus, IndicatorKind
from labels.models import Area, Framework, Indicator

from . import DEMO_CATALOGUE, demo_document, without_translations, write_catalogue

# These tests import catalogues themselves, the shipped one included.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_catalogue")]


def _indicator(document, code):
    return next(i for area in document["areas"] for i in area["indicators"] if i["code"] == code)


def _area(document, code):
    return next(area for area in document["areas"] if area["code"] == code)


def _assert_nothing_imported():
    assert Framework.objects.count() == 0
    assert Area.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_it_imports_the_shipped_demo_catalogue():
    framework = framework_import(DEMO_CATALOGUE)

    assert (framework.code, framework.version) == ("cme-demo-2026", "2026.1")
    assert framework.status == FrameworkStatus.PUBLISHED
    assert framework.published_at is not None
    assert [a.code for a in framework.areas.all()] == ["S", "G", "F", "T", "C", "A"]
    indicators = list(framework.indicators.all())
    assert len(indicators) == 36
    assert indicators[0].code == "S1" and indicators[-1].code == "A6"
    gold = [i for i in indicators if i.is_gold]
    assert len(gold) == 31
    assert sum(i.points for i in gold) == 70
    assert sum(i.is_minimum for i in indicators) == 7
    assert sum(i.is_eligibility for i in indicators) == 4


def test_it_keeps_every_field_of_an_indicator():
    framework = framework_import(DEMO_CATALOGUE)

    g2 = framework.indicators.get(code="G2")
    assert g2.area.code == "G"
    assert g2.kind == IndicatorKind.SCALE
    assert (g2.yellow, g2.green) == (Decimal(2), Decimal(3))
    assert g2.levels[0] == "No formal involvement" and len(g2.levels) == 5
    assert g2.translations["de"]["title"] == "Beteiligung der Partner an Entscheidungen"
    g1 = framework.indicators.get(code="G1")
    assert (g1.yellow, g1.unit, g1.is_minimum, g1.is_eligibility, g1.points) == (Decimal("0.5"), "FTE", True, True, 3)
    assert g1.evidence == "Staff list with working time"
    t6 = framework.indicators.get(code="T6")
    assert (t6.direction, t6.yellow, t6.green) == (Direction.LOWER, 4, 2)


def test_it_keeps_the_label_rules_as_given():
    framework = framework_import(DEMO_CATALOGUE)

    assert framework.level_rules("gold") == {"validity_months": 24, "assessors": 2, "min_score_percent": 80}
    assert framework.level_rules("silver")["previous_bronze_months"] == [18, 24]
    assert framework.renewal_window_months == 12


def test_it_imports_a_file_without_translations(tmp_path):
    path = write_catalogue(tmp_path, without_translations(demo_document()))

    framework = framework_import(path)

    assert framework.indicators.count() == 36
    assert framework.translations == {}
    assert framework.indicators.get(code="S1").translations == {}


def test_it_imports_from_a_binary_stream():
    stream = io.BytesIO(DEMO_CATALOGUE.read_bytes())

    framework = framework_import(stream)

    assert framework.indicators.count() == 36


def test_it_imports_a_draft_when_asked():
    framework = framework_import(DEMO_CATALOGUE, publish=False)

    assert framework.status == FrameworkStatus.DRAFT
    assert framework.published_at is None
    assert Framework.objects.current() is None


def test_publishing_a_new_version_supersedes_the_previous_one(tmp_path):
    first = framework_import(DEMO_CATALOGUE)
    document = demo_document()
    document["framework"]["version"] = "2026.2"

    second = framework_import(write_catalogue(tmp_path, document))

    first.refresh_from_db()
    assert first.status == FrameworkStatus.SUPERSEDED
    assert second.status == FrameworkStatus.PUBLISHED
    assert Framework.objects.current() == second


def test_a_draft_import_leaves_the_published_version_current(tmp_path):
    first = framework_import(DEMO_CATALOGUE)
    document = demo_document()
    document["framework"]["version"] = "2026.2"

    framework_import(write_catalogue(tmp_path, document), publish=False)

    first.refresh_from_db()
    assert first.status == FrameworkStatus.PUBLISHED
    assert Framework.objects.current() == first


def test_it_refuses_a_version_already_imported():
    framework_import(DEMO_CATALOGUE)

    with pytest.raises(CatalogueError) as caught:
        framework_import(DEMO_CATALOGUE)

    assert caught.value.errors == [
        "cme-demo-2026.yaml: framework: cme-demo-2026 version 2026.1 is already imported; import it under a new version"
    ]
    assert Framework.objects.count() == 1
    assert Indicator.objects.count() == 36


def _set(code, field, value):
    def change(document):
        _indicator(document, code)[field] = value

    return change


def _drop(code, field):
    def change(document):
        del _indicator(document, code)[field]

    return change


def _labels(level, field, value):
    def change(document):
        if value is None:
            del document["labels"][level][field]
        else:
            document["labels"][level][field] = value

    return change


def _duplicate_area_code(document):
    _area(document, "G")["code"] = "S"


def _no_labels(document):
    del document["labels"]


def _float_version(document):
    document["framework"]["version"] = 2026.1


def _bad_translated_levels(document):
    _indicator(document, "G2")["translations"]["de"]["levels"] = ["eins", "zwei"]


def _untranslatable_field(document):
    _indicator(document, "S1")["translations"]["de"]["kind"] = "Zahl"


def _area_without_indicators(document):
    _area(document, "A")["indicators"] = []


def _indicator_without_code(document):
    del _area(document, "S")["indicators"][1]["code"]


ERROR_CASES = {
    "missing field": (_drop("S1", "question"), "indicator S1: field 'question' is required"),
    "indicator without code": (_indicator_without_code, "area S: indicator #2: field 'code' is required"),
    "unknown field": (
        _set("S1", "gren", 60),
        "indicator S1: field 'gren' is not part of the format",
    ),
    "unknown kind": (
        _set("S2", "kind", "ratio"),
        "indicator S2: field 'kind' 'ratio' is not one of integer, decimal, percent, boolean, scale",
    ),
    "unknown direction": (
        _set("S2", "direction", "up"),
        "indicator S2: field 'direction' 'up' is not one of higher, lower",
    ),
    "threshold not a number": (_set("S1", "green", "sixty"), "indicator S1: field 'green' must be a number"),
    "question too long": (
        _set("S1", "question", "Why? " * 401),
        "indicator S1: field 'question' must be at most 2000 characters",
    ),
    "scale threshold out of range": (
        _set("G2", "green", 5),
        "indicator G2: field 'green' must be between 0 and 4 for kind 'scale'",
    ),
    "scale threshold between steps": (
        _set("G2", "yellow", 1.5),
        "indicator G2: field 'yellow' must be a whole step from 0 to 4 for kind 'scale'",
    ),
    "percent above 100": (
        _set("S2", "green", 120),
        "indicator S2: field 'green' must be between 0 and 100 for kind 'percent'",
    ),
    "boolean not 0 or 1": (_set("C2", "yellow", 2), "indicator C2: field 'yellow' must be 0 or 1 for kind 'boolean'"),
    "boolean with direction lower": (
        _set("C2", "direction", "lower"),
        "indicator C2: field 'direction' must be 'higher' for kind 'boolean'",
    ),
    "integer with a fraction": (
        _set("S1", "yellow", 15.5),
        "indicator S1: field 'yellow' must be a whole number for kind 'integer'",
    ),
    "too many decimal places": (
        _set("G1", "yellow", 0.1234),
        "indicator G1: field 'yellow' must be a finite number below 10^9 with at most 3 decimal places",
    ),
    "green below yellow for higher": (
        _set("S1", "green", 10),
        "indicator S1: field 'green' must be at least 'yellow' (15) for direction 'higher'",
    ),
    "green above yellow for lower": (
        _set("T6", "green", 5),
        "indicator T6: field 'green' must be at most 'yellow' (4) for direction 'lower'",
    ),
    "scale with four levels": (
        _set("G2", "levels", ["a", "b", "c", "d"]),
        "indicator G2: field 'levels' must list exactly 5 step descriptors (0 to 4) for kind 'scale', got 4",
    ),
    "levels on a number": (
        _set("S1", "levels", ["a"]),
        "indicator S1: field 'levels' is only allowed for kind 'scale'",
    ),
    "negative points": (_set("S4", "points", -1), "indicator S4: field 'points' must be a whole number of at least 0"),
    "gold without points": (
        _set("S1", "points", 0),
        "indicator S1: field 'points' must be greater than 0 for a gold indicator",
    ),
    "points without gold": (_set("S4", "points", 2), "indicator S4: field 'points' must be 0 when 'gold' is false"),
    "flag not a boolean": (_set("S1", "gold", "sometimes"), "indicator S1: field 'gold' must be true or false"),
    "duplicate indicator code": (
        _set("G1", "code", "S1"),
        "indicator S1: field 'code' is used by more than one indicator",
    ),
    "duplicate area code": (_duplicate_area_code, "area S: field 'code' is used by more than one area"),
    "area without indicators": (_area_without_indicators, "area A: field 'indicators' must be a non-empty list"),
    "translated levels of the wrong count": (
        _bad_translated_levels,
        "indicator G2: field 'translations.de.levels' must list 5 texts",
    ),
    "untranslatable field": (
        _untranslatable_field,
        "indicator S1: field 'translations.de.kind' cannot be translated here",
    ),
    "labels block missing": (_no_labels, "labels: is required"),
    "validity missing": (_labels("gold", "validity_months", None), "labels: gold: field 'validity_months' is required"),
    "assessors zero": (
        _labels("bronze", "assessors", 0),
        "labels: bronze: field 'assessors' must be a whole number of at least 1",
    ),
    "gold score above 100": (
        _labels("gold", "min_score_percent", 120),
        "labels: gold: field 'min_score_percent' must be between 0 and 100",
    ),
    "previous bronze not a pair": (
        _labels("silver", "previous_bronze_months", [18]),
        "labels: silver: field 'previous_bronze_months' must be a [min, max] pair of whole months",
    ),
    "previous bronze reversed": (
        _labels("silver", "previous_bronze_months", [24, 18]),
        "labels: silver: field 'previous_bronze_months' must have min <= max",
    ),
    "rule on the wrong level": (
        _labels("bronze", "min_score_percent", 50),
        "labels: bronze: field 'min_score_percent' is not allowed here",
    ),
    "unquoted version": (
        _float_version,
        "framework: field 'version' must be quoted text of letters, digits, '.', '-' or '_' (at most 32), "
        "e.g. '2026.1'",
    ),
}


@pytest.mark.parametrize("change, message", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_it_refuses_a_bad_file_with_a_precise_message_and_imports_nothing(tmp_path, change, message):
    document = demo_document()
    change(document)
    path = write_catalogue(tmp_path, document)

    with pytest.raises(CatalogueError) as caught:
        framework_import(path)

    assert f"cme.yaml: {message}" in caught.value.errors, caught.value.errors
    _assert_nothing_imported()


def test_it_reports_every_problem_not_just_the_first(tmp_path):
    document = demo_document()
    _indicator(document, "G2")["green"] = 5
    _indicator(document, "S2")["kind"] = "ratio"
    document["labels"]["gold"]["min_score_percent"] = 120
    path = write_catalogue(tmp_path, document)

    with pytest.raises(CatalogueError) as caught:
        framework_import(path)

    assert caught.value.errors == [
        "cme.yaml: labels: gold: field 'min_score_percent' must be between 0 and 100",
        "cme.yaml: indicator S2: field 'kind' 'ratio' is not one of integer, decimal, percent, boolean, scale",
        "cme.yaml: indicator G2: field 'green' must be between 0 and 4 for kind 'scale'",
    ]
    assert str(caught.value) == "\n".join(caught.value.errors)


def test_it_reports_malformed_yaml_with_its_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("framework:\n  code: x\n  title: [unclosed\nareas: []\n", encoding="utf-8")

    with pytest.raises(CatalogueError) as caught:
        framework_import(path)

    (message,) = caught.value.errors
    assert message.startswith("broken.yaml: line 4, column 6: malformed YAML: ")
    _assert_nothing_imported()


def test_it_refuses_a_repeated_key(tmp_path):
    path = tmp_path / "twice.yaml"
    path.write_text("framework:\n  code: x\n  code: y\n", encoding="utf-8")

    with pytest.raises(CatalogueError) as caught:
        framework_import(path)

    assert caught.value.errors == ["twice.yaml: line 3, column 3: malformed YAML: duplicate key 'code'"]


def test_it_refuses_a_document_that_is_not_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- one\n- two\n", encoding="utf-8")

    with pytest.raises(CatalogueError) as caught:
        framework_import(path)

    assert caught.value.errors == ["list.yaml: the file must be a mapping with framework, labels and areas"]


def test_it_reports_a_missing_file(tmp_path):
    with pytest.raises(CatalogueError) as caught:
        framework_import(tmp_path / "absent.yaml")

    assert caught.value.errors[0].startswith("absent.yaml: cannot read the file: ")


def test_it_reads_the_identity_of_a_file():
    assert catalogue_identity(DEMO_CATALOGUE) == ("cme-demo-2026", "2026.1")


def test_the_command_imports_and_prints_a_summary():
    out = io.StringIO()

    call_command("import_framework", str(DEMO_CATALOGUE), stdout=out)

    assert "Imported cme-demo-2026 version 2026.1 as published" in out.getvalue()
    assert "6 areas, 36 indicators, 31 gold indicators with 70 points" in out.getvalue()
    assert "7 minimum requirements, 4 eligibility criteria" in out.getvalue()


def test_the_command_imports_a_draft():
    call_command("import_framework", str(DEMO_CATALOGUE), "--draft", stdout=io.StringIO())

    assert Framework.objects.get().status == FrameworkStatus.DRAFT


def test_the_command_with_if_missing_does_nothing_the_second_time():
    call_command("import_framework", str(DEMO_CATALOGUE), "--if-missing", stdout=io.StringIO())
    out = io.StringIO()

    call_command("import_framework", str(DEMO_CATALOGUE), "--if-missing", stdout=out)

    assert "already imported; nothing to do" in out.getvalue()
    assert Framework.objects.count() == 1


def test_the_command_without_if_missing_refuses_the_second_import():
    call_command("import_framework", str(DEMO_CATALOGUE), stdout=io.StringIO())

    with pytest.raises(CommandError, match="already imported; import it under a new version"):
        call_command("import_framework", str(DEMO_CATALOGUE))


def test_the_command_reports_every_error_and_imports_nothing(tmp_path):
    document = demo_document()
    _indicator(document, "G2")["green"] = 5
    _indicator(document, "S1")["points"] = 0
    path = write_catalogue(tmp_path, document)

    with pytest.raises(CommandError) as caught:
        call_command("import_framework", str(path))

    message = str(caught.value)
    assert "the catalogue was not imported (2 problems)" in message
    assert "cme.yaml: indicator G2: field 'green' must be between 0 and 4 for kind 'scale'" in message
    assert "cme.yaml: indicator S1: field 'points' must be greater than 0 for a gold indicator" in message
    _assert_nothing_imported()


def test_the_command_exits_non_zero_without_a_traceback(tmp_path):
    # A real process: the file is refused before any database access.
    path = tmp_path / "broken.yaml"
    path.write_text("framework: [unclosed\n", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "manage.py", "import_framework", str(path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert "CommandError: the catalogue was not imported (1 problem):" in result.stderr
    assert "broken.yaml: line 2, column 1: malformed YAML" in result.stderr
    assert "Traceback" not in result.stderr
