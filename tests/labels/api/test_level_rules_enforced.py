"""Recommending and deciding through the API are held to the level's rules on the verified values:
just below each limit is refused with 409 and every unmet rule, just at it is accepted."""

import pytest

from labels import answers, reviews, transitions
from labels.assessment_scores import review_rating_store
from labels.models import Assessment, Review
from labels.scoring import add_months

from ..conftest import fill_answers, verify_all
from ..demo_rules import red_value, rule
from ..test_eligibility import completed_bronze
from ..test_scoring import FOURTEEN_POINTS
from .conftest import api_url, yesterday


def _recommend(client, assessment, level):
    return client.post(api_url(assessment, "recommend/"), {"level": level, "summary": "Checked."}, format="json")


def _verify(assessment, assessor, values: dict, *, interview=None):
    """The assessor changes the named values, confirms the rest and records the interview."""
    framework = assessment.framework
    for code, value in values.items():
        reviews.review_save(
            assessment=assessment, indicator=framework.indicators.get(code=code), verified_value=str(value), by=assessor
        )
    verify_all(assessment, assessor)
    transitions.interview_record(assessment=assessment, on=interview or yesterday(), by=assessor)


def _red(*codes) -> dict:
    return {code: red_value(rule(code)) for code in codes}


# Gold


def test_gold_at_exactly_the_minimum_score_is_recommended(api_as, in_review, assessor):
    _verify(in_review, assessor, _red(*FOURTEEN_POINTS))  # 56 of 70 points: 80.0 %

    response = _recommend(api_as(assessor), in_review, "gold")

    assert response.status_code == 200, response.json()


def test_gold_just_below_the_minimum_score_is_refused_with_the_reason(api_as, in_review, assessor):
    _verify(in_review, assessor, _red(*FOURTEEN_POINTS, "A4"))  # 55 of 70 points: 78.6 %

    response = _recommend(api_as(assessor), in_review, "gold")

    assert response.status_code == 409
    assert response.json() == {
        "detail": "The verified values do not meet Gold: Gold score 78.6 % is below the required 80 %.",
        "unmet": ["Gold score 78.6 % is below the required 80 %."],
    }
    assert in_review.assignments.get(assessor=assessor).recommended_level == ""


def test_gold_with_a_minimum_indicator_at_yellow_is_recommended(api_as, in_review, assessor):
    _verify(in_review, assessor, {"C1": rule("C1").yellow})

    assert _recommend(api_as(assessor), in_review, "gold").status_code == 200


def test_gold_lists_every_unmet_rule(api_as, in_review, assessor):
    # The case: many indicators verified red, minimum requirements among them.
    _verify(in_review, assessor, _red("C1", "T1", *FOURTEEN_POINTS, "A4"))

    response = _recommend(api_as(assessor), in_review, "gold")

    assert response.status_code == 409
    assert response.json()["unmet"] == [
        "Minimum requirement T1 is rated red.",
        "Minimum requirement C1 is rated red.",
        "Gold score 70.0 % is below the required 80 %.",
    ]


def test_the_declared_values_do_not_count_only_the_verified_ones(api_as, in_review, assessor):
    # Declared all green; the assessor verified the score below the limit.
    _verify(in_review, assessor, _red(*FOURTEEN_POINTS, "A4"))

    assert in_review.answers.filter(provisional_rating="red").count() == 0
    assert _recommend(api_as(assessor), in_review, "gold").status_code == 409


# Verification before recommendation


def test_no_recommendation_before_every_indicator_is_verified(api_as, in_review, assessor):
    transitions.interview_record(assessment=in_review, on=yesterday(), by=assessor)
    reviews.review_save(
        assessment=in_review, indicator=in_review.framework.indicators.get(code="S1"), verified_value="60", by=assessor
    )

    for level in ("gold", "none"):
        response = _recommend(api_as(assessor), in_review, level)
        assert response.status_code == 409
        assert response.json()["detail"].startswith("Verify every indicator first: 1 of 36 are verified; 35 are")


def test_the_detail_shows_the_verification_progress_by_area(api_as, in_review, assessor):
    reviews.review_save(
        assessment=in_review, indicator=in_review.framework.indicators.get(code="S1"), verified_value="60", by=assessor
    )

    verification = api_as(assessor).get(api_url(in_review)).json()["verification"]

    assert (verification["verified"], verification["total"], verification["complete"]) == (1, 36, False)
    assert verification["areas"][0] == {"code": "S", "title": "Structure of the cluster", "verified": 1, "total": 6}
    assert verification["unverified"][:2] == ["S2", "S3"]


# Bronze


@pytest.fixture
def bronze_in_review(framework, org_b, owner_b, staff_user, assessor):
    bronze = transitions.assessment_start(organisation=org_b, level="bronze", by=owner_b)
    fill_answers(bronze, owner_b)
    transitions.assessment_submit(assessment=bronze, by=owner_b)
    return transitions.assessment_assign(assessment=bronze, assessors=[assessor], by=staff_user)


def test_bronze_with_an_eligibility_criterion_at_yellow_is_recommended(api_as, bronze_in_review, assessor):
    _verify(bronze_in_review, assessor, {"S1": rule("S1").yellow})

    assert _recommend(api_as(assessor), bronze_in_review, "bronze").status_code == 200


def test_bronze_with_an_eligibility_criterion_just_below_yellow_is_refused(api_as, bronze_in_review, assessor):
    _verify(bronze_in_review, assessor, {"S1": rule("S1").yellow - 1})

    response = _recommend(api_as(assessor), bronze_in_review, "bronze")

    assert response.status_code == 409
    assert response.json()["unmet"] == ["Eligibility criterion S1 is rated red."]


# Silver: the earlier Bronze measured from the Silver's interview date, and its improvement areas


@pytest.fixture
def silver_in_review(framework, org_a, owner_a, staff_user, assessor):
    completed_bronze(org_a, framework, months_ago=20)
    silver = transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)
    fill_answers(silver, owner_a)
    areas = [(framework.indicators.get(code=code), f"Improve {code}.") for code in ("F1", "T3", "C5")]
    answers.improvement_areas_set(assessment=silver, items=areas, by=owner_a)
    transitions.assessment_submit(assessment=silver, by=owner_a)
    return transitions.assessment_assign(assessment=silver, assessors=[assessor], by=staff_user)


def _validate(silver, assessor, count=3):
    for area in list(silver.improvement_areas.all())[:count]:
        reviews.improvement_validate(area=area, validated=True, by=assessor)


@pytest.mark.parametrize(("months_after_bronze", "status"), [(17, 409), (18, 200)])
def test_silver_counts_the_bronze_window_to_its_own_interview_date(
    api_as, silver_in_review, assessor, months_after_bronze, status
):
    bronze_interview = Assessment.objects.get(level="bronze").interview_date
    _verify(silver_in_review, assessor, {}, interview=add_months(bronze_interview, months_after_bronze))
    _validate(silver_in_review, assessor)

    response = _recommend(api_as(assessor), silver_in_review, "silver")

    assert response.status_code == status
    if status == 409:
        assert response.json()["unmet"] == ["There is no completed Bronze benchmarking 18 to 24 months earlier."]


@pytest.mark.parametrize(("months_after_bronze", "status"), [(24, 200), (25, 409)])
def test_silver_refuses_a_bronze_more_than_24_months_before_its_interview(
    api_as, silver_in_review, assessor, months_after_bronze, status
):
    interview = yesterday()
    Assessment.objects.filter(level="bronze").update(interview_date=add_months(interview, -months_after_bronze))
    _verify(silver_in_review, assessor, {}, interview=interview)
    _validate(silver_in_review, assessor)

    assert _recommend(api_as(assessor), silver_in_review, "silver").status_code == status


@pytest.mark.parametrize(("validated", "status"), [(2, 409), (3, 200)])
def test_silver_needs_its_improvement_areas_validated(api_as, silver_in_review, assessor, validated, status):
    _verify(silver_in_review, assessor, {})
    _validate(silver_in_review, assessor, validated)

    response = _recommend(api_as(assessor), silver_in_review, "silver")

    assert response.status_code == status
    if status == 409:
        assert response.json()["unmet"] == ["Improvement areas validated: 2 of 3 required."]


def test_silver_cannot_be_recommended_for_a_gold_application(api_as, in_review, assessor):
    _verify(in_review, assessor, {})

    response = _recommend(api_as(assessor), in_review, "silver")

    assert response.status_code == 409
    assert "Improvement areas validated: 0 of 3 required." in response.json()["unmet"]


# The board's decision


def _decide(client, assessment, **body):
    return client.post(api_url(assessment, "decide/"), {"approve": True, "reason": "Met.", **body}, format="json")


def test_the_board_cannot_award_gold_on_values_below_the_rules(api_as, recommended, board_member):
    # A recommendation made before the rules were enforced: verified values far below Gold.
    for code, value in _red(*FOURTEEN_POINTS, "A4", "C1").items():
        Review.objects.filter(assessment=recommended, indicator__code=code).update(verified_value=value)
    review_rating_store(recommended)

    response = _decide(api_as(board_member), recommended)

    assert response.status_code == 409
    assert response.json()["unmet"] == [
        "Minimum requirement C1 is rated red.",
        "Gold score 74.3 % is below the required 80 %.",
    ]
    assert Assessment.objects.get(pk=recommended.pk).status == "recommended"
    assert _decide(api_as(board_member), recommended, approve=False).status_code == 200


def test_the_board_cannot_award_a_label_without_full_verification(api_as, recommended, board_member):
    Review.objects.filter(assessment=recommended, indicator__code__in=["S1", "G1"]).update(verified_at=None)

    response = _decide(api_as(board_member), recommended)

    assert response.status_code == 409
    assert response.json()["detail"].startswith("Verify every indicator first: 34 of 36 are verified")


def test_the_detail_explains_each_level_on_the_verified_values(api_as, recommended, board_member, owner_a):
    requirements = api_as(board_member).get(api_url(recommended)).json()["requirements"]

    assert [(r["level"], r["met"], r["basis"]) for r in requirements] == [
        ("bronze", True, "verified"),
        ("silver", False, "verified"),
        ("gold", True, "verified"),
    ]
    # The organisation sees its provisional outlook until the decision.
    own = api_as(owner_a).get(api_url(recommended)).json()["requirements"]
    assert {r["basis"] for r in own} == {"provisional"}
