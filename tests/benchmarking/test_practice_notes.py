"""Practice notes: who may write, withdraw and moderate them, and every refusal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from benchmarking import practice_notes
from benchmarking.choices import NoteStatus
from benchmarking.models import PracticeNote
from benchmarking.practice_notes import NoteRefused

pytestmark = pytest.mark.django_db


@pytest.fixture
def key(framework):
    return f"{framework.code}:S1"  # green for organisation A (decided_a)


def write(organisation, key, by, **fields):
    data = {"title": "How we grew", "body": "We **asked** every member.", "attributed": False, **fields}
    return practice_notes.practice_note_create(organisation=organisation, indicator_key=key, by=by, **data)


def test_an_owner_of_an_organisation_rated_green_writes_a_note_that_waits(decided_a, org_a, owner_a, key):
    note = write(org_a, key, owner_a)

    assert note.status == NoteStatus.PENDING
    assert [(e.from_status, e.to_status) for e in note.history.all()] == [("", "pending")]


def test_an_editor_may_write_too(decided_a, org_a, editor_a, key):
    assert write(org_a, key, editor_a).status == NoteStatus.PENDING


def test_a_viewer_may_not(decided_a, org_a, viewer_a, key):
    with pytest.raises(PermissionDenied):
        write(org_a, key, viewer_a)


def test_an_indicator_not_rated_green_is_refused(decided_a, org_a, owner_a, framework):
    with pytest.raises(NoteRefused, match="rated green"):
        write(org_a, f"{framework.code}:G3", owner_a)  # red for A


def test_without_a_decided_assessment_nothing_is_green(framework, org_b, owner_b, key):
    with pytest.raises(NoteRefused):
        write(org_b, key, owner_b)


def test_a_second_note_on_the_same_indicator_is_refused(decided_a, org_a, owner_a, key):
    write(org_a, key, owner_a)

    with pytest.raises(NoteRefused, match="already has a practice note"):
        write(org_a, key, owner_a)


def test_empty_and_overlong_text_and_unknown_indicators_are_refused(decided_a, org_a, owner_a, key):
    with pytest.raises(ValidationError) as error:
        write(org_a, key, owner_a, title=" ", body="x" * 2001)
    assert set(error.value.message_dict) == {"title", "body"}
    with pytest.raises(ValidationError):
        write(org_a, "other:S1", owner_a)


def test_staff_publish_and_decline_with_a_reason(decided_a, org_a, owner_a, staff_user, key, framework):
    note = write(org_a, key, owner_a)
    published = practice_notes.practice_note_publish(note=note, by=staff_user)
    assert published.status == NoteStatus.PUBLISHED and published.moderated_by == staff_user

    with pytest.raises(NoteRefused):
        practice_notes.practice_note_reject(note=published, reason="Late.", by=staff_user)


def test_declining_needs_a_reason_and_staff(decided_a, org_a, owner_a, staff_user, key):
    note = write(org_a, key, owner_a)

    with pytest.raises(ValidationError):
        practice_notes.practice_note_reject(note=note, reason=" ", by=staff_user)
    with pytest.raises(PermissionDenied):
        practice_notes.practice_note_publish(note=note, by=owner_a)
    declined = practice_notes.practice_note_reject(note=note, reason="Names a member's figures.", by=staff_user)
    assert declined.status == NoteStatus.REJECTED


def test_the_author_withdraws_and_may_then_write_again(decided_a, org_a, owner_a, viewer_a, key):
    note = write(org_a, key, owner_a)
    with pytest.raises(PermissionDenied):
        practice_notes.practice_note_withdraw(note=note, by=viewer_a)

    practice_notes.practice_note_withdraw(note=note, by=owner_a)

    with pytest.raises(NoteRefused):
        practice_notes.practice_note_withdraw(note=note, by=owner_a)
    assert write(org_a, key, owner_a).status == NoteStatus.PENDING


def test_published_notes_are_visible_to_signed_in_users_and_others_only_to_the_author(
    decided_a, org_a, owner_a, staff_user, outsider, key
):
    waiting = write(org_a, key, owner_a)

    assert list(PracticeNote.objects.visible_to(outsider)) == []
    assert list(PracticeNote.objects.visible_to(owner_a)) == [waiting]
    practice_notes.practice_note_publish(note=waiting, by=staff_user)
    assert list(PracticeNote.objects.visible_to(outsider)) == [waiting]
