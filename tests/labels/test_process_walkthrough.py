"""The whole Gold process through the domain functions, as the board finally sees it."""

from django.core import mail

from labels import transitions
from labels.models import Assessment, AssessmentStatus

from .conftest import fill_answers


def test_a_gold_application_goes_from_draft_to_approval(recommended, board_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decided = transitions.assessment_decide(
            assessment=recommended, approve=True, reason="All criteria met.", by=board_member
        )
    decided.refresh_from_db()
    assert decided.status == AssessmentStatus.APPROVED
    assert decided.awarded_level == "gold"
    assert decided.verified_score == 100
    assert [e.to_status for e in decided.history.all()] == [
        "draft",
        "submitted",
        "in_review",
        "recommended",
        "approved",
    ]
    assert any("approved the Gold label" in m.body for m in mail.outbox)


def test_submission_scores_provisionally_in_the_background(draft, owner_a, django_capture_on_commit_callbacks):
    fill_answers(draft, owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.assessment_submit(assessment=draft, by=owner_a)
    submitted = Assessment.objects.get(pk=draft.pk)
    assert submitted.provisional_score == 100
    assert set(submitted.answers.values_list("provisional_rating", flat=True)) == {"green"}
