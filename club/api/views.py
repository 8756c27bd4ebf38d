"""The club API: the same scopes, predicates and domain functions as the pages.

Member-only endpoints answer 403 with the reason to everyone else; objects outside the caller's
scope are 404; the state's refusals 409; the message rate limit 429."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response

from clusterexcellence.api import MessageSerializer as DetailSerializer
from clusterexcellence.api import domain_errors, page_of, paginate

from .. import events, memberships, messaging, permissions, profiles
from ..choices import RegistrationStatus
from ..directory import DirectoryQuery, directory_search
from ..models import Block, ClubMembership, Event, Message, Profile, Registration
from .serializers import (
    ApplicationSerializer,
    CalendarSerializer,
    ClubBlockSerializer,
    ClubEventSerializer,
    ClubMembershipSerializer,
    ClubMessageSerializer,
    ClubProfileSerializer,
    ClubRegistrationSerializer,
    DecisionSerializer,
    MessageCreateSerializer,
    OwnClubProfileSerializer,
    PhotoSerializer,
    ReplySerializer,
    ReportSerializer,
)


class IsClubMember(BasePermission):
    message = _("Only club members can use this.")

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and permissions.is_club_member(request.user))


MEMBERS = [IsAuthenticated, IsClubMember]
_ID = OpenApiParameter("public_id", OpenApiTypes.UUID, OpenApiParameter.PATH)
_403 = OpenApiResponse(DetailSerializer, description="Not a club member, or not allowed to do this.")
_404 = OpenApiResponse(DetailSerializer, description="Nothing of that id that you may see.")
_409 = OpenApiResponse(DetailSerializer, description="The state does not allow this now.")


def _valid(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# Membership ---------------------------------------------------------------------------------------


def _membership_response(request, code=status.HTTP_200_OK) -> Response:
    membership = ClubMembership.objects.filter(user=request.user).first()
    if membership is None:
        raise NotFound(_("You have not applied to the club."))
    return Response(ClubMembershipSerializer(membership).data, status=code)


@extend_schema(
    tags=["club"],
    methods=["GET"],
    summary="Your club membership or application",
    responses={200: ClubMembershipSerializer, 404: _404},
)
@extend_schema(
    tags=["club"],
    methods=["POST"],
    summary="Apply to join the club",
    description="Open to people who never applied and to declined applicants; 409 for members, pending "
    "applicants and former members (who rejoin instead).",
    request=ClubMembershipSerializer,
    responses={201: ClubMembershipSerializer, 400: OpenApiTypes.OBJECT, 409: _409},
)
@api_view(["GET", "POST"])
def membership(request):
    if request.method == "POST":
        data = _valid(ClubMembershipSerializer, request)
        with domain_errors():
            memberships.membership_apply(user=request.user, **data)
        return _membership_response(request, status.HTTP_201_CREATED)
    return _membership_response(request)


@extend_schema(
    tags=["club"], summary="Leave the club", request=None, responses={200: ClubMembershipSerializer, 409: _409}
)
@api_view(["POST"])
def membership_leave(request):
    with domain_errors():
        memberships.membership_leave(user=request.user)
    return _membership_response(request)


@extend_schema(
    tags=["club"],
    summary="Rejoin the club (former members)",
    request=None,
    responses={200: ClubMembershipSerializer, 409: _409},
)
@api_view(["POST"])
def membership_rejoin(request):
    with domain_errors():
        memberships.membership_rejoin(user=request.user)
    return _membership_response(request)


def _require_secretariat(request) -> None:
    if not permissions.can_decide_applications(request.user):
        raise PermissionDenied(_("Only the secretariat decides on applications."))


@extend_schema(
    tags=["club"],
    summary="Applications waiting for a decision (secretariat)",
    responses={200: page_of(ApplicationSerializer), 403: _403},
)
@api_view(["GET"])
def application_list(request):
    _require_secretariat(request)
    pending = ClubMembership.objects.filter(status="pending").order_by("applied_at", "pk")
    return paginate(request, pending, ApplicationSerializer)


@extend_schema(
    tags=["club"],
    summary="Approve or decline an application (secretariat)",
    description="The applicant receives the message by e-mail; declining needs one.",
    parameters=[_ID],
    request=DecisionSerializer,
    responses={200: ApplicationSerializer, 400: OpenApiTypes.OBJECT, 403: _403, 404: _404, 409: _409},
)
@api_view(["POST"])
def application_decide(request, public_id):
    _require_secretariat(request)
    membership = get_object_or_404(ClubMembership, public_id=public_id)
    data = _valid(DecisionSerializer, request)
    decide = memberships.membership_approve if data["decision"] == "approve" else memberships.membership_decline
    with domain_errors("message"):
        membership = decide(membership=membership, by=request.user, message=data["message"])
    return Response(ApplicationSerializer(membership).data)


# Directory and profiles ---------------------------------------------------------------------------

_FILTERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Name, expertise or organisation (forgives typos)."),
    OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166 code, e.g. DE."),
    OpenApiParameter("language", OpenApiTypes.STR, description="Language code, e.g. de."),
    OpenApiParameter("sector", OpenApiTypes.STR, description="Sector portfolio, e.g. mobility."),
]


@extend_schema(
    tags=["club"],
    summary="The members' directory",
    description="Public and members-only profiles of current members; hidden profiles never appear.",
    parameters=_FILTERS,
    responses={200: page_of(ClubProfileSerializer), 403: _403},
)
@api_view(["GET"])
@permission_classes(MEMBERS)
def member_list(request):
    params = request.query_params
    query = DirectoryQuery(
        **{name: params.get(name, "")[:100] for name in ("country", "language", "sector")}, text=params.get("q", "")
    )
    return paginate(request, directory_search(Profile.objects.visible_to(request.user), query), ClubProfileSerializer)


@extend_schema(
    tags=["club"],
    summary="One member's profile",
    parameters=[_ID],
    description="Public profiles for everyone, members-only ones for members.",
    responses={200: ClubProfileSerializer, 404: _404},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def member_detail(request, public_id):
    profile = get_object_or_404(Profile.objects.visible_to(request.user), public_id=public_id)
    return Response(ClubProfileSerializer(profile, context={"request": request}).data)


@extend_schema(tags=["club"], methods=["GET"], summary="Your own profile", responses={200: OwnClubProfileSerializer})
@extend_schema(
    tags=["club"],
    methods=["PATCH"],
    summary="Change your own profile",
    request=OwnClubProfileSerializer,
    responses={200: OwnClubProfileSerializer, 400: OpenApiTypes.OBJECT, 403: _403},
)
@api_view(["GET", "PATCH"])
@permission_classes(MEMBERS)
def own_profile(request):
    profile = Profile.objects.filter(user=request.user).first()
    if request.method == "PATCH":
        serializer = OwnClubProfileSerializer(profile, data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        with domain_errors():
            profile = profiles.profile_update(user=request.user, **serializer.validated_data)
    if profile is None:
        raise NotFound(_("You have no profile yet."))
    return Response(OwnClubProfileSerializer(profile, context={"request": request}).data)


@extend_schema(
    tags=["club"],
    methods=["PUT"],
    summary="Upload your photo (multipart)",
    description="Checked as an image by its content, cropped square, resized and stripped of metadata.",
    request={"multipart/form-data": PhotoSerializer},
    responses={200: OwnClubProfileSerializer, 400: OpenApiTypes.OBJECT, 403: _403},
)
@extend_schema(tags=["club"], methods=["DELETE"], summary="Remove your photo", responses={204: None})
@api_view(["PUT", "DELETE"])
@parser_classes([MultiPartParser, FormParser])
@permission_classes(MEMBERS)
def own_photo(request):
    if request.method == "DELETE":
        profiles.profile_photo_remove(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
    data = _valid(PhotoSerializer, request)
    with domain_errors("photo"):
        profile = profiles.profile_photo_set(user=request.user, upload=data["photo"])
    return Response(OwnClubProfileSerializer(profile, context={"request": request}).data)


# Messages -----------------------------------------------------------------------------------------


def _messages():
    return Message.objects.select_related("sender__club_profile", "recipient__club_profile", "reply_to")


def _message(request, public_id) -> Message:
    scope = _messages().filter(Q(sender=request.user) | Q(recipient=request.user))
    return get_object_or_404(scope, public_id=public_id)


def _send(request, **kwargs) -> Response:
    with domain_errors():
        try:
            message = messaging.message_send(sender=request.user, **kwargs)
        except messaging.RateLimited as refusal:  # before domain_errors, which would make it a 409
            raise Throttled(detail=str(refusal)) from refusal
    return Response(ClubMessageSerializer(_message(request, message.public_id)).data, status=status.HTTP_201_CREATED)


_RATE = OpenApiResponse(DetailSerializer, description="Too many messages this hour (CLUB_MESSAGES_PER_HOUR).")


@extend_schema(
    tags=["club"], methods=["GET"], summary="Your inbox", responses={200: page_of(ClubMessageSerializer), 403: _403}
)
@extend_schema(
    tags=["club"],
    methods=["POST"],
    summary="Send a message to a member",
    description="Delivered in the portal and by e-mail in the recipient's language; addresses stay hidden.",
    request=MessageCreateSerializer,
    responses={201: ClubMessageSerializer, 400: OpenApiTypes.OBJECT, 403: _403, 404: _404, 429: _RATE},
)
@api_view(["GET", "POST"])
@permission_classes(MEMBERS)
def message_list(request):
    if request.method == "POST":
        data = _valid(MessageCreateSerializer, request)
        profile = get_object_or_404(Profile.objects.visible_to(request.user), public_id=data["recipient"])
        if not permissions.can_contact_profile(request.user, profile):
            raise PermissionDenied(_("You cannot send a message to this member."))
        return _send(request, recipient=profile.user, subject=data["subject"], body=data["body"])
    return paginate(request, _messages().filter(recipient=request.user), ClubMessageSerializer)


@extend_schema(tags=["club"], summary="Messages you sent", responses={200: page_of(ClubMessageSerializer), 403: _403})
@api_view(["GET"])
@permission_classes(MEMBERS)
def message_sent(request):
    return paginate(request, _messages().filter(sender=request.user), ClubMessageSerializer)


@extend_schema(
    tags=["club"],
    summary="One message (reading it marks it read)",
    parameters=[_ID],
    responses={200: ClubMessageSerializer, 404: _404},
)
@api_view(["GET"])
@permission_classes(MEMBERS)
def message_detail(request, public_id):
    message = messaging.message_mark_read(message=_message(request, public_id), by=request.user)
    return Response(ClubMessageSerializer(message).data)


@extend_schema(
    tags=["club"],
    summary="Reply to the sender",
    parameters=[_ID],
    request=ReplySerializer,
    responses={201: ClubMessageSerializer, 400: OpenApiTypes.OBJECT, 403: _403, 404: _404, 429: _RATE},
)
@api_view(["POST"])
@permission_classes(MEMBERS)
def message_reply(request, public_id):
    message = _message(request, public_id)
    data = _valid(ReplySerializer, request)
    return _send(request, recipient=message.sender, reply_to=message, **data)


@extend_schema(
    tags=["club"],
    summary="Report a message you received to the secretariat",
    parameters=[_ID],
    request=ReportSerializer,
    responses={201: None, 403: _403, 404: _404, 409: _409},
)
@api_view(["POST"])
@permission_classes(MEMBERS)
def message_report(request, public_id):
    message = _message(request, public_id)
    data = _valid(ReportSerializer, request)
    with domain_errors("reason"):
        messaging.abuse_report(message=message, by=request.user, reason=data["reason"])
    return Response(status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["club"],
    summary="Block the sender of a message you received",
    parameters=[_ID],
    request=None,
    responses={201: ClubBlockSerializer, 403: _403, 404: _404},
)
@api_view(["POST"])
@permission_classes(MEMBERS)
def message_block(request, public_id):
    message = _message(request, public_id)
    if message.recipient_id != request.user.pk:
        raise PermissionDenied(_("You can only block the senders of messages you received."))
    with domain_errors():
        block = messaging.sender_block(blocker=request.user, blocked=message.sender)
    return Response(ClubBlockSerializer(block).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["club"], summary="Senders you blocked", responses={200: page_of(ClubBlockSerializer)})
@api_view(["GET"])
@permission_classes(MEMBERS)
def block_list(request):
    blocks = Block.objects.filter(blocker=request.user).select_related("blocked__club_profile")
    return paginate(request, blocks, ClubBlockSerializer)


@extend_schema(tags=["club"], summary="Unblock a sender", parameters=[_ID], responses={204: None, 404: _404})
@api_view(["DELETE"])
@permission_classes(MEMBERS)
def block_delete(request, public_id):
    block = get_object_or_404(Block.objects.filter(blocker=request.user), public_id=public_id)
    messaging.sender_unblock(block=block, by=request.user)
    return Response(status=status.HTTP_204_NO_CONTENT)


# Events -------------------------------------------------------------------------------------------


def _events():
    return Event.objects.annotate(
        taken=Count("registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
        waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )


def _mine(user) -> dict[int, str]:
    return dict(
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .values_list("event_id", "status")
    )


@extend_schema(
    tags=["club"],
    summary="Club events",
    parameters=[OpenApiParameter("past", OpenApiTypes.BOOL, description="true: past events, newest first.")],
    responses={200: page_of(ClubEventSerializer), 403: _403},
)
@api_view(["GET"])
@permission_classes(MEMBERS)
def event_list(request):
    past = request.query_params.get("past", "").lower() in ("1", "true", "yes")
    queryset = _events().past() if past else _events().upcoming()
    return paginate(request, queryset, ClubEventSerializer, mine=_mine(request.user))


def _event_response(request, event, code=status.HTTP_200_OK) -> Response:
    event = _events().get(pk=event.pk)
    context = {"request": request, "mine": _mine(request.user)}
    return Response(ClubEventSerializer(event, context=context).data, status=code)


@extend_schema(tags=["club"], summary="One event", parameters=[_ID], responses={200: ClubEventSerializer, 404: _404})
@api_view(["GET"])
@permission_classes(MEMBERS)
def event_detail(request, public_id):
    return _event_response(request, get_object_or_404(Event, public_id=public_id))


@extend_schema(
    tags=["club"],
    methods=["POST"],
    summary="Register (a place, or the waiting list when full)",
    parameters=[_ID],
    request=None,
    responses={201: ClubEventSerializer, 404: _404, 409: _409},
)
@extend_schema(
    tags=["club"],
    methods=["DELETE"],
    summary="Cancel your registration (the waiting list moves up)",
    parameters=[_ID],
    responses={200: ClubEventSerializer, 404: _404, 409: _409},
)
@api_view(["POST", "DELETE"])
@permission_classes(MEMBERS)
def event_registration(request, public_id):
    event = get_object_or_404(Event, public_id=public_id)
    if request.method == "POST":
        with domain_errors():
            events.event_register(event=event, user=request.user)
        return _event_response(request, event, status.HTTP_201_CREATED)
    registration = (
        Registration.objects.filter(event=event, user=request.user).exclude(status=RegistrationStatus.CANCELLED).first()
    )
    if registration is None:
        raise NotFound(_("You are not registered for this event."))
    with domain_errors():
        events.registration_cancel(registration=registration, by=request.user)
    return _event_response(request, event)


@extend_schema(tags=["club"], summary="Your registrations", responses={200: page_of(ClubRegistrationSerializer)})
@api_view(["GET"])
@permission_classes(MEMBERS)
def registration_list(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event")
        .order_by("-event__starts_at", "pk")
    )
    return paginate(request, registrations, ClubRegistrationSerializer)


@extend_schema(
    tags=["club"],
    summary="The address of your iCalendar feed of upcoming events",
    description="GET the address for a text/calendar (RFC 5545) feed; it works without signing in, so keep it "
    "private. It stops working when you leave the club.",
    responses={200: CalendarSerializer, 403: _403},
)
@api_view(["GET"])
@permission_classes(MEMBERS)
def calendar(request):
    token = ClubMembership.objects.filter(user=request.user).values_list("calendar_token", flat=True).get()
    url = request.build_absolute_uri(reverse("club:calendar_feed", args=[token]))
    return Response({"feed_url": url})
