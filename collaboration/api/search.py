"""The partner search API (organisations and open postings with facets) and saved searches."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from clusterexcellence.api import domain_errors
from labels.selectors import current_labels

from .. import saved_searches
from ..models import Posting, SavedSearch
from ..profiles import public_profile, visibility_of
from ..search import SearchFilters, organisation_facets, organisations_matching, posting_facets, postings_matching
from .directory import FILTER_PARAMETERS, filters_from
from .serializers import PartnerSearchSerializer, PostingSerializer, PublicProfileSerializer, SavedSearchSerializer

RESULTS = 20


@extend_schema(
    tags=["partner search"],
    summary="Organisations and open postings matching the filters, with facet counts",
    parameters=[
        *FILTER_PARAMETERS,
        OpenApiParameter("kind", str, many=True, description="Posting type: offer or request"),
        OpenApiParameter("scope", str, enum=["all", "organisations", "postings"]),
    ],
    responses={200: PartnerSearchSerializer},
    auth=[],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def partner_search(request):
    filters = filters_from(request)
    organisations = organisations_matching(filters) if filters.includes_organisations and not filters.kind else None
    postings = postings_matching(filters, Posting.objects.open()) if filters.includes_postings else None
    found = []
    if organisations is not None:
        page = list(organisations.select_related("profile_visibility").order_by("name", "pk")[:RESULTS])
        labels = current_labels([o.pk for o in page])
        found = [public_profile(o, label=labels.get(o.pk), visibility=visibility_of(o)) for o in page]
    posting_rows = []
    if postings is not None:
        posting_rows = list(
            postings.select_related("organisation").prefetch_related("tags").order_by("-created_at", "-pk")[:RESULTS]
        )
    return Response(
        {
            "organisations": PublicProfileSerializer(found, many=True).data,
            "organisation_count": organisations.count() if organisations is not None else None,
            "postings": PostingSerializer(posting_rows, many=True).data,
            "posting_count": postings.count() if postings is not None else None,
            "organisation_facets": organisation_facets(organisations) if organisations is not None else {},
            "posting_facets": posting_facets(postings) if postings is not None else {},
        }
    )


@extend_schema(
    tags=["partner search"],
    summary="Your saved searches, or save one",
    description="New matches of a saved search with `notify` are e-mailed once a day, each match once.",
    request=SavedSearchSerializer,
    responses={200: SavedSearchSerializer(many=True), 201: SavedSearchSerializer},
)
@api_view(["GET", "POST"])
@permission_classes([IsAuthenticated])
def saved_search_list(request):
    if request.method == "POST":
        serializer = SavedSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with domain_errors():
            search = saved_searches.saved_search_create(
                user=request.user,
                name=data["name"],
                filters=SearchFilters.from_query(data["query"]),
                notify=data.get("notify", True),
            )
        return Response(SavedSearchSerializer(search).data, status=status.HTTP_201_CREATED)
    searches = SavedSearch.objects.visible_to(request.user).order_by("name", "pk")
    return Response(SavedSearchSerializer(searches, many=True).data)


@extend_schema(
    tags=["partner search"],
    summary="One of your saved searches: read, rename or switch e-mails (PATCH), delete",
    request=SavedSearchSerializer,
    responses={200: SavedSearchSerializer, 204: None},
)
@api_view(["GET", "PATCH", "DELETE"])
@permission_classes([IsAuthenticated])
def saved_search_detail(request, public_id):
    search = get_object_or_404(SavedSearch.objects.visible_to(request.user), public_id=public_id)
    if request.method == "DELETE":
        saved_searches.saved_search_delete(saved_search=search)
        return Response(status=status.HTTP_204_NO_CONTENT)
    if request.method == "PATCH":
        serializer = SavedSearchSerializer(search, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with domain_errors():
            saved_searches.saved_search_update(
                saved_search=search, name=data.get("name", search.name), notify=data.get("notify", search.notify)
            )
    return Response(SavedSearchSerializer(search).data)
