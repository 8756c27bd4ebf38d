"""The task list: the home page of an assessment for everyone who may see it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from labels import answers, transitions
from labels.level_rules import level_check
from labels.models import Indicator
from labels.views.answer_rows import score_job

from ..conftest import fill_answers
from .self_assessment_helpers import clarify, silver_draft


def url(assessment):
    return reverse("labels:assessment_detail", args=[assessment.public_id])


def answer(assessment, code, value, by):
    indicator = Indicator.objects.get(framework=assessment.framework, code=code)
    answers.answer_save(assessment=assessment, indicator=indicator, value=value, by=by)


def test_it_requires_sign_in(client, draft):
    response = client.get(url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member", "club_member"])
def test_a_draft_is_not_found_outside_the_organisation(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(draft)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_see_every_area(request, client_as, persona, draft):
    response = client_as(request.getfixturevalue(persona)).get(url(draft))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Alpha Cluster: Gold application" in content
    assert "version 2026.1" in content
    for code in "SGFTCA":
        assert reverse("labels:area", args=[draft.public_id, code]) in content
    assert "no-store" in response["Cache-Control"]


def test_the_progress_bar_counts_answered_indicators_only(client_as, owner_a, draft):
    answer(draft, "S1", "20", owner_a)
    answer(draft, "S2", "", owner_a)  # saved, but without a value: not answered
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert '<progress id="overall-progress" class="overall-progress" max="36" value="1">' in content
    assert "1 of 36 indicators answered" in content


def test_each_area_shows_its_status(client_as, owner_a, draft):
    for indicator in Indicator.objects.filter(framework=draft.framework, area__code="S"):
        answers.answer_save(assessment=draft, indicator=indicator, value=indicator.green, by=owner_a)
    answer(draft, "G1", "0.2", owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert content.count('class="badge area-completed">Completed<') == 1
    assert content.count('class="badge area-in_progress">In progress<') == 1
    assert content.count('class="badge area-not_started">Not started<') == 4
    assert "6 of 6" in content


def test_the_eligibility_check_shows_value_and_provisional_light(client_as, owner_a, draft):
    answer(draft, "S1", "20", owner_a)  # yellow from 15, green from 60
    answer(draft, "C2", "no", owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    eligibility = content.split('id="eligibility-heading"')[1].split("</section>")[0]
    assert "<td>20</td>" in eligibility
    assert '<span class="badge rating-yellow">Yellow</span>' in eligibility
    assert "<td>No</td>" in eligibility
    assert '<span class="badge rating-red">Red</span>' in eligibility
    assert "Not answered" in eligibility


def test_the_gaps_before_submission_are_listed_next_to_the_button(client_as, owner_a, draft):
    answer(draft, "S1", "20", owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "Answer every indicator first; still open: S2, S3" in content
    assert reverse("labels:submit", args=[draft.public_id]) in content


def test_a_complete_draft_is_ready_to_submit(client_as, owner_a, draft):
    fill_answers(draft, owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "Everything required is answered." in content
    assert reverse("labels:submit", args=[draft.public_id]) in content


def test_the_submit_card_shows_the_provisional_score_and_asks_for_confirmation(client_as, owner_a, draft):
    fill_answers(draft, owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    card = content.split('id="submit-heading"')[1].split("</section>")[0]
    assert "Provisional Gold score" in card
    assert "100.0 %" in card
    assert "Met, on your own values" in card
    assert 'type="checkbox" name="confirm"' in card


def test_the_submit_card_lists_every_unmet_requirement_of_the_level(client_as, owner_a, draft):
    fill_answers(draft, owner_a, value_for=lambda indicator: indicator.yellow if indicator.is_gold else indicator.green)
    eligibility = draft.framework.indicators.filter(is_eligibility=True).order_by("position").first()
    answer(draft, eligibility.code, 0, owner_a)
    outlook = level_check(draft, draft.level, declared=True)
    assert len(outlook.reasons) >= 2  # the red criterion and the Gold score

    content = client_as(owner_a).get(url(draft)).content.decode()

    card = content.split('id="submit-heading"')[1].split("</section>")[0]
    assert f"{len(outlook.reasons)} requirements not met" in card
    assert f"Eligibility criterion {eligibility.code} is rated red." in card
    for reason in outlook.reasons:
        assert escape(reason) in card
    assert reverse("labels:submit", args=[draft.public_id]) in card


def test_the_submit_card_speaks_german(client_as, owner_a, draft):
    fill_answers(draft, owner_a, value_for=lambda indicator: indicator.yellow if indicator.is_gold else indicator.green)
    client = client_as(owner_a)
    content = client.get(url(draft), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    card = content.split('id="submit-heading"')[1].split("</section>")[0]
    assert "Vorläufiger Gold-Score" in card
    assert "Der Gold-Score von" in card  # the unmet requirement, in German
    assert re.search(r"\d+,\d %", card)
    assert not re.search(r"\d+\.\d %", card)


def test_viewers_get_no_buttons_that_change_anything(client_as, viewer_a, draft):
    content = client_as(viewer_a).get(url(draft)).content.decode()
    assert reverse("labels:submit", args=[draft.public_id]) not in content
    assert reverse("labels:withdraw", args=[draft.public_id]) not in content


def test_only_owners_may_withdraw(client_as, owner_a, editor_a, draft):
    withdraw = reverse("labels:withdraw", args=[draft.public_id])
    assert withdraw in client_as(owner_a).get(url(draft)).content.decode()
    assert withdraw not in client_as(editor_a).get(url(draft)).content.decode()


def test_silver_links_to_the_improvement_areas(client_as, owner_a, framework, org_a):
    silver = silver_draft(framework, org_a, owner_a)
    content = client_as(owner_a).get(url(silver)).content.decode()
    assert reverse("labels:improvement_areas", args=[silver.public_id]) in content
    assert "0 of 3 improvement areas described." in content


def test_gold_has_no_improvement_areas(client_as, owner_a, draft):
    assert "/improvements/" not in client_as(owner_a).get(url(draft)).content.decode()


def test_after_submission_the_page_polls_the_scoring_job(client_as, owner_a, submitted):
    content = client_as(owner_a).get(url(submitted)).content.decode()
    assert f'hx-get="{reverse("job_status", args=[score_job(submitted).public_id])}"' in content
    assert 'hx-trigger="every 2s"' in content
    assert reverse("labels:submit", args=[submitted.public_id]) not in content


def test_once_scored_it_shows_the_provisional_score_without_polling(
    client_as, owner_a, draft, django_capture_on_commit_callbacks
):
    fill_answers(draft, owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.assessment_submit(assessment=draft, by=owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "Provisional Gold score: <strong>100.0 %</strong>" in content
    assert "every 2s" not in content


def test_during_clarification_it_shows_the_message_the_indicators_and_resubmit(client_as, owner_a, in_review, assessor):
    clarify(in_review, assessor, codes=["S1", "G2"], message="Please send the signed member list.")
    content = client_as(owner_a).get(url(in_review)).content.decode()
    assert "Please send the signed member list." in content
    assert f"{reverse('labels:area', args=[in_review.public_id, 'S'])}#indicator-S1" in content
    assert f"{reverse('labels:area', args=[in_review.public_id, 'G'])}#indicator-G2" in content
    assert content.count('class="badge area-clarification">Needs clarification<') == 2
    assert reverse("labels:resubmit", args=[in_review.public_id]) in content


def test_viewers_cannot_resubmit(client_as, viewer_a, in_review, assessor):
    clarify(in_review, assessor)
    assert (
        reverse("labels:resubmit", args=[in_review.public_id])
        not in client_as(viewer_a).get(url(in_review)).content.decode()
    )


def test_the_history_lists_every_transition(client_as, owner_a, in_review):
    content = client_as(owner_a).get(url(in_review)).content.decode()
    history = content.split('id="history-heading"')[1]
    assert history.count("<li>") == 3
    assert "Submitted → <strong>In review</strong>" in history


def test_the_assessors_recommendations_stay_hidden_from_the_organisation_until_the_decision(
    client_as, owner_a, assessor, recommended, board_member
):
    assert "Strong." not in client_as(owner_a).get(url(recommended)).content.decode()
    assert f"{assessor}: Gold" not in client_as(owner_a).get(url(recommended)).content.decode()
    assert f"{assessor}: Gold" in client_as(board_member).get(url(recommended)).content.decode()
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All criteria met.", by=board_member)
    assert f"{assessor}: Gold" in client_as(owner_a).get(url(recommended)).content.decode()


def test_after_the_decision_it_shows_level_reason_and_date(client_as, owner_a, recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All criteria met.", by=board_member)
    content = client_as(owner_a).get(url(recommended)).content.decode()
    assert "Approved: Gold label awarded" in content
    assert "All criteria met." in content
    assert timezone.localdate().strftime("%Y") in content


def test_staff_are_linked_to_the_assignment(client_as, staff_user, submitted, owner_a):
    assign = reverse("labels:assign", args=[submitted.public_id])
    assert assign in client_as(staff_user).get(url(submitted)).content.decode()
    assert assign not in client_as(owner_a).get(url(submitted)).content.decode()


def test_assigned_assessors_are_linked_to_the_review(client_as, assessor, owner_a, in_review):
    review = reverse("labels:review", args=[in_review.public_id])
    assert review in client_as(assessor).get(url(in_review)).content.decode()
    assert review not in client_as(owner_a).get(url(in_review)).content.decode()


def test_board_members_are_linked_to_the_decision(client_as, board_member, assessor, recommended):
    decide = reverse("labels:decide", args=[recommended.public_id])
    assert decide in client_as(board_member).get(url(recommended)).content.decode()
    assert decide not in client_as(assessor).get(url(recommended)).content.decode()


def test_an_unassigned_assessor_does_not_see_the_assessment(client_as, in_review, other_assessor):
    assert client_as(other_assessor).get(url(in_review)).status_code == 404


def test_it_takes_a_bounded_number_of_queries(client_as, owner_a, draft, django_assert_max_num_queries):
    client = client_as(owner_a)
    client.get(url(draft))
    with django_assert_max_num_queries(18) as empty:
        client.get(url(draft))
    fill_answers(draft, owner_a)
    with django_assert_max_num_queries(len(empty.captured_queries)):
        client.get(url(draft))
