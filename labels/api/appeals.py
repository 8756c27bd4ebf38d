"""The appeals API: the owner appeals a rejection (`/api/assessments/{id}/appeals/`) or a suspension
or revocation (`/api/labels/{id}/appeals/`); whoever sees an appeal reads it; a board member without
a part in the decision decides it (`/api/appeals/{id}/decide/`). Same rules as the pages
(labels/appeals.py): 404 outside the scope, 403 for the wrong person, 409 for the state, 400 for input."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.reverse import reverse

from clusterexcellence.api import MessageSerializer, domain_errors

from .. import appeals
from ..models import (
    APPEAL_DECISION_MAX_LENGTH,
    APPEAL_DOCUMENTS_MAX,
    APPEAL_REASON_MAX_LENGTH,
    Appeal,
    AppealDocument,
    Assessment,
    Label,
)

# Serializers ---------------------------------------------------------------------------------------


class AppealCreateSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=APPEAL_REASON_MAX_LENGTH, help_text="The grounds of the appeal.")
    documents = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=APPEAL_DOCUMENTS_MAX,
        help_text="Optional documents: PDF, PNG, JPEG or Office, type checked from the content.",
    )


class AppealDecisionSerializer(serializers.Serializer):
    uphold = serializers.BooleanField(help_text="true upholds the appeal, false dismisses it.")
    reason = serializers.CharField(max_length=APPEAL_DECISION_MAX_LENGTH)


class AppealDocumentSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = AppealDocument
        fields = ["id", "name", "content_type", "size", "download_url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_download_url(self, document) -> str:
        return reverse("labels:appeal_document", args=[document.public_id], request=self.context.get("request"))


class AppealSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    assessment = serializers.UUIDField(source="assessment.public_id", read_only=True)
    label = serializers.UUIDField(source="label.public_id", read_only=True, allow_null=True, default=None)
    documents = AppealDocumentSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Appeal
        fields = [
            "id",
            "kind",
            "status",
            "assessment",
            "label",
            "decision_at",
            "reason",
            "filed_at",
            "decided_at",
            "decision_reason",
            "documents",
            "url",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField())
    def get_url(self, appeal) -> str:
        return reverse("labels:appeal_detail", args=[appeal.public_id], request=self.context.get("request"))


# Schema pieces -------------------------------------------------------------------------------------

_TAGS = ["appeals"]
_400 = OpenApiResponse(OpenApiTypes.OBJECT, description="Invalid input: messages by field name.")
_403 = OpenApiResponse(MessageSerializer, description="You may see it but not do this.")
_404 = OpenApiResponse(MessageSerializer, description="Nothing with that id that you may see.")
_409 = OpenApiResponse(
    MessageSerializer,
    description="Nothing to appeal, the appeal period is over, the decision was appealed already, or the "
    "appeal was decided already.",
)


def _id(description: str) -> OpenApiParameter:
    return OpenApiParameter("public_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description=description)


_FILE_REQUEST = {"multipart/form-data": AppealCreateSerializer}


def _appeal_response(request, appeal: Appeal, code: int = status.HTTP_200_OK) -> Response:
    appeal = Appeal.objects.select_related("assessment", "label").prefetch_related("documents").get(pk=appeal.pk)
    return Response(AppealSerializer(appeal, context={"request": request}).data, status=code)


def _file(request, *, organisation, assessment=None, label=None) -> Response:
    if not appeals.can_appeal(request.user, organisation):
        raise PermissionDenied(appeals.ONLY_OWNERS)
    serializer = AppealCreateSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    with domain_errors("reason"):
        appeal = appeals.appeal_file(
            assessment=assessment,
            label=label,
            reason=data["reason"],
            documents=data.get("documents", []),
            by=request.user,
        )
    return _appeal_response(request, appeal, status.HTTP_201_CREATED)


_FILE_RESPONSES = {201: AppealSerializer, 400: _400, 403: _403, 404: _404, 409: _409}


@extend_schema(
    tags=_TAGS,
    summary="Appeal the rejection of an application (the organisation's owners)",
    description="Within the appeal period (30 days by default) after the rejection, once.",
    parameters=[_id("The assessment's id.")],
    request=_FILE_REQUEST,
    responses=_FILE_RESPONSES,
)
@api_view(["POST"])
@parser_classes([MultiPartParser])
def assessment_appeals_post(request, public_id):
    assessment = get_object_or_404(
        Assessment.objects.visible_to(request.user).select_related("organisation"), public_id=public_id
    )
    return _file(request, organisation=assessment.organisation, assessment=assessment)


@extend_schema(
    tags=_TAGS,
    summary="Appeal the suspension or revocation of a label (the organisation's owners)",
    description="Within the appeal period (30 days by default) after the board's decision, once per decision.",
    parameters=[_id("The label's public id.")],
    request=_FILE_REQUEST,
    responses=_FILE_RESPONSES,
)
@api_view(["POST"])
@parser_classes([MultiPartParser])
def label_appeals_post(request, public_id):
    label = get_object_or_404(
        Label.objects.visible_to(request.user).select_related("organisation"), public_id=public_id
    )
    return _file(request, organisation=label.organisation, label=label)


def _appeal(request, public_id) -> Appeal:
    return get_object_or_404(
        Appeal.objects.visible_to(request.user).select_related("assessment__organisation", "label"),
        public_id=public_id,
    )


@extend_schema(
    tags=_TAGS,
    summary="An appeal (the organisation's members, the board, staff)",
    parameters=[_id("The appeal's id.")],
    responses={200: AppealSerializer, 404: _404},
)
@api_view(["GET"])
def appeal_detail(request, public_id):
    return _appeal_response(request, _appeal(request, public_id))


@extend_schema(
    tags=_TAGS,
    summary="Uphold or dismiss an appeal (board members without a part in the decision)",
    description="A board member who took the contested decision, assessed the application, or has a conflict of "
    "interest with the organisation is refused with 403 and the reason. Upheld against a rejection, the "
    "application goes back to the board (status `recommended`); against a suspension or revocation, the label "
    "is valid again.",
    parameters=[_id("The appeal's id.")],
    request=AppealDecisionSerializer,
    responses={200: AppealSerializer, 400: _400, 403: _403, 404: _404, 409: _409},
)
@api_view(["POST"])
def appeal_decide_post(request, public_id):
    appeal = _appeal(request, public_id)
    refusal = appeals.appeal_decide_refusal(request.user, appeal)
    if refusal:
        raise PermissionDenied(refusal)
    serializer = AppealDecisionSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    with domain_errors("reason"):
        appeal = appeals.appeal_decide(appeal=appeal, uphold=data["uphold"], reason=data["reason"], by=request.user)
    return _appeal_response(request, appeal)
