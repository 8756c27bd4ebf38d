"""The organisation's answers: editable in a draft, only the named indicators during a
clarification, frozen otherwise; every change after the submission kept as a revision."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from labels import answers, transitions
from labels.catalogue_import import framework_import
from labels.models import Answer, AnswerRevision, Evidence, ImprovementArea
from labels.transitions import TransitionNotAllowed
from tests.labels import built_fixtures

from . import demo_document, write_catalogue
from .conftest import fill_answers
from .test_eligibility import completed_bronze

# Assessments built with bulk inserts; tests/labels/test_transitions.py covers how they get there.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def indicator(assessment, code):
    return assessment.framework.indicators.get(code=code)


def save(assessment, code, value, by, comment=""):
    return answers.answer_save(
        assessment=assessment, indicator=indicator(assessment, code), value=value, comment=comment, by=by
    )


def pdf(name="evidence.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def clarification(in_review, assessor):
    transitions.clarification_request(
        assessment=in_review,
        indicators=[indicator(in_review, "S1"), indicator(in_review, "C2")],
        message="?",
        by=assessor,
    )
    in_review.refresh_from_db()
    return in_review


@pytest.fixture
def silver_draft(framework, org_a, owner_a):
    completed_bronze(org_a, framework, months_ago=20)
    return transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)


# In a draft


def test_the_owner_answers_an_indicator_in_a_draft(draft, owner_a):
    answer = save(draft, "S1", " 42 ", owner_a, comment="  From the register.  ")

    assert (answer.value, answer.comment, answer.updated_by) == (42, "From the register.", owner_a)
    assert not AnswerRevision.objects.exists()


def test_an_editor_changes_an_answer_in_a_draft_without_a_revision(draft, owner_a, editor_a):
    save(draft, "S2", "55.5", owner_a)

    answer = save(draft, "S2", "61", editor_a)

    assert (answer.value, answer.updated_by) == (61, editor_a)
    assert Answer.objects.filter(assessment=draft).count() == 1
    assert not AnswerRevision.objects.exists()  # a draft is work in progress, not history


@pytest.mark.parametrize("code, value", [("S1", "40"), ("S2", "40%"), ("C2", "yes"), ("G2", "3"), ("T6", "1.5")])
def test_every_kind_of_value_is_accepted(draft, owner_a, code, value):
    assert save(draft, code, value, owner_a).value is not None


def test_every_indicator_is_editable_in_a_draft(draft):
    assert answers.editable_codes(draft) is None


def test_a_value_of_the_wrong_kind_is_refused_and_nothing_is_stored(draft, owner_a):
    save(draft, "S2", "50", owner_a)

    with pytest.raises(ValidationError) as error:
        save(draft, "S2", "150", owner_a)

    assert error.value.messages == ["Enter a percentage from 0 to 100."]
    assert Answer.objects.get(assessment=draft).value == 50


def test_an_empty_value_clears_the_answer(draft, owner_a):
    save(draft, "S1", "12", owner_a)

    assert save(draft, "S1", "", owner_a).value is None


@pytest.mark.parametrize("persona", ["viewer_a", "owner_b", "assessor", "staff_user", "outsider"])
def test_only_owners_and_editors_answer(request, draft, persona):
    with pytest.raises(PermissionDenied):
        save(draft, "S1", "12", request.getfixturevalue(persona))

    assert not Answer.objects.exists()


def test_an_indicator_of_another_catalogue_is_refused(draft, owner_a, tmp_path):
    document = demo_document()
    document["framework"]["version"] = "2027.1"
    other = framework_import(write_catalogue(tmp_path, document), publish=False)

    with pytest.raises(ValidationError, match="does not belong"):
        answers.answer_save(assessment=draft, indicator=other.indicators.get(code="S1"), value=1, by=owner_a)


# Frozen after submission


@pytest.mark.parametrize("state", ["submitted", "in_review", "recommended"])
def test_answers_are_frozen_after_submission(request, owner_a, state):
    assessment = request.getfixturevalue(state)

    with pytest.raises(TransitionNotAllowed, match="frozen"):
        save(assessment, "S1", "1", owner_a)

    assert assessment.answers.get(indicator__code="S1").value == 60
    assert answers.editable_codes(assessment) == set()


def test_answers_are_frozen_after_a_withdrawal(draft, owner_a):
    transitions.assessment_withdraw(assessment=draft, by=owner_a)

    with pytest.raises(TransitionNotAllowed):
        save(draft, "S1", "1", owner_a)


# During a clarification


def test_only_the_named_indicators_are_editable_during_a_clarification(clarification, owner_a):
    assert answers.editable_codes(clarification) == {"S1", "C2"}

    save(clarification, "S1", "70", owner_a)
    with pytest.raises(TransitionNotAllowed, match="named in the clarification"):
        save(clarification, "S2", "10", owner_a)

    assert clarification.answers.get(indicator__code="S2").value == 60


def test_a_change_after_submission_is_kept_as_a_revision(clarification, owner_a, editor_a):
    save(clarification, "S1", "70", owner_a, comment="Recounted.")
    save(clarification, "S1", "72", editor_a, comment="Recounted again.")

    first, second = AnswerRevision.objects.filter(answer__indicator__code="S1")
    assert (first.old_value, first.new_value, first.old_comment, first.new_comment, first.changed_by) == (
        60,
        70,
        "",
        "Recounted.",
        owner_a,
    )
    assert (second.old_value, second.new_value, second.changed_by) == (70, 72, editor_a)


def test_the_revisions_survive_the_resubmission(clarification, owner_a):
    save(clarification, "C2", "no", owner_a)
    transitions.clarification_answer(assessment=clarification, by=owner_a)

    revision = AnswerRevision.objects.get()
    assert (revision.old_value, revision.new_value) == (1, 0)
    assert answers.editable_codes(clarification) == set()


def test_an_unchanged_save_writes_no_revision(clarification, owner_a):
    save(clarification, "S1", "60.000", owner_a)
    save(clarification, "S1", " 60 ", owner_a, comment="  ")

    assert not AnswerRevision.objects.exists()


def test_a_comment_change_alone_is_a_revision(clarification, owner_a):
    save(clarification, "S1", "60", owner_a, comment="As before.")

    revision = AnswerRevision.objects.get()
    assert (revision.old_value, revision.new_value, revision.new_comment) == (60, 60, "As before.")


def test_after_the_resubmission_the_answers_are_frozen_again(clarification, owner_a):
    transitions.clarification_answer(assessment=clarification, by=owner_a)

    with pytest.raises(TransitionNotAllowed):
        save(clarification, "S1", "80", owner_a)


# Evidence


def test_the_owner_adds_evidence_to_a_draft(draft, owner_a):
    evidence = answers.evidence_add(
        assessment=draft, indicator=indicator(draft, "S1"), upload=pdf("list.pdf"), by=owner_a
    )

    assert (evidence.original_name, evidence.content_type, evidence.size) == ("list.pdf", "application/pdf", len(PDF))
    assert evidence.uploaded_by == owner_a
    assert "list.pdf" not in evidence.file.name  # stored under a random name
    assert evidence.file.read() == PDF


def test_a_viewer_cannot_add_evidence(draft, viewer_a):
    with pytest.raises(PermissionDenied):
        answers.evidence_add(assessment=draft, indicator=indicator(draft, "S1"), upload=pdf(), by=viewer_a)

    assert not Evidence.objects.exists()


def test_evidence_is_frozen_with_the_answers(submitted, owner_a):
    with pytest.raises(TransitionNotAllowed):
        answers.evidence_add(assessment=submitted, indicator=indicator(submitted, "S1"), upload=pdf(), by=owner_a)


def test_evidence_is_added_to_named_indicators_during_a_clarification(clarification, owner_a):
    answers.evidence_add(assessment=clarification, indicator=indicator(clarification, "S1"), upload=pdf(), by=owner_a)

    with pytest.raises(TransitionNotAllowed):
        answers.evidence_add(
            assessment=clarification, indicator=indicator(clarification, "S2"), upload=pdf(), by=owner_a
        )
    assert Evidence.objects.count() == 1


def test_deleting_evidence_removes_the_file_after_the_commit(draft, owner_a, django_capture_on_commit_callbacks):
    evidence = answers.evidence_add(assessment=draft, indicator=indicator(draft, "S1"), upload=pdf(), by=owner_a)
    storage, name = evidence.file.storage, evidence.file.name

    with django_capture_on_commit_callbacks() as callbacks:
        answers.evidence_delete(evidence=evidence, by=owner_a)
        assert storage.exists(name)

    for callback in callbacks:
        callback()
    assert not Evidence.objects.exists()
    assert not storage.exists(name)


def test_evidence_of_a_submitted_assessment_cannot_be_deleted(draft, owner_a):
    evidence = answers.evidence_add(assessment=draft, indicator=indicator(draft, "S1"), upload=pdf(), by=owner_a)
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)
    evidence.refresh_from_db()

    with pytest.raises(TransitionNotAllowed):
        answers.evidence_delete(evidence=evidence, by=owner_a)

    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_a_viewer_cannot_delete_evidence(draft, owner_a, viewer_a):
    evidence = answers.evidence_add(assessment=draft, indicator=indicator(draft, "S1"), upload=pdf(), by=owner_a)

    with pytest.raises(PermissionDenied):
        answers.evidence_delete(evidence=evidence, by=viewer_a)


# Silver improvement areas


def test_a_silver_draft_records_three_improvement_areas(silver_draft, owner_a):
    items = [(indicator(silver_draft, code), f"  Improve {code}. ") for code in ("F1", "T3", "C5")]

    answers.improvement_areas_set(assessment=silver_draft, items=items, by=owner_a)

    stored = list(silver_draft.improvement_areas.values_list("indicator__code", "description"))
    assert stored == [("F1", "Improve F1."), ("T3", "Improve T3."), ("C5", "Improve C5.")]


def test_setting_improvement_areas_again_replaces_them_and_skips_blank_rows(silver_draft, owner_a):
    answers.improvement_areas_set(assessment=silver_draft, items=[(indicator(silver_draft, "F1"), "A.")], by=owner_a)

    answers.improvement_areas_set(
        assessment=silver_draft,
        items=[(indicator(silver_draft, "T3"), "B."), (None, "x"), (indicator(silver_draft, "C5"), " ")],
        by=owner_a,
    )

    assert list(ImprovementArea.objects.values_list("indicator__code", flat=True)) == ["T3"]


def test_a_silver_draft_without_three_areas_cannot_be_submitted(silver_draft, owner_a):
    fill_answers(silver_draft, owner_a)

    assert transitions.submission_gaps(silver_draft) == ["Describe 3 improvement areas."]


def test_more_than_three_improvement_areas_are_refused(silver_draft, owner_a):
    items = [(indicator(silver_draft, code), "Improve.") for code in ("F1", "T3", "C5", "A1")]

    with pytest.raises(ValidationError, match="at most 3"):
        answers.improvement_areas_set(assessment=silver_draft, items=items, by=owner_a)


def test_each_improvement_area_needs_its_own_indicator(silver_draft, owner_a):
    items = [(indicator(silver_draft, "F1"), "One."), (indicator(silver_draft, "F1"), "Two.")]

    with pytest.raises(ValidationError, match="different indicator"):
        answers.improvement_areas_set(assessment=silver_draft, items=items, by=owner_a)


def test_only_silver_has_improvement_areas(draft, owner_a):
    with pytest.raises(TransitionNotAllowed, match="Only Silver"):
        answers.improvement_areas_set(assessment=draft, items=[(indicator(draft, "F1"), "Improve.")], by=owner_a)


def test_a_viewer_cannot_set_improvement_areas(silver_draft, viewer_a):
    with pytest.raises(PermissionDenied):
        answers.improvement_areas_set(
            assessment=silver_draft, items=[(indicator(silver_draft, "F1"), "A.")], by=viewer_a
        )


def test_improvement_areas_are_frozen_after_submission(silver_draft, owner_a):
    items = [(indicator(silver_draft, code), "Improve.") for code in ("F1", "T3", "C5")]
    answers.improvement_areas_set(assessment=silver_draft, items=items, by=owner_a)
    fill_answers(silver_draft, owner_a)
    transitions.assessment_submit(assessment=silver_draft, by=owner_a)

    with pytest.raises(TransitionNotAllowed, match="frozen"):
        answers.improvement_areas_set(assessment=silver_draft, items=items[:1], by=owner_a)

    assert silver_draft.improvement_areas.count() == 3


def test_values_are_stored_as_exact_decimals(draft, owner_a):
    assert save(draft, "T6", "1.25", owner_a).value == Decimal("1.25")
