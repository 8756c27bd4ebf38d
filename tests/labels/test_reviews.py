"""The assessors' review: verified values, Silver improvement areas, recommendations and the
Gold two-assessor rule as the board meets it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from labels import answers, reviews, transitions
from labels.models import AssessmentStatus, ImprovementArea, Review
from labels.transitions import TransitionNotAllowed
from tests.factories import UserFactory
from tests.labels import built_fixtures

from .conftest import fill_answers, verify_all
from .test_eligibility import completed_bronze

# Assessments built with bulk inserts; tests/labels/test_transitions.py covers how they get there.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended

YESTERDAY = timezone.localdate() - timedelta(days=1)


def indicator(assessment, code):
    return assessment.framework.indicators.get(code=code)


def recommend(assessment, person, level, summary="Summary."):
    return transitions.assessment_recommend(assessment=assessment, level=level, summary=summary, by=person)


@pytest.fixture
def interviewed(verified, assessor):
    """In review, every indicator verified, the interview recorded: ready to recommend."""
    transitions.interview_record(assessment=verified, on=YESTERDAY, by=assessor)
    return verified


@pytest.fixture
def silver_in_review(framework, org_a, owner_a, staff_user, assessor):
    completed_bronze(org_a, framework, months_ago=20)
    silver = transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)
    answers.improvement_areas_set(
        assessment=silver,
        items=[(indicator(silver, code), f"Improve {code}.") for code in ("F1", "T3", "C5")],
        by=owner_a,
    )
    fill_answers(silver, owner_a)
    transitions.assessment_submit(assessment=silver, by=owner_a)
    return transitions.assessment_assign(assessment=silver, assessors=[assessor], by=staff_user)


@pytest.fixture
def bronze_in_review(framework, org_a, owner_a, staff_user, assessor):
    bronze = transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)
    fill_answers(bronze, owner_a)
    transitions.assessment_submit(assessment=bronze, by=owner_a)
    transitions.assessment_assign(assessment=bronze, assessors=[assessor], by=staff_user)
    transitions.interview_record(assessment=bronze, on=YESTERDAY, by=assessor)
    verify_all(bronze, assessor)
    return bronze


# Verified values


def test_an_assessor_corrects_a_value_and_the_rating_and_score_follow(in_review, assessor):
    review = reviews.review_save(
        assessment=in_review,
        indicator=indicator(in_review, "S2"),
        verified_value="45",
        comment=" Checked. ",
        by=assessor,
    )

    assert review.verified_value == 45
    assert review.rating == "yellow"
    assert review.comment == "Checked."
    assert review.verified_by == assessor
    in_review.refresh_from_db()
    assert in_review.verified_score == Decimal("97.1")  # S2's 2 of 70 points lost
    assert in_review.answers.get(indicator__code="S2").value == 60  # the declared value stays


def test_the_second_assessor_edits_the_same_review(in_review, assessor, assessor2):
    reviews.review_save(assessment=in_review, indicator=indicator(in_review, "S1"), verified_value=20, by=assessor)
    reviews.review_save(assessment=in_review, indicator=indicator(in_review, "S1"), verified_value=30, by=assessor2)

    review = Review.objects.get(assessment=in_review, indicator__code="S1")
    assert (review.verified_value, review.verified_by) == (30, assessor2)


def test_an_empty_verified_value_is_rated_red(in_review, assessor):
    review = reviews.review_save(
        assessment=in_review, indicator=indicator(in_review, "C2"), verified_value="", by=assessor
    )

    assert review.verified_value is None
    assert review.rating == "red"


def test_a_value_of_the_wrong_kind_is_refused_with_a_message(in_review, assessor):
    with pytest.raises(ValidationError) as error:
        reviews.review_save(assessment=in_review, indicator=indicator(in_review, "G2"), verified_value=7, by=assessor)

    assert error.value.messages == ["Choose a whole number from 0 to 4."]
    assert Review.objects.get(assessment=in_review, indicator__code="G2").verified_value == 3


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "board_member"])
def test_only_assigned_assessors_review(request, in_review, persona):
    with pytest.raises(PermissionDenied):
        reviews.review_save(
            assessment=in_review,
            indicator=indicator(in_review, "S1"),
            verified_value=1,
            by=request.getfixturevalue(persona),
        )


def test_an_unassigned_assessor_cannot_review(in_review):
    with pytest.raises(PermissionDenied):
        reviews.review_save(
            assessment=in_review,
            indicator=indicator(in_review, "S1"),
            verified_value=1,
            by=UserFactory(is_assessor=True),
        )

    assert Review.objects.get(assessment=in_review, indicator__code="S1").verified_value == 60


def test_reviews_are_frozen_once_recommended(recommended, assessor):
    with pytest.raises(TransitionNotAllowed):
        reviews.review_save(
            assessment=recommended, indicator=indicator(recommended, "S1"), verified_value=1, by=assessor
        )


# Silver improvement areas


def test_the_assessor_validates_and_rejects_improvement_areas(silver_in_review, assessor):
    first, second, _third = silver_in_review.improvement_areas.all()

    reviews.improvement_validate(area=first, validated=True, comment=" Convincing. ", by=assessor)
    reviews.improvement_validate(area=second, validated=False, comment="No evidence.", by=assessor)

    first, second, third = ImprovementArea.objects.filter(assessment=silver_in_review)
    assert (first.validated, first.assessor_comment, first.validated_by) == (True, "Convincing.", assessor)
    assert (second.validated, second.assessor_comment) == (False, "No evidence.")
    assert third.validated is None


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "assessor2"])
def test_only_the_assigned_assessor_validates_improvement_areas(request, silver_in_review, persona):
    area = silver_in_review.improvement_areas.first()

    with pytest.raises(PermissionDenied):
        reviews.improvement_validate(area=area, validated=True, by=request.getfixturevalue(persona))

    area.refresh_from_db()
    assert area.validated is None


def test_improvement_areas_are_validated_only_in_review(silver_in_review, assessor):
    transitions.interview_record(assessment=silver_in_review, on=YESTERDAY, by=assessor)
    verify_all(silver_in_review, assessor)
    for area in silver_in_review.improvement_areas.all():
        reviews.improvement_validate(area=area, validated=True, by=assessor)
    recommend(silver_in_review, assessor, "silver")

    with pytest.raises(TransitionNotAllowed):
        reviews.improvement_validate(area=silver_in_review.improvement_areas.first(), validated=True, by=assessor)


# Recommendations


def test_a_single_assessor_moves_a_bronze_to_the_board(bronze_in_review, assessor):
    recommend(bronze_in_review, assessor, "bronze", summary="  Complete benchmarking.  ")

    bronze_in_review.refresh_from_db()
    assert bronze_in_review.status == AssessmentStatus.RECOMMENDED
    assert bronze_in_review.recommendations_disagree is False
    assignment = bronze_in_review.assignments.get()
    assert (assignment.recommended_level, assignment.recommendation_summary) == ("bronze", "Complete benchmarking.")
    assert assignment.recommended_at is not None


def test_recommending_above_the_applied_level_is_refused(bronze_in_review, assessor):
    with pytest.raises(ValidationError, match="higher level"):
        recommend(bronze_in_review, assessor, "silver")

    bronze_in_review.refresh_from_db()
    assert bronze_in_review.status == AssessmentStatus.IN_REVIEW
    assert bronze_in_review.assignments.get().recommended_level == ""


def test_recommending_a_lower_level_is_allowed(interviewed, assessor):
    recommend(interviewed, assessor, "bronze")

    assert interviewed.assignments.get(assessor=assessor).recommended_level == "bronze"


def test_recommending_a_label_without_an_interview_date_is_refused(in_review, assessor):
    with pytest.raises(ValidationError, match="interview"):
        recommend(in_review, assessor, "gold")

    assert in_review.assignments.get(assessor=assessor).recommended_level == ""


def test_recommending_no_label_needs_no_interview(verified, assessor):
    recommend(verified, assessor, "none")

    assert verified.assignments.get(assessor=assessor).recommended_level == "none"


@pytest.mark.parametrize("level, summary", [("platinum", "Shiny."), ("gold", "   ")])
def test_a_recommendation_needs_a_known_level_and_a_summary(interviewed, assessor, level, summary):
    with pytest.raises(ValidationError):
        recommend(interviewed, assessor, level, summary=summary)


# The Gold two-assessor rule


def test_the_first_gold_recommendation_leaves_it_in_review(interviewed, assessor):
    recommend(interviewed, assessor, "gold")

    interviewed.refresh_from_db()
    assert interviewed.status == AssessmentStatus.IN_REVIEW
    assert transitions.agreed_recommendation(interviewed) is None


def test_an_assessor_may_change_their_recommendation_before_the_other_speaks(interviewed, assessor):
    recommend(interviewed, assessor, "gold")
    recommend(interviewed, assessor, "bronze")

    assert interviewed.assignments.get(assessor=assessor).recommended_level == "bronze"
    assert interviewed.history.filter(to_status="recommended").count() == 0


def test_the_second_gold_recommendation_moves_it_to_the_board(interviewed, assessor, assessor2):
    recommend(interviewed, assessor, "gold")
    recommend(interviewed, assessor2, "gold")

    interviewed.refresh_from_db()
    assert interviewed.status == AssessmentStatus.RECOMMENDED
    assert interviewed.recommendations_disagree is False
    assert transitions.agreed_recommendation(interviewed) == "gold"


def test_a_disagreement_is_flagged_with_both_views(interviewed, assessor, assessor2):
    recommend(interviewed, assessor, "gold")
    recommend(interviewed, assessor2, "bronze")

    interviewed.refresh_from_db()
    assert interviewed.status == AssessmentStatus.RECOMMENDED
    assert interviewed.recommendations_disagree is True
    assert transitions.agreed_recommendation(interviewed) is None
    note = interviewed.history.get(to_status="recommended").note
    assert note == f"{assessor}: Gold; {assessor2}: Bronze"


@pytest.fixture
def disagreed(interviewed, assessor, assessor2):
    recommend(interviewed, assessor, "gold")
    recommend(interviewed, assessor2, "bronze")
    interviewed.refresh_from_db()
    return interviewed


def test_approving_a_disagreement_needs_a_level(disagreed, board_member):
    with pytest.raises(ValidationError, match="name the level"):
        transitions.assessment_decide(assessment=disagreed, approve=True, reason="Good.", by=board_member)

    disagreed.refresh_from_db()
    assert disagreed.status == AssessmentStatus.RECOMMENDED


@pytest.mark.parametrize("level", ["gold", "bronze"])
def test_the_board_awards_one_of_the_recommended_levels(disagreed, board_member, level):
    decided = transitions.assessment_decide(
        assessment=disagreed, approve=True, reason="Weighed both.", by=board_member, level=level
    )

    assert (decided.status, decided.awarded_level) == (AssessmentStatus.APPROVED, level)


def test_the_board_cannot_award_a_level_no_one_recommended(disagreed, board_member):
    with pytest.raises(ValidationError, match="only a level that an assessor recommended"):
        transitions.assessment_decide(
            assessment=disagreed, approve=True, reason="Mid.", by=board_member, level="silver"
        )

    disagreed.refresh_from_db()
    assert disagreed.status == AssessmentStatus.RECOMMENDED


def test_the_board_cannot_award_more_than_an_agreed_recommendation(interviewed, assessor, assessor2, board_member):
    recommend(interviewed, assessor, "bronze")
    recommend(interviewed, assessor2, "bronze")

    with pytest.raises(ValidationError):
        transitions.assessment_decide(
            assessment=interviewed, approve=True, reason="More!", by=board_member, level="gold"
        )


def test_no_label_from_both_cannot_be_approved_but_can_be_rejected(verified, assessor, assessor2, board_member):
    in_review = verified
    recommend(in_review, assessor, "none")
    recommend(in_review, assessor2, "none")
    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.RECOMMENDED

    with pytest.raises(ValidationError, match="Reject instead"):
        transitions.assessment_decide(assessment=in_review, approve=True, reason="Yes.", by=board_member)
    with pytest.raises(ValidationError):
        transitions.assessment_decide(assessment=in_review, approve=True, reason="Yes.", by=board_member, level="none")

    decided = transitions.assessment_decide(assessment=in_review, approve=False, reason="Not ready.", by=board_member)
    assert (decided.status, decided.awarded_level) == (AssessmentStatus.REJECTED, "")


def test_a_rejection_of_a_disagreement_needs_no_level(disagreed, board_member):
    decided = transitions.assessment_decide(assessment=disagreed, approve=False, reason="Too weak.", by=board_member)

    assert decided.status == AssessmentStatus.REJECTED


def test_the_verified_score_is_stored_when_recommended(interviewed, assessor, assessor2):
    reviews.review_save(assessment=interviewed, indicator=indicator(interviewed, "S6"), verified_value=10, by=assessor)
    recommend(interviewed, assessor, "gold")
    recommend(interviewed, assessor2, "gold")

    interviewed.refresh_from_db()
    assert interviewed.verified_score == Decimal("95.7")  # S6's 3 of 70 points lost


# Confirming declared values


def test_confirming_keeps_corrections_and_verifies_the_rest(in_review, assessor):
    reviews.review_save(assessment=in_review, indicator=indicator(in_review, "S2"), verified_value="45", by=assessor)

    count = reviews.review_confirm_declared(assessment=in_review, by=assessor)

    assert count == 35
    assert not Review.objects.filter(assessment=in_review, verified_at__isnull=True).exists()
    assert Review.objects.get(assessment=in_review, indicator__code="S2").verified_value == 45


def test_confirming_restores_a_missing_or_stale_review_from_the_declared_value(in_review, assessor):
    Review.objects.filter(assessment=in_review, indicator__code="S1").delete()
    Review.objects.filter(assessment=in_review, indicator__code="S6").update(verified_value=0, rating="red")

    reviews.review_confirm_declared(assessment=in_review, area=indicator(in_review, "S1").area, by=assessor)

    s1 = Review.objects.get(assessment=in_review, indicator__code="S1")
    s6 = Review.objects.get(assessment=in_review, indicator__code="S6")
    assert (s1.verified_value, s1.rating, s1.verified_by) == (60, "green", assessor)
    assert s6.rating == "green"
    in_review.refresh_from_db()
    assert in_review.verified_score == 100


def test_only_assigned_assessors_confirm(in_review, owner_a):
    with pytest.raises(PermissionDenied):
        reviews.review_confirm_declared(assessment=in_review, by=owner_a)
