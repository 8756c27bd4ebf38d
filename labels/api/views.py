"""The public, read-only catalogue API: the current framework, the list, one version."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from clusterexcellence.page_cache import public_page
from labels.models import Framework

from .serializers import FrameworkSerializer, FrameworkSummarySerializer

_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="Language of the texts (en, de); a missing translation falls back to English.",
)


@extend_schema(
    tags=["catalogue"],
    summary="List the catalogue versions",
    description="Published and superseded versions; staff also see drafts.",
    parameters=[_LANGUAGE],
)
class FrameworkListView(generics.ListAPIView):
    # The catalogue is public: anyone may read it, signed in or not.
    permission_classes = [AllowAny]
    serializer_class = FrameworkSummarySerializer
    filter_backends: list = []

    def get_queryset(self):
        return Framework.objects.visible_to(self.request.user).order_by("code", "-imported_at")


@extend_schema(
    tags=["catalogue"],
    summary="The current catalogue",
    description="The most recently published framework with its label rules, areas and indicators.",
    parameters=[_LANGUAGE],
    responses={200: FrameworkSerializer, 404: OpenApiResponse(description="No framework has been published yet.")},
)
@public_page(version=Framework.objects.current_version, api=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def framework_current(request):
    framework = Framework.objects.with_catalogue().current()
    if framework is None:
        raise NotFound(_("No indicator catalogue has been published yet."))
    return Response(FrameworkSerializer(framework, context={"request": request}).data)


@extend_schema(
    tags=["catalogue"],
    summary="One catalogue version",
    parameters=[_LANGUAGE],
    responses={200: FrameworkSerializer, 404: OpenApiResponse(description="No such version, or a draft.")},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def framework_detail(request, code: str, version: str):
    queryset = Framework.objects.visible_to(request.user).with_catalogue()
    framework = get_object_or_404(queryset, code=code, version=version)
    return Response(FrameworkSerializer(framework, context={"request": request}).data)
