"""Matchmaking events: the list, creating one (staff), an event's page with slots, participants and
the user's meetings, taking part, requesting and answering meetings, and the personal schedule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Organisation
from clusterexcellence.actions import attempt
from clusterexcellence.page_cache import cached_page

from .. import matchmaking, permissions
from ..choices import MeetingStatus
from ..forms import EventForm, MeetingRequestForm, ParticipantForm
from ..ical import schedule_ics
from ..models import Event, Meeting, Participant

PARTICIPANTS_SHOWN = 200


@cached_page
def event_list(request):
    events = Event.objects.annotate(
        participant_count=Count("participants", distinct=True), slot_count=Count("slots", distinct=True)
    ).order_by("-created_at", "-pk")
    return render(
        request,
        "collaboration/event_list.html",
        {"events": events, "can_manage": permissions.can_manage_events(request.user)},
    )


@login_required
def event_new(request):
    if not permissions.can_manage_events(request.user):
        raise PermissionDenied(_("Only the secretariat creates matchmaking events."))
    form = EventForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = matchmaking.SlotPlan(
            day=data["day"],
            first_start=data["first_start"],
            minutes=data["minutes"],
            count=data["count"],
            pause_minutes=data["pause_minutes"],
        )
        event, status = attempt(
            form,
            lambda: matchmaking.event_create(
                title=data["title"],
                description=data["description"],
                location=data["location"],
                periods=plan.periods(),
                by=request.user,
            ),
        )
        if event:
            messages.success(request, _("The event was created with its time slots."))
            return redirect(event)
    return render(request, "collaboration/event_form.html", {"form": form}, status=status)


def _event_for(public_id) -> Event:
    return get_object_or_404(Event, public_id=public_id)


def _event_context(request, event: Event, *, participant_form=None) -> dict:
    user = request.user
    slots = list(event.slots.all())
    context = {"event": event, "slots": slots, "participant": None, "participants": [], "meetings": []}
    if not user.is_authenticated:
        return context
    participant = Participant.objects.filter(event=event, user=user).select_related("organisation").first()
    organisations = Organisation.objects.filter(memberships__user=user, memberships__left_at__isnull=True)
    if participant_form is None:
        initial = {}
        if participant:
            initial = {
                "organisation": participant.organisation_id,
                "offers": participant.offers,
                "looking_for": participant.looking_for,
            }
        participant_form = ParticipantForm(initial=initial, organisations=organisations.order_by("name"))
    context.update(participant=participant, participant_form=participant_form)
    if permissions.can_see_participants(user):
        context["participants"] = list(
            event.participants.exclude(user=user).select_related("user", "organisation")[:PARTICIPANTS_SHOWN]
        )
        context["participant_count"] = event.participants.count()
    if participant:
        context["meetings"] = list(
            Meeting.objects.filter(Q(requester=participant) | Q(recipient=participant))
            .select_related("slot", "requester__user", "recipient__user")
            .order_by("slot__starts_at", "pk")
        )
        context["request_form"] = MeetingRequestForm(slots=event.slots.all())
        busy = {m.slot_id for m in context["meetings"] if m.status == MeetingStatus.ACCEPTED}
        context["busy_slots"] = busy
    return context


@cached_page
def event_detail(request, public_id):
    event = _event_for(public_id)
    return render(request, "collaboration/event_detail.html", _event_context(request, event))


@login_required
@require_POST
def participant_join(request, public_id):
    """Take part, or change what one offers and looks for."""
    event = _event_for(public_id)
    organisations = Organisation.objects.filter(memberships__user=request.user, memberships__left_at__isnull=True)
    form = ParticipantForm(request.POST, organisations=organisations)
    status = 400
    if form.is_valid():
        participant, status = attempt(
            form, lambda: matchmaking.participant_join(event=event, user=request.user, **form.cleaned_data)
        )
        if participant:
            messages.success(request, _("You take part. Others can now ask you for a meeting."))
            return redirect(event)
    context = _event_context(request, event, participant_form=form)
    return render(request, "collaboration/event_detail.html", context, status=status)


@login_required
@require_POST
def meeting_request(request, public_id, participant_id):
    event = _event_for(public_id)
    recipient = get_object_or_404(Participant, event=event, pk=participant_id)
    form = MeetingRequestForm(request.POST, slots=event.slots.all())
    if form.is_valid():
        meeting, _status = attempt(
            form,
            lambda: matchmaking.meeting_request(
                event=event,
                by=request.user,
                recipient=recipient,
                slot=form.cleaned_data["slot"],
                message=form.cleaned_data["message"],
            ),
        )
        if meeting:
            messages.success(request, _("Your request was sent to %(person)s.") % {"person": recipient.user})
            return redirect(f"{event.get_absolute_url()}#meetings")
    for error in [*form.non_field_errors(), *[e for field in form for e in field.errors]]:
        messages.error(request, error)
    return redirect(f"{event.get_absolute_url()}#participant-{recipient.pk}")


def _meeting_action(request, public_id, action, done_message):
    meeting = get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("event", "requester", "recipient"),
        public_id=public_id,
    )
    try:
        action(meeting=meeting, by=request.user)
    except matchmaking.MeetingConflict as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done_message)
    return redirect(meeting)


@login_required
@require_POST
def meeting_accept(request, public_id):
    return _meeting_action(request, public_id, matchmaking.meeting_accept, _("The meeting is in both schedules."))


@login_required
@require_POST
def meeting_decline(request, public_id):
    return _meeting_action(request, public_id, matchmaking.meeting_decline, _("The request was declined."))


@login_required
@require_POST
def meeting_cancel(request, public_id):
    return _meeting_action(request, public_id, matchmaking.meeting_cancel, _("The meeting was cancelled."))


@login_required
def schedule(request):
    """The user's accepted meetings across events, with the iCalendar download."""
    meetings = matchmaking.schedule_of(request.user)
    rows = [(meeting, matchmaking.other_person(meeting, request.user)) for meeting in meetings]
    return render(request, "collaboration/schedule.html", {"rows": rows})


@login_required
def schedule_download(request):
    response = HttpResponse(schedule_ics(request.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cluster-excellence-meetings.ics"'
    return response
