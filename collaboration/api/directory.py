"""The public directory API: profiles (public parts only), map counts, and the visibility choices."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from accounts.models import Organisation
from clusterexcellence.api import MessageSerializer, domain_errors, page_of
from labels.selectors import current_labels

from .. import permissions
from ..choices import OPTIONAL_FIELD_KEYS
from ..europe_map import europe_map
from ..forms import SearchForm
from ..profiles import public_profile, visibility_of, visibility_update
from ..search import SearchFilters, organisations_matching
from .serializers import CountryCountSerializer, PublicProfileSerializer, VisibilitySerializer

FILTER_PARAMETERS = [
    OpenApiParameter("q", str, description="Words that must all appear in the public text"),
    OpenApiParameter("country", str, many=True, description="ISO 3166-1 alpha-2 codes (repeat the parameter)"),
    OpenApiParameter("sector", str, many=True, description="Sector portfolio values"),
    OpenApiParameter(
        "participant_type", str, many=True, description="sme, large, research, university, public, financial"
    ),
    OpenApiParameter("level", str, many=True, description="Current label level: bronze, silver, gold"),
]


def filters_from(request) -> SearchFilters:
    """The query string's filters; a value outside a choice list is a 400 naming the field."""
    form = SearchForm(request.query_params)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data())
    return form.filters()


@extend_schema(
    tags=["directory"],
    summary="Public organisation profiles",
    description="Every organisation with the parts of its profile its owners made public, filtered and searched.",
    parameters=FILTER_PARAMETERS,
    responses={200: page_of(PublicProfileSerializer)},
    auth=[],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def directory_list(request):
    queryset = organisations_matching(filters_from(request)).select_related("profile_visibility").order_by("name", "pk")
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queryset, request)
    labels = current_labels([organisation.pk for organisation in page])
    profiles = [public_profile(o, label=labels.get(o.pk), visibility=visibility_of(o)) for o in page]
    return paginator.get_paginated_response(PublicProfileSerializer(profiles, many=True).data)


@extend_schema(
    tags=["directory"], summary="One public organisation profile", responses={200: PublicProfileSerializer}, auth=[]
)
@api_view(["GET"])
@permission_classes([AllowAny])
def directory_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("profile_visibility"), slug=slug)
    label = current_labels([organisation.pk]).get(organisation.pk)
    return Response(PublicProfileSerializer(public_profile(organisation, label=label)).data)


@extend_schema(
    tags=["directory"],
    summary="Organisations per country (the map's figures)",
    description="Countries with their number of organisations and largest public regions, most organisations first.",
    responses={200: CountryCountSerializer(many=True)},
    auth=[],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def directory_map(request):
    return Response(CountryCountSerializer(europe_map()["counts"], many=True).data)


@extend_schema(
    tags=["directory"],
    summary="Which optional profile parts are public (owners and editors)",
    request=VisibilitySerializer,
    responses={
        200: VisibilitySerializer,
        403: OpenApiResponse(MessageSerializer, description="Not an owner or editor."),
        404: OpenApiResponse(MessageSerializer, description="Not an organisation you belong to."),
    },
)
@api_view(["GET", "PATCH"])
@permission_classes([IsAuthenticated])
def visibility(request, slug):
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not permissions.can_edit_visibility(request.user, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors choose what is public."))
    if request.method == "PATCH":
        serializer = VisibilitySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with domain_errors():
            visibility_update(organisation=organisation, public=serializer.validated_data, by=request.user)
        organisation.refresh_from_db()
    current = visibility_of(Organisation.objects.select_related("profile_visibility").get(pk=organisation.pk))
    return Response({key: current.is_public(key) for key in OPTIONAL_FIELD_KEYS})
