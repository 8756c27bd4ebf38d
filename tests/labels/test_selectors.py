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
