from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from labels.catalogue_import import framework_import
from labels.choices import Direction, FrameworkStatus, IndicatorKind, Level
from labels.models import Area, Framework, Indicator
from labels.models.catalogue import framework_publish

from . import DEMO_CATALOGUE, demo_document, write_catalogue

# These tests import catalogues themselves, the shipped one included.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_catalogue")]


@pytest.fixture
def demo():
    return framework_import(DEMO_CATALOGUE)


def _another_version(tmp_path, version, *, code=None, publish=True):
    document = demo_document()
    document["framework"]["version"] = version
    if code:
        document["framework"]["code"] = code
    return framework_import(write_catalogue(tmp_path, document, name=f"{version}.yaml"), publish=publish)


def _indicator(framework, **fields):
    area = framework.areas.first()
    values = {
        "framework": framework,
        "area": area,
        "code": "X1",
        "title": "X",
        "question": "?",
        "kind": IndicatorKind.INTEGER,
        "direction": Direction.HIGHER,
        "yellow": Decimal(1),
        "green": Decimal(2),
        **fields,
    }
    return Indicator(**values)


def test_current_is_none_before_anything_is_published(db):
    framework_import(DEMO_CATALOGUE, publish=False)

    assert Framework.objects.current() is None
    assert not Framework.objects.published().exists()


def test_current_is_the_latest_published_framework(demo, tmp_path):
    other = _another_version(tmp_path, "1", code="other-catalogue")

    assert Framework.objects.current() == other
    assert set(Framework.objects.published()) == {demo, other}


def test_level_rules_give_each_level_its_rules(demo):
    assert demo.level_rules(Level.BRONZE) == {"validity_months": 24, "assessors": 1}
    assert demo.level_rules(Level.SILVER)["improvement_areas"] == 3
    assert demo.level_rules(Level.GOLD)["min_score_percent"] == 80
    assert demo.level_rules("platinum") == {}
    assert demo.renewal_window_months == 12


def test_level_rules_are_a_copy(demo):
    demo.level_rules(Level.GOLD)["assessors"] = 5

    assert demo.level_rules(Level.GOLD)["assessors"] == 2


def test_only_drafts_are_editable(demo, tmp_path):
    draft = _another_version(tmp_path, "2026.2", publish=False)

    assert draft.is_editable
    assert not demo.is_editable


def test_publish_supersedes_the_published_version_of_the_same_code_only(demo, tmp_path):
    other = _another_version(tmp_path, "1", code="other-catalogue")
    draft = _another_version(tmp_path, "2026.2", publish=False)

    framework_publish(draft)

    demo.refresh_from_db()
    other.refresh_from_db()
    assert (draft.status, demo.status, other.status) == (
        FrameworkStatus.PUBLISHED,
        FrameworkStatus.SUPERSEDED,
        FrameworkStatus.PUBLISHED,
    )
    assert draft.published_at is not None
    assert Framework.objects.current() == draft


def test_publish_refuses_a_framework_that_is_not_a_draft(demo):
    with pytest.raises(ValidationError, match="Only a draft can be published"):
        framework_publish(demo)


def test_publish_refuses_a_draft_without_indicators(db):
    draft = Framework.objects.create(code="empty", version="1", title="Empty", rules=demo_document()["labels"])

    with pytest.raises(ValidationError, match="has no indicators"):
        framework_publish(draft)

    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.DRAFT


def test_publish_refuses_a_draft_edited_into_inconsistency(tmp_path):
    draft = _another_version(tmp_path, "2026.2", publish=False)
    draft.indicators.filter(code="G2").update(green=Decimal(7))

    with pytest.raises(ValidationError) as caught:
        framework_publish(draft)

    assert "G2: green: must be between 0 and 4 for kind 'scale'" in caught.value.messages
    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.DRAFT


def test_visible_to_hides_drafts_from_everyone_but_staff(demo, tmp_path, outsider, staff_user):
    from django.contrib.auth.models import AnonymousUser

    draft = _another_version(tmp_path, "2026.2", publish=False)

    assert draft not in Framework.objects.visible_to(AnonymousUser())
    assert draft not in Framework.objects.visible_to(outsider)
    assert draft in Framework.objects.visible_to(staff_user)
    assert demo in Framework.objects.visible_to(outsider)


def test_texts_come_in_the_current_language(demo):
    g2 = demo.indicators.get(code="G2")
    area = demo.areas.get(code="S")

    with translation.override("de"):
        assert g2.title_i18n == "Beteiligung der Partner an Entscheidungen"
        assert g2.question_i18n.startswith("Wie werden die Partner")
        assert g2.levels_i18n[0] == "Keine formale Beteiligung"
        assert area.title_i18n == "Struktur des Clusters"
        assert demo.title_i18n.startswith("Exzellenz im Clustermanagement")
    with translation.override("de-at"):
        assert g2.evidence_i18n == "Satzung, Zusammensetzung des Vorstands, Protokolle"
    with translation.override("en"):
        assert g2.title_i18n == "Participant involvement in decisions"
        assert g2.levels_i18n[0] == "No formal involvement"


def test_texts_fall_back_to_the_base_text_when_a_translation_is_missing(demo):
    s1 = demo.indicators.get(code="S1")
    s1.translations = {"de": {"title": "Verbindlich beteiligte Partner", "levels": ["eins"]}}
    c2 = demo.indicators.get(code="C2")

    with translation.override("de"):
        assert s1.title_i18n == "Verbindlich beteiligte Partner"
        assert s1.question_i18n == s1.question
        assert s1.levels_i18n == []
        assert c2.unit_i18n == ""
    with translation.override("fr"):
        assert s1.title_i18n == "Committed participants"


def test_thresholds_print_without_trailing_zeros(demo):
    g1 = demo.indicators.get(code="G1")
    s1 = demo.indicators.get(code="S1")

    assert str(g1.yellow_value) == "0.5"
    assert str(s1.green_value) == "60"


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"kind": IndicatorKind.PERCENT, "green": Decimal(101)},
            "green",
            "must be between 0 and 100 for kind 'percent'",
        ),
        ({"kind": IndicatorKind.BOOLEAN, "yellow": Decimal(1), "green": Decimal(2)}, "green", "must be 0 or 1"),
        ({"kind": IndicatorKind.SCALE, "levels": ["a"] * 5, "green": Decimal(5)}, "green", "between 0 and 4"),
        ({"kind": IndicatorKind.SCALE, "levels": ["a"] * 4}, "levels", "exactly 5 step descriptors"),
        ({"green": Decimal(0)}, "green", "must be at least 'yellow' (1) for direction 'higher'"),
        ({"direction": Direction.LOWER}, "green", "must be at most 'yellow' (1) for direction 'lower'"),
        ({"is_gold": True, "points": 0}, "points", "must be greater than 0 for a gold indicator"),
        ({"levels": ["a"]}, "levels", "only allowed for kind 'scale'"),
    ],
)
def test_indicator_clean_checks_thresholds_against_kind_and_direction(demo, fields, field, message):
    indicator = _indicator(demo, **fields)

    with pytest.raises(ValidationError) as caught:
        indicator.clean()

    assert any(message in text for text in caught.value.message_dict[field]), caught.value.message_dict


def test_indicator_clean_accepts_consistent_thresholds(demo):
    _indicator(demo, direction=Direction.LOWER, yellow=Decimal(4), green=Decimal(2)).clean()
    _indicator(demo, kind=IndicatorKind.SCALE, levels=list("abcde"), yellow=Decimal(2), green=Decimal(3)).clean()


def test_indicator_clean_refuses_an_area_of_another_framework(demo, tmp_path):
    other = _another_version(tmp_path, "2026.2", publish=False)
    indicator = _indicator(demo, area=other.areas.first())

    with pytest.raises(ValidationError) as caught:
        indicator.clean()

    assert "area" in caught.value.message_dict


def test_framework_clean_checks_the_label_rules(demo):
    demo.rules = {**demo.rules, "gold": {"validity_months": 24, "assessors": 2, "min_score_percent": 180}}

    with pytest.raises(ValidationError) as caught:
        demo.clean()

    assert caught.value.message_dict["rules"] == ["gold: field 'min_score_percent' must be between 0 and 100"]


def test_areas_and_indicators_come_in_catalogue_order(demo):
    assert [a.code for a in Area.objects.filter(framework=demo)][:2] == ["S", "G"]
    assert [i.code for i in Indicator.objects.filter(framework=demo)][5:8] == ["S6", "G1", "G2"]
