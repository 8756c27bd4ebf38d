"""The board's decision: both assessors' views side by side, the score explained, approve or reject."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from labels import transitions
from labels.models import AssessmentStatus


def url(assessment):
    return reverse("labels:decide", args=[assessment.public_id])


@pytest.fixture
def disagreed(verified, assessor, assessor2):
    in_review = verified
    transitions.interview_record(assessment=in_review, on=timezone.localdate() - timedelta(days=1), by=assessor)
    transitions.assessment_recommend(assessment=in_review, level="gold", summary="Gold all the way.", by=assessor)
    transitions.assessment_recommend(assessment=in_review, level="bronze", summary="Bronze at most.", by=assessor2)
    in_review.refresh_from_db()
    return in_review


def test_it_requires_sign_in(client, recommended):
    response = client.get(url(recommended))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor", "club_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, recommended, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(recommended)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user", "assessor"])
def test_it_refuses_everyone_but_board_members(request, client_as, persona, recommended):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(url(recommended)).status_code == 403
    assert client.post(url(recommended), {"decision": "approve", "reason": "Yes."}).status_code == 403
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.RECOMMENDED


def test_a_board_member_who_assessed_it_may_not_decide(client_as, assessor, recommended):
    assessor.is_board_member = True
    assessor.save()
    client = client_as(assessor)
    assert client.get(url(recommended)).status_code == 403
    assert client.post(url(recommended), {"decision": "approve", "reason": "Mine."}).status_code == 403
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.RECOMMENDED


def test_it_shows_both_recommendations_the_score_and_the_organisation(
    client_as, board_member, disagreed, assessor, assessor2
):
    content = client_as(board_member).get(url(disagreed)).content.decode()
    assert "Gold all the way." in content
    assert "Bronze at most." in content
    assert str(assessor) in content and str(assessor2) in content
    assert "Assessors disagree" in content
    assert "100.0 %" in content
    assert "Germany" in content
    assert 'name="level"' in content


def test_the_score_explanation_lists_the_indicators_not_green(client_as, board_member, recommended):
    from labels.models import Review

    review = Review.objects.filter(assessment=recommended, indicator__is_gold=True).select_related("indicator").first()
    Review.objects.filter(pk=review.pk).update(verified_value=None, rating="red")
    content = client_as(board_member).get(url(recommended)).content.decode()
    assert f"{review.indicator.code} {review.indicator.title_i18n}" in content
    assert "Not answered, so rated red." in content


def test_without_disagreement_there_is_no_level_to_choose(client_as, board_member, recommended):
    assert 'name="level"' not in client_as(board_member).get(url(recommended)).content.decode()


def test_the_board_approves_and_the_organisation_hears_of_it(
    client_as, board_member, recommended, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(board_member).post(url(recommended), {"decision": "approve", "reason": "All met."})
    assert response.status_code == 302
    assert response["Location"] == reverse("labels:board_queue")
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.APPROVED
    assert recommended.awarded_level == "gold"
    assert recommended.decided_by == board_member
    assert recommended.decision_reason == "All met."
    assert recommended.decided_at is not None
    assert "owner-a@example.test" in {address for message in mail.outbox for address in message.to}


def test_the_board_rejects_with_a_reason(client_as, board_member, recommended):
    response = client_as(board_member).post(url(recommended), {"decision": "reject", "reason": "Evidence missing."})
    assert response.status_code == 302
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.REJECTED
    assert recommended.awarded_level == ""
    assert recommended.decision_reason == "Evidence missing."


def test_a_reason_is_required(client_as, board_member, recommended):
    response = client_as(board_member).post(url(recommended), {"decision": "approve", "reason": ""})
    assert response.status_code == 400
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.RECOMMENDED


def test_approving_a_disagreement_needs_a_level(client_as, board_member, disagreed):
    response = client_as(board_member).post(url(disagreed), {"decision": "approve", "reason": "Fine."})
    assert response.status_code == 400
    assert "name the level to award" in response.content.decode()
    disagreed.refresh_from_db()
    assert disagreed.status == AssessmentStatus.RECOMMENDED


def test_approving_a_disagreement_awards_the_level_the_board_names(client_as, board_member, disagreed):
    response = client_as(board_member).post(
        url(disagreed), {"decision": "approve", "level": "bronze", "reason": "The cautious view."}
    )
    assert response.status_code == 302
    disagreed.refresh_from_db()
    assert (disagreed.status, disagreed.awarded_level) == (AssessmentStatus.APPROVED, "bronze")


def test_a_level_nobody_recommended_is_refused(client_as, board_member, disagreed):
    response = client_as(board_member).post(url(disagreed), {"decision": "approve", "level": "silver", "reason": "?"})
    assert response.status_code == 400
    disagreed.refresh_from_db()
    assert disagreed.status == AssessmentStatus.RECOMMENDED


def test_deciding_twice_is_refused_with_409(client_as, board_member, recommended):
    client = client_as(board_member)
    client.post(url(recommended), {"decision": "reject", "reason": "No."})
    content = client.get(url(recommended)).content.decode()
    assert "No." in content
    response = client.post(url(recommended), {"decision": "approve", "reason": "Yes after all."})
    assert response.status_code == 409
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.REJECTED


def test_the_decide_page_is_not_open_before_the_recommendation(client_as, board_member, in_review):
    content = client_as(board_member).get(url(in_review)).content.decode()
    assert "The board decides once the assessors have recommended" in content
    response = client_as(board_member).post(url(in_review), {"decision": "approve", "reason": "Early."})
    assert response.status_code == 409


def test_a_board_member_with_a_conflict_is_refused_with_the_reason(client_as, board_member, recommended, org_a):
    board_member.declared_conflicts.add(org_a)
    client = client_as(board_member)

    response = client.get(url(recommended))

    assert response.status_code == 403
    assert "You have a conflict of interest" in response.content.decode()
    assert "has declared a conflict of interest with Alpha Cluster." in response.content.decode()
    assert client.post(url(recommended), {"decision": "approve", "reason": "Mine."}).status_code == 403


def test_approving_a_level_the_verified_values_do_not_meet_is_refused_on_the_page(client_as, board_member, recommended):
    from labels.assessment_scores import review_rating_store
    from labels.models import Review

    Review.objects.filter(assessment=recommended, indicator__code="C1").update(verified_value=0)
    review_rating_store(recommended)

    response = client_as(board_member).post(url(recommended), {"decision": "approve", "reason": "Yes."})

    assert response.status_code == 409
    assert "The verified values do not meet Gold: Minimum requirement C1 is rated red." in response.content.decode()
    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.RECOMMENDED


def test_the_decision_page_shows_the_verification(client_as, board_member, recommended):
    from labels.models import Review

    Review.objects.filter(assessment=recommended, indicator__code="S1").update(verified_at=None)

    content = client_as(board_member).get(url(recommended)).content.decode()

    assert "35 of 36 indicators" in content
    assert "Verify every indicator first: 35 of 36 are verified; 1 is still open: S1." in content


def test_its_queries_do_not_grow_with_the_history(client_as, board_member, recommended, django_assert_max_num_queries):
    client = client_as(board_member)
    client.get(url(recommended))
    with django_assert_max_num_queries(10):
        assert client.get(url(recommended)).status_code == 200
    for n in range(5):  # more history rows: each a note of the secretariat
        recommended.history.create(from_status=recommended.status, to_status=recommended.status, note=f"Note {n}")
    with django_assert_max_num_queries(10):
        assert client.get(url(recommended)).status_code == 200
