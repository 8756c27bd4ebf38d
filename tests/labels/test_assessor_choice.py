"""labels/assessor_choice.py: national or foreign, open assignments, language names, the Gold advice."""

from django.contrib.auth import get_user_model
from django.utils import translation

from accounts.models import AssessorProfile
from labels.assessor_choice import is_national, language_names, national_rule, with_open_assignments
from tests.factories import UserFactory, assessment_draft, assessment_in_review, assessment_submitted


def test_language_names_follow_the_active_language_and_keep_unknown_codes():
    assert language_names(["de", "pl"]) == ["German", "Polish"]
    with translation.override("de"):
        assert language_names(["de", "pl"]) == ["Deutsch", "Polnisch"]
    assert language_names(["xx"]) == ["xx"]
    assert language_names(None) == []


def test_national_means_the_organisations_country_is_in_the_profile(org_a, assessor, owner_a):
    assert org_a.country.code == "DE"
    assert not is_national(assessor, org_a)  # a profile without countries
    AssessorProfile.objects.filter(user=assessor).update(countries=["AT", "DE"])
    assessor.refresh_from_db()
    assert is_national(get_user_model().objects.select_related("assessor_profile").get(pk=assessor.pk), org_a)
    assert not is_national(owner_a, org_a)  # nobody without a profile is national


def test_open_assignments_count_only_open_assessments(framework, org_a, owner_a, staff_user, assessor, assessor2):
    assessment = assessment_in_review(
        assessment_submitted(assessment_draft(organisation=org_a, owner=owner_a), by=owner_a),
        assessors=[assessor],
        by=staff_user,
    )
    counted = {
        p.pk: p.open_assignments for p in with_open_assignments(get_user_model().objects.filter(is_assessor=True))
    }
    assert counted[assessor.pk] == 1
    assert counted[assessor2.pk] == 0
    assessment.status = "approved"
    assessment.save(update_fields=["status"])
    counted = {
        p.pk: p.open_assignments for p in with_open_assignments(get_user_model().objects.filter(is_assessor=True))
    }
    assert counted[assessor.pk] == 0


def test_the_gold_rule_applies_to_gold_and_counts_only_assessors_without_a_conflict(framework, org_a, owner_a):
    national = UserFactory(email="national@example.test", is_assessor=True)
    AssessorProfile.objects.create(user=national, countries=["DE"])
    foreign = UserFactory(email="foreign@example.test", is_assessor=True)
    AssessorProfile.objects.create(user=foreign, countries=["FR"])
    people = list(get_user_model().objects.filter(is_assessor=True).select_related("assessor_profile"))
    gold = assessment_draft(organisation=org_a, owner=owner_a)

    rule = national_rule(gold, people, conflicts={})
    assert rule.applies and rule.possible
    assert rule.nationals == (next(p for p in people if p.pk == national.pk),)

    blocked = national_rule(gold, people, conflicts={national.pk: "conflict"})
    assert not blocked.possible
    assert "no assessor for Germany is available without a conflict of interest" in blocked.message

    bronze = assessment_draft(organisation=org_a, owner=owner_a, level="bronze")
    assert not national_rule(bronze, people, conflicts={}).applies
