"""Practice notes: an organisation's own notes and writing one; the secretariat's moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterexcellence.actions import attempt
from labels import selectors

from .. import permissions, practice_notes
from ..choices import NoteStatus
from ..forms import PracticeNoteForm, RejectForm
from ..models import PracticeNote
from .benchmark import organisation_for


def _titles() -> dict:
    return {i.key: i for i in selectors.current_indicators()}


@login_required
def organisation_notes(request, slug):
    """The organisation's notes in every state, and a form for a new one on a green indicator."""
    organisation = organisation_for(request, slug)
    can_write = permissions.can_write_note(request.user, organisation)
    indicators = _titles()
    green = practice_notes.green_indicator_keys(organisation.pk)
    taken = set(
        PracticeNote.objects.filter(organisation=organisation, status__in=NoteStatus.active()).values_list(
            "indicator_key", flat=True
        )
    )
    choices = [i for key, i in indicators.items() if key in green and key not in taken]
    form = PracticeNoteForm(
        request.POST if request.method == "POST" else None,
        indicators=choices,
        initial={"indicator": request.GET.get("indicator")},
    )
    status = 200
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied(_("Only the organisation's owners and editors can write practice notes."))
        if form.is_valid():
            data = form.cleaned_data
            note, status = attempt(
                form,
                lambda: practice_notes.practice_note_create(
                    organisation=organisation,
                    indicator_key=data["indicator"],
                    title=data["title"],
                    body=data["body"],
                    attributed=data["attributed"],
                    by=request.user,
                ),
            )
            if note is not None:
                messages.success(request, _("Thank you. The secretariat reads your note before it is published."))
                return redirect("benchmarking:notes", slug=organisation.slug)
        else:
            status = 400
    notes = list(PracticeNote.objects.filter(organisation=organisation).order_by("-created_at", "-pk"))
    for note in notes:
        note.indicator = indicators.get(note.indicator_key)
    return render(
        request,
        "benchmarking/notes.html",
        {"organisation": organisation, "notes": notes, "form": form, "can_write": can_write, "choices": choices},
        status=status,
    )


@login_required
@require_POST
def note_withdraw(request, public_id):
    note = get_object_or_404(PracticeNote.objects.visible_to(request.user), public_id=public_id)
    form = RejectForm()  # only carries a refusal message back
    _result, status = attempt(form, lambda: practice_notes.practice_note_withdraw(note=note, by=request.user))
    if status == 200:
        messages.success(request, _("The note was withdrawn."))
    else:
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect("benchmarking:notes", slug=note.organisation.slug)


@login_required
def moderation(request):
    """Notes waiting for the secretariat, oldest first."""
    if not permissions.can_moderate_notes(request.user):
        raise PermissionDenied(_("Only the secretariat moderates practice notes."))
    indicators = _titles()
    waiting = list(
        PracticeNote.objects.filter(status=NoteStatus.PENDING).select_related("organisation").order_by("created_at")
    )
    for note in waiting:
        note.indicator = indicators.get(note.indicator_key)
    return render(request, "benchmarking/moderation.html", {"notes": waiting, "reject_form": RejectForm()})


@login_required
@require_POST
def note_moderate(request, public_id):
    if not permissions.can_moderate_notes(request.user):
        raise PermissionDenied(_("Only the secretariat moderates practice notes."))
    note = get_object_or_404(PracticeNote, public_id=public_id)
    if request.POST.get("action") == "publish":
        form = RejectForm()
        _result, status = attempt(form, lambda: practice_notes.practice_note_publish(note=note, by=request.user))
        done = _("The note was published.")
    else:
        form = RejectForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say why the note is not published."))
            return redirect("benchmarking:moderation")
        reason = form.cleaned_data["reason"]
        _result, status = attempt(
            form, lambda: practice_notes.practice_note_reject(note=note, reason=reason, by=request.user)
        )
        done = _("The note was declined; its authors see your reason.")
    if status == 200:
        messages.success(request, done)
    else:
        messages.error(request, " ".join(str(m) for errors in form.errors.values() for m in errors))
    return redirect("benchmarking:moderation")
