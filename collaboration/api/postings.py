"""The postings API: public postings, publishing and changing them, interests (the poster's side
sees them all; an interested organisation only its own), follows."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from accounts.models import Organisation
from clusterexcellence.api import MessageSerializer, domain_errors, page_of, paginate

from .. import permissions, postings
from ..choices import PostingStatus
from ..models import Follow, Interest, Posting
from ..search import postings_matching
from .directory import filters_from
from .serializers import (
    FollowSerializer,
    InterestCreateSerializer,
    InterestSerializer,
    PostingCreateSerializer,
    PostingSerializer,
    PostingWriteSerializer,
)

_CONFLICT = OpenApiResponse(MessageSerializer, description="The posting is closed or no longer open.")
_FORBIDDEN = OpenApiResponse(MessageSerializer, description="Not an owner or editor of the organisation.")
_POSTING_FILTERS = [
    OpenApiParameter("q", str, description="Words that must all appear in the title or description, or a topic"),
    OpenApiParameter("country", str, many=True, description="Target countries (ISO 3166-1 alpha-2)"),
    OpenApiParameter("sector", str, many=True, description="Sectors"),
    OpenApiParameter("kind", str, many=True, description="offer or request"),
    OpenApiParameter("status", str, enum=PostingStatus.values, description="open (default), closed or expired"),
]


def _posting(public_id) -> Posting:
    return get_object_or_404(
        Posting.objects.select_related("organisation").prefetch_related("tags"), public_id=public_id
    )


def _acting(request, slug) -> Organisation:
    """An organisation the user acts for, by slug (a 403 for any other, existing or not)."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or organisation.pk not in permissions.acting_organisation_ids(request.user):
        raise PermissionDenied(_("You can act only for organisations where you are an owner or editor."))
    return organisation


@extend_schema(
    tags=["postings"],
    summary="Cooperation postings, or publish one",
    parameters=_POSTING_FILTERS,
    request=PostingCreateSerializer,
    responses={200: page_of(PostingSerializer), 201: PostingSerializer, 403: _FORBIDDEN},
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticatedOrReadOnly])
def posting_list(request):
    if request.method == "POST":
        serializer = PostingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        organisation = _acting(request, data.pop("organisation"))
        with domain_errors():
            posting = postings.posting_create(organisation=organisation, by=request.user, **data)
        return Response(PostingSerializer(_posting(posting.public_id)).data, status=status.HTTP_201_CREATED)
    wanted = request.query_params.get("status", PostingStatus.OPEN)
    if wanted not in PostingStatus.values:
        raise ValidationError({"status": [_("Choose open, closed or expired.")]})
    queryset = postings_matching(filters_from(request), Posting.objects.with_status(wanted))
    queryset = queryset.select_related("organisation").prefetch_related("tags").order_by("-created_at", "-pk")
    return paginate(request, queryset, PostingSerializer)


@extend_schema(
    tags=["postings"],
    summary="One posting, or change it (owners and editors of its organisation)",
    request=PostingWriteSerializer,
    responses={200: PostingSerializer, 403: _FORBIDDEN, 409: _CONFLICT},
)
@api_view(["GET", "PUT"])
@permission_classes([IsAuthenticatedOrReadOnly])
def posting_detail(request, public_id):
    posting = _posting(public_id)
    if request.method == "PUT":
        if not permissions.can_edit_posting(request.user, posting):
            raise PermissionDenied(_("Only the organisation's owners and editors change its postings."))
        serializer = PostingWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with domain_errors():
            postings.posting_update(posting=posting, by=request.user, **serializer.validated_data)
        posting = _posting(public_id)
    return Response(PostingSerializer(posting).data)


@extend_schema(
    tags=["postings"],
    summary="Close a posting; its followers are told",
    request=None,
    responses={200: PostingSerializer, 403: _FORBIDDEN, 409: _CONFLICT},
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def posting_close(request, public_id):
    posting = _posting(public_id)
    with domain_errors():
        postings.posting_close(posting=posting, by=request.user)
    return Response(PostingSerializer(_posting(public_id)).data)


@extend_schema(
    tags=["postings"],
    summary="Interests in a posting (its organisation's members), or express interest",
    description=(
        "GET: the poster's members see every interest; an organisation that expressed interest sees its own. "
        "POST: an owner or editor of another organisation expresses interest; the poster is told by e-mail."
    ),
    request=InterestCreateSerializer,
    responses={200: InterestSerializer(many=True), 201: InterestSerializer, 403: _FORBIDDEN, 409: _CONFLICT},
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated])
def interest_list(request, public_id):
    posting = _posting(public_id)
    if request.method == "POST":
        serializer = InterestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = _acting(request, serializer.validated_data["organisation"])
        with domain_errors():
            interest = postings.interest_express(
                posting=posting,
                organisation=organisation,
                message=serializer.validated_data["message"],
                by=request.user,
            )
        return Response(InterestSerializer(interest).data, status=status.HTTP_201_CREATED)
    interests = Interest.objects.visible_to(request.user).filter(posting=posting)
    interests = interests.select_related("organisation", "created_by", "posting").order_by("-created_at", "-pk")
    return Response(InterestSerializer(interests, many=True).data)


@extend_schema(
    tags=["postings"],
    summary="Follow a posting (POST) or stop following it (DELETE)",
    request=None,
    responses={201: FollowSerializer, 204: None, 409: _CONFLICT},
)
@api_view(["POST", "DELETE"])
@permission_classes([IsAuthenticated])
def follow(request, public_id):
    posting = _posting(public_id)
    if request.method == "DELETE":
        postings.follow_stop(posting=posting, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
    with domain_errors():
        created = postings.follow_start(posting=posting, by=request.user)
    return Response({"posting": PostingSerializer(posting).data, "created_at": created.created_at}, status=201)


@extend_schema(tags=["postings"], summary="The postings you follow", responses={200: FollowSerializer(many=True)})
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def follow_list(request):
    follows = (
        Follow.objects.filter(user=request.user)
        .select_related("posting__organisation")
        .prefetch_related("posting__tags")
        .order_by("-created_at", "-pk")
    )
    return Response([{"posting": PostingSerializer(f.posting).data, "created_at": f.created_at} for f in follows])
