"""The matchmaking API: events and their slots, taking part, participants, meetings, the schedule."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from accounts.models import Organisation
from clusterexcellence.api import MessageSerializer, domain_errors

from .. import matchmaking, permissions
from ..models import Event, Meeting, Participant, TimeSlot
from .serializers import (
    MatchmakingEventCreateSerializer,
    MatchmakingEventSerializer,
    MeetingCreateSerializer,
    MeetingSerializer,
    ParticipantSerializer,
    ParticipationSerializer,
)

_CONFLICT = OpenApiResponse(MessageSerializer, description="Already answered, or one of you is busy then.")


def _event(public_id) -> Event:
    return get_object_or_404(Event.objects.prefetch_related("slots"), public_id=public_id)


@extend_schema(
    tags=["matchmaking"],
    summary="Matchmaking events, or create one (staff)",
    request=MatchmakingEventCreateSerializer,
    responses={200: MatchmakingEventSerializer(many=True), 201: MatchmakingEventSerializer},
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticatedOrReadOnly])
def event_list(request):
    if request.method == "POST":
        if not permissions.can_manage_events(request.user):
            raise PermissionDenied(_("Only the secretariat creates matchmaking events."))
        serializer = MatchmakingEventCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with domain_errors("slots"):
            event = matchmaking.event_create(
                title=data["title"],
                description=data["description"],
                location=data["location"],
                periods=[(slot["starts_at"], slot["ends_at"]) for slot in data["slots"]],
                by=request.user,
            )
        return Response(MatchmakingEventSerializer(_event(event.public_id)).data, status=status.HTTP_201_CREATED)
    events = Event.objects.prefetch_related("slots").order_by("-created_at", "-pk")
    return Response(MatchmakingEventSerializer(events, many=True).data)


@extend_schema(
    tags=["matchmaking"], summary="One event and its time slots", responses={200: MatchmakingEventSerializer}
)
@api_view(["GET"])
@permission_classes([IsAuthenticatedOrReadOnly])
def event_detail(request, public_id):
    return Response(MatchmakingEventSerializer(_event(public_id)).data)


@extend_schema(
    tags=["matchmaking"],
    summary="The event's participants with what they offer and look for",
    responses={200: ParticipantSerializer(many=True)},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def participant_list(request, public_id):
    event = _event(public_id)
    participants = event.participants.select_related("user", "organisation").order_by("created_at", "pk")
    return Response(ParticipantSerializer(participants, many=True).data)


@extend_schema(
    tags=["matchmaking"],
    summary="Take part in the event, or change what you offer and look for",
    request=ParticipationSerializer,
    responses={200: ParticipantSerializer},
)
@api_view(["PUT"])
@permission_classes([IsAuthenticated])
def participation(request, public_id):
    event = _event(public_id)
    serializer = ParticipationSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    slug = data.pop("organisation")
    organisation = None
    if slug:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise ValidationError({"organisation": [_("No organisation has this short name.")]})
    with domain_errors():
        participant = matchmaking.participant_join(event=event, user=request.user, organisation=organisation, **data)
    return Response(ParticipantSerializer(participant).data)


@extend_schema(
    tags=["matchmaking"],
    summary="Your meetings (requested, accepted, declined, cancelled), or request one",
    request=MeetingCreateSerializer,
    responses={200: MeetingSerializer(many=True), 201: MeetingSerializer, 409: _CONFLICT},
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated])
def meeting_list(request):
    if request.method == "POST":
        serializer = MeetingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        event = Event.objects.filter(public_id=data["event"]).first()
        if event is None:
            raise ValidationError({"event": [_("No matchmaking event has this id.")]})
        recipient = Participant.objects.filter(event=event, pk=data["recipient"]).first()
        slot = TimeSlot.objects.filter(event=event, pk=data["slot"]).first()
        if recipient is None or slot is None:
            raise ValidationError({"detail": [_("Choose a participant and a time slot of this event.")]})
        with domain_errors():
            meeting = matchmaking.meeting_request(
                event=event, by=request.user, recipient=recipient, slot=slot, message=data["message"]
            )
        return Response(MeetingSerializer(_meetings(request).get(pk=meeting.pk)).data, status=status.HTTP_201_CREATED)
    return Response(MeetingSerializer(_meetings(request).order_by("slot__starts_at", "pk"), many=True).data)


def _meetings(request):
    """The user's own meetings (for staff too: this list is personal)."""
    return Meeting.objects.filter(Q(requester__user=request.user) | Q(recipient__user=request.user)).select_related(
        "event", "slot", "requester__user", "requester__organisation", "recipient__user", "recipient__organisation"
    )


def _answer(request, public_id, action):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), public_id=public_id)
    with domain_errors():
        action(meeting=meeting, by=request.user)
    return Response(MeetingSerializer(_meetings(request).get(pk=meeting.pk)).data)


_ANSWER = {"request": None, "responses": {200: MeetingSerializer, 403: MessageSerializer, 409: _CONFLICT}}


@extend_schema(tags=["matchmaking"], summary="Accept a meeting you were asked for", **_ANSWER)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def meeting_accept(request, public_id):
    return _answer(request, public_id, matchmaking.meeting_accept)


@extend_schema(tags=["matchmaking"], summary="Decline a meeting you were asked for", **_ANSWER)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def meeting_decline(request, public_id):
    return _answer(request, public_id, matchmaking.meeting_decline)


@extend_schema(tags=["matchmaking"], summary="Cancel a request or an accepted meeting (either person)", **_ANSWER)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def meeting_cancel(request, public_id):
    return _answer(request, public_id, matchmaking.meeting_cancel)


@extend_schema(
    tags=["matchmaking"],
    summary="Your schedule: accepted meetings across events, in time order",
    description="The same schedule as an iCalendar file: /collaboration/schedule.ics (signed in).",
    responses={200: MeetingSerializer(many=True)},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def schedule(request):
    return Response(MeetingSerializer(matchmaking.schedule_of(request.user), many=True).data)
