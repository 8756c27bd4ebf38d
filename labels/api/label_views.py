"""The label API: the public list and detail, and the board's suspension, reinstatement and
revocation. The same domain functions and predicates as the pages (labels/label_records.py)."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.choices import Sector
from clusterexcellence.api import MessageSerializer, domain_errors

from .. import label_records, permissions
from ..choices import Level
from ..models import Label, LabelState
from .label_serializers import AwardedLabelDetailSerializer, AwardedLabelSerializer, LabelReasonSerializer

_TAGS = ["labels"]
_ID = OpenApiParameter("public_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The label's public id.")


class LabelFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(
        field_name="organisation__country", max_length=2, help_text="ISO 3166 alpha-2 code, e.g. DE."
    )
    sector = django_filters.ChoiceFilter(field_name="organisation__sector", choices=Sector.choices)
    level = django_filters.ChoiceFilter(choices=Level.choices)
    status = django_filters.ChoiceFilter(choices=LabelState.choices, method="filter_status")

    class Meta:
        model = Label
        fields = ["country", "sector", "level", "status"]

    def filter_status(self, queryset, name, value):
        return queryset.in_state(value)


@extend_schema(
    tags=_TAGS,
    summary="Awarded labels",
    description="Every label with its state today (valid, suspended, revoked or expired), organisation, level "
    "and validity; no scores. Filter by `country`, `sector`, `level` and `status`. Public.",
)
class LabelListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = AwardedLabelSerializer
    filterset_class = LabelFilter
    queryset = Label.objects.none()  # for the schema

    def get_queryset(self):
        return Label.objects.with_state().select_related("organisation").order_by("organisation__name", "pk")


def _label(public_id) -> Label:
    return get_object_or_404(Label.objects.select_related("organisation"), public_id=public_id)


@extend_schema(
    tags=_TAGS,
    summary="One label",
    description="Public; `certificate_url` is given to the organisation's members and staff only (else null).",
    parameters=[_ID],
    responses={200: AwardedLabelDetailSerializer},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def label_detail(request, public_id):
    return Response(AwardedLabelDetailSerializer(_label(public_id), context={"request": request}).data)


def _board_change(request, public_id, change):
    label = _label(public_id)
    refusal = permissions.label_change_refusal(request.user, label)
    if refusal:
        raise PermissionDenied(refusal)
    serializer = LabelReasonSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    with domain_errors("reason"):
        change(label=label, reason=serializer.validated_data["reason"], by=request.user)
    return Response(AwardedLabelDetailSerializer(_label(public_id), context={"request": request}).data)


def _change_schema(summary: str, description: str):
    return extend_schema(
        tags=_TAGS,
        summary=summary,
        description=description + " Board members without a conflict of interest only (else 403).",
        parameters=[_ID],
        request=LabelReasonSerializer,
        responses={
            200: AwardedLabelDetailSerializer,
            409: OpenApiResponse(MessageSerializer, description="The label's state does not allow this."),
        },
    )


@_change_schema("Suspend a label", "A valid label stops validating at once; the reason is public.")
@api_view(["POST"])
def label_suspend_post(request, public_id):
    return _board_change(request, public_id, label_records.label_suspend)


@_change_schema("Reinstate a suspended label", "It validates again until its last day.")
@api_view(["POST"])
def label_reinstate_post(request, public_id):
    return _board_change(request, public_id, label_records.label_reinstate)


@_change_schema("Revoke a label", "A valid or suspended label is revoked for good; the reason is public.")
@api_view(["POST"])
def label_revoke_post(request, public_id):
    return _board_change(request, public_id, label_records.label_revoke)
