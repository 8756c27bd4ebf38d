"""The recommendation: guidance from the verified values, a level not above the applied one,
and for Gold the other assessor's view kept hidden until both have recommended."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from labels import reviews, transitions
from labels.models import AssessmentStatus

from ..conftest import fill_answers

YESTERDAY = timezone.localdate() - timedelta(days=1)


def url(assessment):
    return reverse("labels:recommend", args=[assessment.public_id])


@pytest.fixture
def interviewed(verified, assessor):
    transitions.interview_record(assessment=verified, on=YESTERDAY, by=assessor)
    verified.refresh_from_db()
    return verified


def test_it_requires_sign_in(client, in_review):
    assert client.get(url(in_review)).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, in_review, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(in_review)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "board_member", "staff_user"])
def test_it_refuses_everyone_but_the_assigned_assessors(request, client_as, persona, interviewed):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(url(interviewed)).status_code == 403
    assert client.post(url(interviewed), {"level": "gold", "summary": "Fine."}).status_code == 403
    assert not interviewed.assignments.exclude(recommended_level="").exists()


def test_it_offers_every_level_up_to_the_applied_one_and_no_label(client_as, assessor, interviewed):
    content = client_as(assessor).get(url(interviewed)).content.decode()
    for level in ("gold", "silver", "bronze", "none"):
        assert f'value="{level}"' in content


def test_the_guidance_shows_the_verified_score_and_why_gold_is_not_met(client_as, assessor, interviewed):
    client = client_as(assessor)
    content = client.get(url(interviewed)).content.decode()
    assert "100.0 %" in content
    assert "The verified values meet every requirement of Gold." in content
    minimum = interviewed.framework.indicators.filter(is_minimum=True, kind="integer").first()
    reviews.review_save(assessment=interviewed, indicator=minimum, verified_value="0", by=assessor)
    content = client.get(url(interviewed)).content.decode()
    assert f"Minimum requirement {minimum.code} is rated red." in content
    assert "Gold is not met" in content
    assert f"{minimum.code} {minimum.title_i18n}" in content  # listed among the indicators not green


def test_the_first_gold_recommendation_waits_for_the_other_assessor(client_as, assessor, assessor2, interviewed):
    response = client_as(assessor).post(url(interviewed), {"level": "gold", "summary": "Excellent work."})
    assert response.status_code == 302
    assert response["Location"] == reverse("labels:assessor_workspace")
    interviewed.refresh_from_db()
    assert interviewed.status == AssessmentStatus.IN_REVIEW
    mine = interviewed.assignments.get(assessor=assessor)
    assert (mine.recommended_level, mine.recommendation_summary) == ("gold", "Excellent work.")


def test_the_other_assessor_sees_that_but_not_what_was_recommended(client_as, assessor, assessor2, interviewed):
    client_as(assessor).post(url(interviewed), {"level": "bronze", "summary": "Secret reasoning."})
    content = client_as(assessor2).get(url(interviewed)).content.decode()
    assert f"{assessor} has recommended." in content
    assert "Secret reasoning." not in content


def test_the_other_assessor_is_shown_as_not_yet_recommended(client_as, assessor, assessor2, interviewed):
    assert f"{assessor2} has not recommended yet." in client_as(assessor).get(url(interviewed)).content.decode()


def test_the_second_recommendation_sends_it_to_the_board(client_as, assessor, assessor2, interviewed):
    client_as(assessor).post(url(interviewed), {"level": "gold", "summary": "Yes."})
    client_as(assessor2).post(url(interviewed), {"level": "bronze", "summary": "Almost."})
    interviewed.refresh_from_db()
    assert interviewed.status == AssessmentStatus.RECOMMENDED
    assert interviewed.recommendations_disagree
    # Both have spoken: the views are no longer hidden from each other.
    assert "Almost." in client_as(assessor).get(url(interviewed)).content.decode()


def test_a_level_above_the_applied_one_is_refused(client_as, assessor, staff_user, framework, org_b, owner_b):
    bronze = transitions.assessment_start(organisation=org_b, level="bronze", by=owner_b)
    fill_answers(bronze, owner_b)
    transitions.assessment_submit(assessment=bronze, by=owner_b)
    transitions.assessment_assign(assessment=bronze, assessors=[assessor], by=staff_user)
    transitions.interview_record(assessment=bronze, on=YESTERDAY, by=assessor)
    client = client_as(assessor)
    assert 'value="gold"' not in client.get(url(bronze)).content.decode()
    response = client.post(url(bronze), {"level": "gold", "summary": "Too generous."})
    assert response.status_code == 400
    assert not bronze.assignments.exclude(recommended_level="").exists()


def test_a_label_needs_the_interview_date_first(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"level": "gold", "summary": "Fine."})
    assert response.status_code == 400
    assert "Record the interview or visit date" in response.content.decode()
    assert not in_review.assignments.exclude(recommended_level="").exists()


def test_a_summary_is_required(client_as, assessor, interviewed):
    response = client_as(assessor).post(url(interviewed), {"level": "gold", "summary": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_recommending_again_after_the_board_has_it_is_refused_with_409(client_as, assessor, recommended):
    client = client_as(assessor)
    assert "no recommendation can be made now" in client.get(url(recommended)).content.decode()
    response = client.post(url(recommended), {"level": "bronze", "summary": "Changed my mind."})
    assert response.status_code == 409
    assert recommended.assignments.get(assessor=assessor).recommended_level == "gold"


def test_a_level_the_verified_values_do_not_meet_is_refused_with_the_unmet_rules(client_as, assessor, interviewed):
    minimum = interviewed.framework.indicators.get(code="C1")
    reviews.review_save(assessment=interviewed, indicator=minimum, verified_value="0", by=assessor)

    response = client_as(assessor).post(url(interviewed), {"level": "gold", "summary": "Fine."})

    assert response.status_code == 409
    assert "The verified values do not meet Gold: Minimum requirement C1 is rated red." in response.content.decode()
    assert not interviewed.assignments.exclude(recommended_level="").exists()


def test_recommending_before_everything_is_verified_is_refused(client_as, assessor, in_review):
    transitions.interview_record(assessment=in_review, on=YESTERDAY, by=assessor)

    response = client_as(assessor).post(url(in_review), {"level": "gold", "summary": "Fine."})

    assert response.status_code == 409
    content = response.content.decode()
    assert "Verify every indicator first: 0 of 36 are verified; 36 are still open:" in content
    assert "0 of 36 indicators" in content  # the guidance shows the progress
