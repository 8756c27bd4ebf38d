"""Every transition of an assessment: the allowed path, each refusal, the history row, and the
work that waits for the commit."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from clusterexcellence.models import Job, JobStatus
from labels import answers, transitions
from labels.models import Assessment, AssessmentStatus, AssessorAssignment, ClarificationRequest, Review
from labels.tasks import score_assessment
from labels.transitions import TransitionNotAllowed
from tests.factories import UserFactory

from .conftest import fill_answers, verify_all

YESTERDAY = timezone.localdate() - timedelta(days=1)


def last_event(assessment):
    return assessment.history.order_by("-at", "-pk").first()


def score_jobs(assessment):
    return Job.objects.filter(
        content_type=ContentType.objects.get_for_model(Assessment),
        object_id=str(assessment.pk),
        kind=score_assessment.name,
    )


def indicator(assessment, code):
    return assessment.framework.indicators.get(code=code)


@pytest.fixture
def clarification(in_review, assessor):
    transitions.clarification_request(
        assessment=in_review, indicators=[indicator(in_review, "S1")], message="Send the list.", by=assessor
    )
    in_review.refresh_from_db()
    return in_review


# Start


def test_an_owner_starts_a_draft_and_the_history_begins(framework, org_a, owner_a):
    assessment = transitions.assessment_start(organisation=org_a, level="gold", by=owner_a)

    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.framework == framework
    assert assessment.created_by == owner_a
    event = last_event(assessment)
    assert (event.actor, event.from_status, event.to_status) == (owner_a, "", "draft")


def test_an_editor_starts_a_draft(framework, org_a, editor_a):
    assessment = transitions.assessment_start(organisation=org_a, level="bronze", by=editor_a)

    assert assessment.status == AssessmentStatus.DRAFT


@pytest.mark.parametrize("persona", ["viewer_a", "owner_b", "staff_user", "board_member", "outsider"])
def test_it_refuses_people_who_do_not_edit_the_organisation(request, framework, org_a, persona):
    with pytest.raises(PermissionDenied):
        transitions.assessment_start(organisation=org_a, level="gold", by=request.getfixturevalue(persona))

    assert not Assessment.objects.exists()


def test_it_refuses_a_second_open_application(draft, org_a, owner_a):
    with pytest.raises(TransitionNotAllowed, match="already has an open"):
        transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)

    assert Assessment.objects.count() == 1


# Submit


def test_an_owner_submits_a_complete_draft(draft, owner_a):
    fill_answers(draft, owner_a)

    submitted = transitions.assessment_submit(assessment=draft, by=owner_a)

    assert submitted.status == AssessmentStatus.SUBMITTED
    assert submitted.submitted_at is not None
    event = last_event(submitted)
    assert (event.actor, event.from_status, event.to_status) == (owner_a, "draft", "submitted")


def test_an_editor_submits(draft, owner_a, editor_a):
    fill_answers(draft, owner_a)

    assert transitions.assessment_submit(assessment=draft, by=editor_a).status == AssessmentStatus.SUBMITTED


def test_it_refuses_a_viewer_who_submits(draft, owner_a, viewer_a):
    fill_answers(draft, owner_a)

    with pytest.raises(PermissionDenied):
        transitions.assessment_submit(assessment=draft, by=viewer_a)

    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT


def test_it_refuses_a_draft_with_unanswered_indicators_and_names_them(draft, owner_a):
    fill_answers(draft, owner_a)
    draft.answers.filter(indicator__code__in=["S1", "A6"]).delete()

    with pytest.raises(TransitionNotAllowed, match="S1, A6"):
        transitions.assessment_submit(assessment=draft, by=owner_a)

    assert transitions.submission_gaps(draft) == ["Answer every indicator first; still open: S1, A6."]
    assert not score_jobs(draft).exists()


def test_an_empty_value_counts_as_unanswered(draft, owner_a):
    fill_answers(draft, owner_a)
    answers.answer_save(assessment=draft, indicator=indicator(draft, "C2"), value="", by=owner_a)

    assert transitions.submission_gaps(draft) == ["Answer every indicator first; still open: C2."]


def test_a_double_submit_changes_nothing_twice(submitted, owner_a):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_submit(assessment=submitted, by=owner_a)

    assert submitted.history.filter(to_status="submitted").count() == 1
    assert score_jobs(submitted).count() == 1


def test_a_stale_copy_cannot_submit_twice(draft, owner_a):
    fill_answers(draft, owner_a)
    stale = Assessment.objects.get(pk=draft.pk)
    transitions.assessment_submit(assessment=draft, by=owner_a)

    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_submit(assessment=stale, by=owner_a)

    assert score_jobs(draft).count() == 1


def test_it_refuses_to_submit_after_a_withdrawal(draft, owner_a):
    fill_answers(draft, owner_a)
    transitions.assessment_withdraw(assessment=draft, by=owner_a)

    with pytest.raises(TransitionNotAllowed, match="withdrawn"):
        transitions.assessment_submit(assessment=draft, by=owner_a)


# Withdraw


def test_the_owner_withdraws_a_draft(draft, owner_a):
    withdrawn = transitions.assessment_withdraw(assessment=draft, by=owner_a)

    assert withdrawn.status == AssessmentStatus.WITHDRAWN
    event = last_event(withdrawn)
    assert (event.actor, event.from_status, event.to_status) == (owner_a, "draft", "withdrawn")


def test_the_owner_withdraws_a_submitted_assessment(submitted, owner_a):
    assert transitions.assessment_withdraw(assessment=submitted, by=owner_a).status == AssessmentStatus.WITHDRAWN


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user", "owner_b"])
def test_only_the_owner_withdraws(request, draft, persona):
    with pytest.raises(PermissionDenied):
        transitions.assessment_withdraw(assessment=draft, by=request.getfixturevalue(persona))

    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT


def test_it_refuses_to_withdraw_once_in_review(in_review, owner_a):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_withdraw(assessment=in_review, by=owner_a)


def test_a_withdrawal_frees_the_organisation_for_a_new_application(draft, org_a, owner_a):
    transitions.assessment_withdraw(assessment=draft, by=owner_a)

    assert transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a).status == "draft"


# Assign


def test_staff_assign_two_assessors_to_a_gold_assessment(submitted, staff_user, assessor, assessor2):
    in_review = transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)

    assert in_review.status == AssessmentStatus.IN_REVIEW
    assert set(in_review.assignments.values_list("assessor", flat=True)) == {assessor.pk, assessor2.pk}
    assert set(in_review.assignments.values_list("assigned_by", flat=True)) == {staff_user.pk}
    event = last_event(in_review)
    assert (event.actor, event.from_status, event.to_status) == (staff_user, "submitted", "in_review")
    assert str(assessor) in event.note and str(assessor2) in event.note


def test_the_verified_values_start_as_the_declared_ones(submitted, staff_user, assessor, assessor2):
    transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)

    reviews = {r.indicator_id: r for r in Review.objects.filter(assessment=submitted)}
    assert len(reviews) == 36
    for answer in submitted.answers.all():
        assert reviews[answer.indicator_id].verified_value == answer.value
        assert reviews[answer.indicator_id].rating == "green"
    submitted.refresh_from_db()
    assert submitted.verified_score == 100


def test_it_refuses_to_assign_twice(in_review, staff_user, assessor, assessor2):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_assign(assessment=in_review, assessors=[assessor, assessor2], by=staff_user)

    assert AssessorAssignment.objects.filter(assessment=in_review).count() == 2


def test_it_refuses_to_assign_a_draft(draft, staff_user, assessor, assessor2):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_assign(assessment=draft, assessors=[assessor, assessor2], by=staff_user)


@pytest.mark.parametrize("persona", ["board_member", "owner_a", "assessor", "outsider"])
def test_only_staff_assign(request, submitted, assessor, assessor2, persona):
    with pytest.raises(PermissionDenied):
        transitions.assessment_assign(
            assessment=submitted, assessors=[assessor, assessor2], by=request.getfixturevalue(persona)
        )

    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED
    assert not submitted.assignments.exists()


@pytest.mark.parametrize("how_many", [1, 3])
def test_gold_needs_exactly_two_assessors(submitted, staff_user, assessor, assessor2, how_many):
    people = [assessor, assessor2, UserFactory(is_assessor=True)][:how_many]

    with pytest.raises(ValidationError, match="exactly 2"):
        transitions.assessment_assign(assessment=submitted, assessors=people, by=staff_user)

    assert not submitted.assignments.exists()


def test_the_same_assessor_twice_counts_once(submitted, staff_user, assessor):
    with pytest.raises(ValidationError, match="exactly 2"):
        transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor], by=staff_user)


def test_bronze_needs_one_assessor(framework, org_a, owner_a, staff_user, assessor):
    bronze = transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)
    fill_answers(bronze, owner_a)
    transitions.assessment_submit(assessment=bronze, by=owner_a)

    assert transitions.assessment_assign(assessment=bronze, assessors=[assessor], by=staff_user).status == "in_review"


# Clarification


def test_an_assigned_assessor_requests_clarification_on_named_indicators(in_review, assessor):
    codes = [indicator(in_review, "S1"), indicator(in_review, "F2")]

    request = transitions.clarification_request(
        assessment=in_review, indicators=codes, message="  Please send the list.  ", by=assessor
    )

    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.CLARIFICATION
    assert set(request.indicators.values_list("code", flat=True)) == {"S1", "F2"}
    assert request.message == "Please send the list."
    assert transitions.open_clarification(in_review) == request
    event = last_event(in_review)
    assert (event.actor, event.from_status, event.to_status) == (assessor, "in_review", "clarification")
    assert event.note == "S1, F2: Please send the list."


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "board_member"])
def test_only_assigned_assessors_request_clarification(request, in_review, persona):
    with pytest.raises(PermissionDenied):
        transitions.clarification_request(
            assessment=in_review,
            indicators=[indicator(in_review, "S1")],
            message="?",
            by=request.getfixturevalue(persona),
        )


def test_an_unassigned_assessor_cannot_request_clarification(in_review):
    stranger = UserFactory(is_assessor=True)

    with pytest.raises(PermissionDenied):
        transitions.clarification_request(
            assessment=in_review, indicators=[indicator(in_review, "S1")], message="?", by=stranger
        )

    assert not ClarificationRequest.objects.exists()


@pytest.mark.parametrize("codes, message", [([], "Why?"), (["S1"], "   ")])
def test_a_clarification_names_indicators_and_has_a_message(in_review, assessor, codes, message):
    with pytest.raises(ValidationError):
        transitions.clarification_request(
            assessment=in_review, indicators=[indicator(in_review, c) for c in codes], message=message, by=assessor
        )

    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.IN_REVIEW


def test_it_refuses_a_second_clarification_while_one_is_open(clarification, assessor):
    with pytest.raises(TransitionNotAllowed):
        transitions.clarification_request(
            assessment=clarification, indicators=[indicator(clarification, "F2")], message="More?", by=assessor
        )


def test_the_organisation_answers_a_clarification_and_the_review_sees_the_new_value(clarification, owner_a):
    answers.answer_save(assessment=clarification, indicator=indicator(clarification, "S1"), value=75, by=owner_a)

    resubmitted = transitions.clarification_answer(assessment=clarification, by=owner_a, note=" Updated S1. ")

    assert resubmitted.status == AssessmentStatus.IN_REVIEW
    assert transitions.open_clarification(resubmitted) is None
    assert clarification.clarifications.get().resolved_at is not None
    assert Review.objects.get(assessment=clarification, indicator__code="S1").verified_value == 75
    event = last_event(resubmitted)
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        owner_a,
        "clarification",
        "in_review",
        "Updated S1.",
    )
    assert score_jobs(clarification).count() == 2  # the provisional score follows the new values


def test_a_clarified_value_has_to_be_verified_again(in_review, assessor, owner_a):
    verify_all(in_review, assessor)
    transitions.clarification_request(
        assessment=in_review, indicators=[indicator(in_review, "S1")], message="Member list?", by=assessor
    )
    answers.answer_save(assessment=in_review, indicator=indicator(in_review, "S1"), value=75, by=owner_a)

    transitions.clarification_answer(assessment=in_review, by=owner_a)

    unverified = Review.objects.filter(assessment=in_review, verified_at__isnull=True)
    assert list(unverified.values_list("indicator__code", "verified_by")) == [("S1", None)]


def test_it_keeps_the_assessors_corrections_on_indicators_not_named(clarification, owner_a):
    Review.objects.filter(assessment=clarification, indicator__code="F2").update(verified_value=1)

    transitions.clarification_answer(assessment=clarification, by=owner_a)

    assert Review.objects.get(assessment=clarification, indicator__code="F2").verified_value == 1


@pytest.mark.parametrize("persona", ["viewer_a", "assessor", "owner_b"])
def test_only_owners_and_editors_answer_a_clarification(request, clarification, persona):
    with pytest.raises(PermissionDenied):
        transitions.clarification_answer(assessment=clarification, by=request.getfixturevalue(persona))


def test_it_refuses_to_resubmit_when_nothing_was_asked(in_review, owner_a):
    with pytest.raises(TransitionNotAllowed):
        transitions.clarification_answer(assessment=in_review, by=owner_a)


# Interview


def test_an_assigned_assessor_records_the_interview_date(in_review, assessor):
    transitions.interview_record(assessment=in_review, on=YESTERDAY, by=assessor)

    in_review.refresh_from_db()
    assert in_review.interview_date == YESTERDAY
    assert in_review.status == AssessmentStatus.IN_REVIEW


def test_the_interview_cannot_be_in_the_future(in_review, assessor):
    with pytest.raises(ValidationError, match="future"):
        transitions.interview_record(assessment=in_review, on=timezone.localdate() + timedelta(days=1), by=assessor)


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "board_member"])
def test_only_assigned_assessors_record_the_interview(request, in_review, persona):
    with pytest.raises(PermissionDenied):
        transitions.interview_record(assessment=in_review, on=YESTERDAY, by=request.getfixturevalue(persona))


def test_it_refuses_an_interview_date_outside_the_review(clarification, assessor):
    with pytest.raises(TransitionNotAllowed):
        transitions.interview_record(assessment=clarification, on=YESTERDAY, by=assessor)


# Recommend (the Gold two-assessor rule is in test_reviews.py)


def test_an_unassigned_assessor_cannot_recommend(in_review, assessor):
    transitions.interview_record(assessment=in_review, on=YESTERDAY, by=assessor)

    with pytest.raises(PermissionDenied):
        transitions.assessment_recommend(
            assessment=in_review, level="gold", summary="Fine.", by=UserFactory(is_assessor=True)
        )


def test_it_refuses_to_recommend_when_not_in_review(clarification, assessor):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_recommend(assessment=clarification, level="none", summary="Not yet.", by=assessor)


def test_it_refuses_to_recommend_again_once_recommended(recommended, assessor):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_recommend(assessment=recommended, level="silver", summary="Changed.", by=assessor)

    assert recommended.assignments.get(assessor=assessor).recommended_level == "gold"


def test_the_last_recommendation_writes_the_history(recommended, assessor, assessor2):
    event = last_event(recommended)

    assert (event.actor, event.from_status, event.to_status) == (assessor2, "in_review", "recommended")
    assert event.note == f"{assessor}: Gold; {assessor2}: Gold"


# Decide


def test_the_board_approves_with_a_reason(recommended, board_member):
    decided = transitions.assessment_decide(
        assessment=recommended, approve=True, reason=" Excellent. ", by=board_member
    )

    assert decided.status == AssessmentStatus.APPROVED
    assert decided.awarded_level == "gold"
    assert decided.decision_reason == "Excellent."
    assert decided.decided_by == board_member
    assert decided.decided_at is not None
    event = last_event(decided)
    assert (event.actor, event.from_status, event.to_status, event.note) == (
        board_member,
        "recommended",
        "approved",
        "Excellent.",
    )


def test_the_board_rejects_with_a_reason(recommended, board_member):
    decided = transitions.assessment_decide(assessment=recommended, approve=False, reason="Doubts.", by=board_member)

    assert decided.status == AssessmentStatus.REJECTED
    assert decided.awarded_level == ""
    event = last_event(decided)
    assert (event.from_status, event.to_status, event.note) == ("recommended", "rejected", "Doubts.")


def test_it_refuses_a_decision_without_a_reason(recommended, board_member):
    with pytest.raises(ValidationError, match="reason"):
        transitions.assessment_decide(assessment=recommended, approve=True, reason="  ", by=board_member)

    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.RECOMMENDED


def test_it_refuses_to_decide_twice(recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="Fine.", by=board_member)

    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_decide(assessment=recommended, approve=False, reason="Changed mind.", by=board_member)

    recommended.refresh_from_db()
    assert recommended.status == AssessmentStatus.APPROVED
    assert recommended.history.filter(to_status__in=["approved", "rejected"]).count() == 1


def test_it_refuses_to_decide_before_the_recommendation(in_review, board_member):
    with pytest.raises(TransitionNotAllowed):
        transitions.assessment_decide(assessment=in_review, approve=True, reason="Early.", by=board_member)


@pytest.mark.parametrize("persona", ["staff_user", "assessor", "owner_a", "outsider"])
def test_only_board_members_decide(request, recommended, persona):
    with pytest.raises(PermissionDenied):
        transitions.assessment_decide(
            assessment=recommended, approve=True, reason="Yes.", by=request.getfixturevalue(persona)
        )


def test_a_board_member_who_assessed_it_cannot_decide(submitted, staff_user, assessor):
    both = UserFactory(is_assessor=True, is_board_member=True)
    in_review = transitions.assessment_assign(assessment=submitted, assessors=[assessor, both], by=staff_user)
    transitions.interview_record(assessment=in_review, on=YESTERDAY, by=assessor)
    verify_all(in_review, assessor)
    for person in (assessor, both):
        transitions.assessment_recommend(assessment=in_review, level="gold", summary="Strong.", by=person)

    with pytest.raises(PermissionDenied, match="You assessed this application"):
        transitions.assessment_decide(assessment=in_review, approve=True, reason="Mine.", by=both)

    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.RECOMMENDED


# Work after the commit


def test_the_score_job_and_emails_wait_for_the_commit(draft, owner_a, django_capture_on_commit_callbacks):
    fill_answers(draft, owner_a)

    with django_capture_on_commit_callbacks() as callbacks:
        transitions.assessment_submit(assessment=draft, by=owner_a)
        job = score_jobs(draft).get()

    assert len(callbacks) == 2  # the score job and the e-mails
    assert job.status == JobStatus.PENDING
    assert mail.outbox == []
    assert Assessment.objects.get(pk=draft.pk).provisional_score is None

    for callback in callbacks:
        callback()

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert Assessment.objects.get(pk=draft.pk).provisional_score == 100
    assert mail.outbox


@pytest.mark.parametrize("refused", ["submit_twice", "assign_by_owner", "decide_too_early"])
def test_a_refused_transition_schedules_nothing(
    submitted, owner_a, assessor, assessor2, board_member, django_capture_on_commit_callbacks, refused
):
    attempts = {
        "submit_twice": lambda: transitions.assessment_submit(assessment=submitted, by=owner_a),
        "assign_by_owner": lambda: transitions.assessment_assign(
            assessment=submitted, assessors=[assessor, assessor2], by=owner_a
        ),
        "decide_too_early": lambda: transitions.assessment_decide(
            assessment=submitted, approve=True, reason="Yes.", by=board_member
        ),
    }

    with django_capture_on_commit_callbacks() as callbacks, pytest.raises((TransitionNotAllowed, PermissionDenied)):
        attempts[refused]()

    assert callbacks == []
    assert score_jobs(submitted).count() == 1  # the one from the real submission


@pytest.mark.parametrize(
    "step, event",
    [
        ("assign", "assigned"),
        ("clarify", "clarification"),
        ("resubmit", "resubmitted"),
        ("recommend", "recommended"),
        ("decide", "decided"),
    ],
)
def test_each_transition_sends_its_emails_after_the_commit(
    submitted, owner_a, staff_user, assessor, assessor2, board_member, django_capture_on_commit_callbacks, step, event
):
    def run(current):
        if current == "assign":
            transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)
        elif current == "clarify":
            transitions.clarification_request(
                assessment=submitted, indicators=[indicator(submitted, "S1")], message="?", by=assessor
            )
        elif current == "resubmit":
            transitions.clarification_answer(assessment=submitted, by=owner_a)
        elif current == "recommend":
            transitions.interview_record(assessment=submitted, on=YESTERDAY, by=assessor)
            verify_all(submitted, assessor)
            transitions.assessment_recommend(assessment=submitted, level="gold", summary="Yes.", by=assessor)
            transitions.assessment_recommend(assessment=submitted, level="gold", summary="Yes.", by=assessor2)
        elif current == "decide":
            transitions.assessment_decide(assessment=submitted, approve=True, reason="Yes.", by=board_member)

    steps = ["assign", "clarify", "resubmit", "recommend", "decide"]
    for earlier in steps[: steps.index(step)]:
        run(earlier)

    with django_capture_on_commit_callbacks() as callbacks:
        run(step)
        assert mail.outbox == []

    for callback in callbacks:
        callback()
    assert mail.outbox, f"no e-mail for {event}"
