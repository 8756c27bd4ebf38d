"""The bulk demo benchmarkings: the same rows the transitions write, plausible and varied values."""

import statistics

import pytest
from django.db.models import Count
from django.utils import timezone

from accounts.demo import demo_organisations_create
from labels.assessment_scores import verified_result
from labels.demo import _people
from labels.demo_decided import decided_assessments_create
from labels.models import Answer, Assessment, AssessmentEvent, AssessorAssignment, Review
from labels.scoring import rate

pytestmark = pytest.mark.django_db

ORGS = 160


@pytest.fixture
def written(framework, staff_user, board_member):
    import random

    organisations, _created = demo_organisations_create(count=ORGS, rng=random.Random(7))
    people = _people({"staff@example.org": staff_user, "board@example.org": board_member,
                      "assessor@example.org": None, "assessor2@example.org": None})  # fmt: skip
    count = decided_assessments_create(
        organisations=organisations, framework=framework, experts=people.experts, board=board_member,
        staff=staff_user, base=0.5,
    )  # fmt: skip
    return organisations, count


def test_most_organisations_get_a_decided_assessment_some_two(written):
    organisations, count = written
    per_organisation = Assessment.objects.values("organisation").annotate(n=Count("pk"))

    assert 0.8 * ORGS <= per_organisation.count() < ORGS
    assert count == Assessment.objects.count() > per_organisation.count()
    assert set(Assessment.objects.values_list("status", flat=True)) == {"approved", "rejected"}
    assert set(Assessment.objects.values_list("level", flat=True)) == {"bronze", "silver", "gold"}


def test_every_stored_rating_is_the_rating_of_the_stored_value(written):
    indicators = {}
    for review in Review.objects.select_related("indicator"):
        indicators[review.indicator_id] = review.indicator
        assert rate(review.indicator, review.verified_value) == review.rating
    for answer in Answer.objects.all():
        assert rate(indicators[answer.indicator_id], answer.value) == answer.provisional_rating


def test_approved_assessments_meet_their_levels_rules_and_rejected_ones_may_miss_values(written):
    for assessment in Assessment.objects.filter(status="approved").select_related("framework"):
        result = verified_result(assessment)
        assert result.eligibility_met and result.complete
        if assessment.level != "bronze":
            assert result.minimum_met
        if assessment.level == "gold":
            assert result.gold_score >= 80
        assert assessment.verified_score == result.gold_score
    assert Review.objects.filter(verified_value=None, assessment__status="rejected").exists()
    assert not Review.objects.filter(verified_value=None, assessment__status="approved").exists()


def test_the_history_assignments_and_answers_are_complete_and_in_the_past(written):
    now = timezone.now()
    for assessment in Assessment.objects.prefetch_related("history"):
        events = list(assessment.history.all())
        assert [e.to_status for e in events][:4] == ["draft", "submitted", "in_review", "recommended"]
        assert [e.from_status for e in events][1:] == [e.to_status for e in events][:-1]
        assert events[0].at == assessment.created_at and events[-1].at == assessment.decided_at <= now
        assert assessment.interview_date < assessment.decided_at.date()
    assert AssessmentEvent.objects.count() == 5 * Assessment.objects.count()
    assert Answer.objects.count() == Review.objects.count() == 36 * Assessment.objects.count()
    assert not AssessorAssignment.objects.filter(recommended_level="").exists()


def test_larger_and_older_organisations_score_better(written):
    organisations, _count = written
    score = {a.organisation_id: float(a.verified_score) for a in Assessment.objects.filter(status="approved")}
    by_size = sorted((o.participants_total, score[o.pk]) for o in organisations if o.pk in score)
    half = len(by_size) // 2

    assert statistics.mean(s for _n, s in by_size[half:]) > statistics.mean(s for _n, s in by_size[:half])


def test_a_second_run_writes_nothing(written, framework, staff_user, board_member):
    organisations, _count = written
    people = _people({"staff@example.org": staff_user, "board@example.org": board_member,
                      "assessor@example.org": None, "assessor2@example.org": None})  # fmt: skip
    before = Assessment.objects.count()

    assert decided_assessments_create(organisations=organisations, framework=framework, experts=people.experts,
                                      board=board_member, staff=staff_user, base=0.5) == 0  # fmt: skip
    assert Assessment.objects.count() == before
