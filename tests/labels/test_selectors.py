"""The public read functions other apps use: plain values, flat query counts."""

from labels import selectors, transitions
from labels.catalogue_import import framework_import
from tests.labels import built_fixtures

from . import demo_document, write_catalogue

# Assessments built with bulk inserts; tests/labels/test_transitions.py covers how they get there.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended


def _approve(recommended, board_member):
    return transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member)


def test_current_indicators_are_keyed_by_framework_and_code(framework):
    indicators = selectors.current_indicators()

    assert len(indicators) == 36
    assert indicators[0].key == f"{framework.code}:S1"


def test_the_latest_decided_assessment_is_found_and_drafts_are_not(recommended, board_member, org_a, org_b):
    assert selectors.latest_decided_assessments([org_a.pk, org_b.pk]) == {}

    approved = _approve(recommended, board_member)

    latest = selectors.latest_decided_assessments([org_a.pk, org_b.pk])
    assert set(latest) == {org_a.pk}
    assert latest[org_a.pk].assessment_id == approved.pk
    assert latest[org_a.pk].awarded_level == "gold"


def test_verified_values_carry_ratings_by_key(recommended, board_member, framework):
    approved = _approve(recommended, board_member)

    values = selectors.verified_values([approved.pk])[approved.pk]

    assert len(values) == 36
    assert values[f"{framework.code}:S1"].rating == "green"


def test_an_approved_assessment_is_a_current_label(recommended, board_member, org_a, django_assert_num_queries):
    _approve(recommended, board_member)

    with django_assert_num_queries(1):
        labels = selectors.current_labels([org_a.pk])

    assert labels[org_a.pk].level == "gold"
    assert org_a.pk in selectors.organisations_with_valid_label(level="gold")
    assert org_a.pk not in selectors.organisations_with_valid_label(level="silver")


def test_a_rejection_is_no_label(recommended, board_member, org_a):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="No.", by=board_member)

    assert selectors.current_labels() == {}
    assert selectors.latest_decided_assessments()[org_a.pk].approved is False


def test_latest_weaknesses_lists_red_before_yellow_with_titles_in_two_queries(
    recommended, board_member, org_a, org_b, framework, django_assert_num_queries
):
    from labels.models import Review

    approved = _approve(recommended, board_member)
    Review.objects.filter(assessment=approved, indicator__code="T2").update(rating="yellow")
    Review.objects.filter(assessment=approved, indicator__code="F6").update(rating="red")

    with django_assert_num_queries(2):
        found = selectors.latest_weaknesses([org_a.pk, org_b.pk])

    assert set(found) == {org_a.pk}
    weak = found[org_a.pk]
    assert weak.assessment_id == approved.pk
    assert [(w.code, w.rating) for w in weak.indicators] == [("F6", "red"), ("T2", "yellow")]
    assert weak.indicators[1].title == "Action plan and monitoring"
    assert weak.indicators[1].key == f"{framework.code}:T2"


def test_latest_weaknesses_is_empty_without_decided_assessments(org_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.latest_weaknesses([org_a.pk]) == {}


def test_a_current_label_links_its_verification_page(recommended, board_member, org_a):
    approved = _approve(recommended, board_member)

    assert selectors.current_labels([org_a.pk])[org_a.pk].verify_url == approved.label.get_verification_url()


def test_a_suspended_label_is_no_current_label(recommended, board_member, org_a):
    from labels.label_records import label_suspend

    approved = _approve(recommended, board_member)
    label_suspend(label=approved.label, reason="Under review.", by=board_member)

    assert selectors.current_labels([org_a.pk]) == {}


def test_a_new_catalogue_version_keeps_the_keys_and_a_removed_indicator_drops_out(
    recommended, board_member, framework, tmp_path
):
    _approve(recommended, board_member)
    document = demo_document()
    document["framework"]["version"] = "2026.2"
    areas = document["areas"]
    areas[-1]["indicators"] = [i for i in areas[-1]["indicators"] if i["code"] != areas[-1]["indicators"][-1]["code"]]
    removed = demo_document()["areas"][-1]["indicators"][-1]["code"]
    framework_import(write_catalogue(tmp_path, document))

    current = {indicator.key for indicator in selectors.current_indicators()}
    old = set(selectors.verified_values([recommended.pk])[recommended.pk])
    assert f"{framework.code}:S1" in current & old  # the same indicator in both versions, one key
    assert old - current == {f"{framework.code}:{removed}"}  # compared only where both have it


def test_latest_decided_values_hold_each_organisations_latest_decision_by_key(
    recommended, board_member, org_a, framework, django_assert_num_queries
):
    approved = _approve(recommended, board_member)

    with django_assert_num_queries(2):
        values = selectors.latest_decided_values()

    assert values[f"{framework.code}:S1"][org_a.pk] == (
        approved.reviews.get(indicator__code="S1").verified_value,
        "green",
    )
    assert len(values) == 36
    assert selectors.latest_decided_values([org_a.pk + 1000]) == {}


def test_the_history_mark_grows_with_a_decision(recommended, board_member, django_assert_num_queries):
    with django_assert_num_queries(1):
        before = selectors.history_mark()

    _approve(recommended, board_member)

    assert selectors.history_mark() > before


def test_the_history_mark_grows_with_a_suspension(recommended, board_member):
    from labels.label_records import label_suspend

    label = _approve(recommended, board_member).label
    before = selectors.history_mark()

    label_suspend(label=label, reason="Review.", by=board_member)

    assert selectors.history_mark() > before


def test_open_declared_values_are_provisional_and_none_without_an_open_application(
    draft, owner_a, org_a, framework, org_b
):
    from labels import answers

    answers.answer_save(assessment=draft, indicator=framework.indicators.get(code="S1"), value=12, by=owner_a)

    open_values = selectors.open_declared_values(org_a.pk)

    assert (open_values.status, open_values.level) == ("draft", "gold")
    assert open_values.values[f"{framework.code}:S1"].value == 12
    assert open_values.values[f"{framework.code}:S1"].rating == "red"
    assert selectors.open_declared_values(org_b.pk) is None


def test_organisations_assessed_by_lists_the_assigned_assessors_organisations(in_review, assessor, staff_user, org_a):
    assert selectors.organisations_assessed_by(assessor.pk) == {org_a.pk}
    assert selectors.organisations_assessed_by(staff_user.pk) == set()


def test_level_and_rating_choices_are_plain_pairs(db):
    assert [value for value, _label in selectors.level_choices()] == ["bronze", "silver", "gold"]
    assert [value for value, _label in selectors.rating_choices()] == ["green", "yellow", "red"]
