"""Practice notes: organisations rated green on an indicator describe how they get there; staff
moderate; others read the published notes next to their own red and yellow indicators.

Each change of state is one function here: it checks the person (PermissionDenied), the input
(ValidationError) and the state (NoteRefused, a 409), then writes the note and its history row
in one transaction. Nothing else writes a note's status.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from clusterexcellence.errors import StateConflict
from labels import selectors

from . import permissions
from .choices import NoteStatus
from .models import BODY_MAX, REASON_MAX, TITLE_MAX, PracticeNote, PracticeNoteEvent


class NoteRefused(StateConflict):
    """The state of things (a rating, the note's state) forbids the change."""


def green_indicator_keys(organisation_id: int) -> set[str]:
    """Keys of the indicators rated green in the organisation's latest decided assessment."""
    decided = selectors.latest_decided_assessments([organisation_id]).get(organisation_id)
    if decided is None:
        return set()
    values = selectors.verified_values([decided.assessment_id]).get(decided.assessment_id, {})
    return {key for key, value in values.items() if value.rating == "green"}


def note_refusal(organisation: Organisation, indicator_key: str) -> str | None:
    """Why the organisation may not write a note on the indicator now, or None."""
    if indicator_key not in green_indicator_keys(organisation.pk):
        return _(
            "Only organisations rated green on an indicator in their latest decided assessment can write a "
            "practice note for it."
        )
    if PracticeNote.objects.filter(
        organisation=organisation, indicator_key=indicator_key, status__in=NoteStatus.active()
    ).exists():
        return _("Your organisation already has a practice note on this indicator; withdraw it to write a new one.")
    return None


def _record(note: PracticeNote, to: str, *, by, text: str = "") -> None:
    PracticeNoteEvent.objects.create(note=note, actor=by, from_status=note.status, to_status=to, note_text=text)
    note.status = to


def _clean(title: str, body: str) -> tuple[str, str]:
    title, body = (title or "").strip(), (body or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the note a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("At most %(n)s characters.") % {"n": TITLE_MAX}
    if not body:
        errors["body"] = _("Describe the practice.")
    elif len(body) > BODY_MAX:
        errors["body"] = _("At most %(n)s characters.") % {"n": BODY_MAX}
    if errors:
        raise ValidationError(errors)
    return title, body


@transaction.atomic
def practice_note_create(
    *, organisation: Organisation, indicator_key: str, title: str, body: str, attributed: bool, by
) -> PracticeNote:
    """A note by an owner or editor of an organisation rated green on the indicator; it waits for moderation."""
    if not permissions.can_write_note(by, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors can write practice notes."))
    title, body = _clean(title, body)
    if indicator_key not in {i.key for i in selectors.current_indicators()}:
        raise ValidationError({"indicator": _("Choose an indicator of the current catalogue.")})
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()  # one note at a time
    refusal = note_refusal(organisation, indicator_key)
    if refusal:
        raise NoteRefused(refusal)
    note = PracticeNote.objects.create(
        organisation=organisation,
        indicator_key=indicator_key,
        title=title,
        body=body,
        attributed=bool(attributed),
        created_by=by,
    )
    PracticeNoteEvent.objects.create(note=note, actor=by, from_status="", to_status=NoteStatus.PENDING)
    return note


def _lock(note: PracticeNote) -> PracticeNote:
    return PracticeNote.objects.select_for_update().select_related("organisation").get(pk=note.pk)


@transaction.atomic
def practice_note_withdraw(*, note: PracticeNote, by) -> PracticeNote:
    """The author organisation takes its note back, waiting or published."""
    note = _lock(note)
    if not permissions.can_write_note(by, note.organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors can withdraw its practice notes."))
    if note.status not in NoteStatus.active():
        raise NoteRefused(_("This note is no longer waiting or published, so it cannot be withdrawn."))
    _record(note, NoteStatus.WITHDRAWN, by=by)
    note.save(update_fields=["status"])
    return note


def _moderate(note: PracticeNote, to: str, *, by, reason: str = "") -> PracticeNote:
    note = _lock(note)
    if not permissions.can_moderate_notes(by):
        raise PermissionDenied(_("Only the secretariat moderates practice notes."))
    if note.status != NoteStatus.PENDING:
        raise NoteRefused(_("Only a note waiting for moderation can be published or declined."))
    _record(note, to, by=by, text=reason)
    note.moderated_by, note.moderated_at, note.moderation_reason = by, timezone.now(), reason
    note.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_reason"])
    return note


@transaction.atomic
def practice_note_publish(*, note: PracticeNote, by) -> PracticeNote:
    """Staff publish a waiting note: from now on others see it beside their weak indicators."""
    return _moderate(note, NoteStatus.PUBLISHED, by=by)


@transaction.atomic
def practice_note_reject(*, note: PracticeNote, reason: str, by) -> PracticeNote:
    """Staff decline a waiting note, saying why (the author organisation sees the reason)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the note is not published.")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("At most %(n)s characters.") % {"n": REASON_MAX}})
    return _moderate(note, NoteStatus.REJECTED, by=by, reason=reason)


def published_notes_for(keys, *, exclude_organisation_id: int | None = None) -> dict[str, list[PracticeNote]]:
    """Published notes on the given indicators by key, newest first (one query)."""
    notes = PracticeNote.objects.published().filter(indicator_key__in=list(keys)).select_related("organisation")
    if exclude_organisation_id is not None:
        notes = notes.exclude(organisation_id=exclude_organisation_id)
    found: dict[str, list[PracticeNote]] = {}
    for note in notes:
        found.setdefault(note.indicator_key, []).append(note)
    return found


def notes_attach(benchmark) -> None:
    """Put the published notes of others next to the benchmark's red and yellow indicators."""
    weak = [row for row in benchmark.rows if row.weak]
    if not weak:
        return
    found = published_notes_for([row.indicator.key for row in weak], exclude_organisation_id=benchmark.organisation.pk)
    for row in weak:
        row.notes = found.get(row.indicator.key, [])
