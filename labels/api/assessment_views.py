"""The assessment API: the same scope, predicates and transitions as the web pages, translated to HTTP.

Every view loads the assessment within `visible_to(user)` (404 outside it), asks the action's
predicate (403), validates the body (400) and calls the domain function inside
`domain_errors()`, which turns the domain's refusals into 409, 403 and 400 responses."""

from collections.abc import Callable

import django_filters
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from clusterexcellence.api import MessageSerializer, domain_errors
from clusterexcellence.page_cache import cached_data

from .. import answers, permissions, reviews, transitions
from ..assessment_scores import verified_result
from ..choices import Level
from ..level_rules import level_check
from ..models import Assessment, AssessmentStatus, AssessorAssignment
from ..scoring import rate
from .assessment_detail import answer_data, assessment_detail_load, verified_rating_data
from .assessment_inputs import (
    AnswerWriteSerializer,
    AssessmentCreateSerializer,
    AssignSerializer,
    ClarificationCreateSerializer,
    DecideSerializer,
    EvidenceUploadSerializer,
    ImprovementAreasSerializer,
    ImprovementValidateSerializer,
    InterviewSerializer,
    RecommendSerializer,
    ResubmitSerializer,
    ReviewWriteSerializer,
    indicators_by_code,
    unknown_indicator_message,
)
from .assessment_outputs import (
    AnswerSerializer,
    AssessmentDetailSerializer,
    AssessmentSummarySerializer,
    EvidenceSerializer,
    LevelRefusalSerializer,
    ReviewResultSerializer,
    SubmitResultSerializer,
)

# Helpers -----------------------------------------------------------------------------------------


def _scoped(user):
    assignments = AssessorAssignment.objects.select_related("assessor")
    return (
        Assessment.objects.visible_to(user)
        .select_related("organisation", "framework")
        .prefetch_related(Prefetch("assignments", queryset=assignments))
    )


def _assessment(request, public_id, may: Callable | None = None, refusal: str = "") -> Assessment:
    """The assessment within the caller's scope (else 404); with `may`, also the caller's right (else 403)."""
    assessment = get_object_or_404(_scoped(request.user), public_id=public_id)
    if may is not None and not may(request.user, assessment):
        raise PermissionDenied(refusal or _("You are not allowed to do this."))
    return assessment


def _indicator(assessment: Assessment, code: str):
    indicator = indicators_by_code(assessment).get(code)
    if indicator is None:
        raise NotFound(unknown_indicator_message(code))
    return indicator


def _valid(serializer_class, request, assessment: Assessment | None = None) -> dict:
    serializer = serializer_class(data=request.data, context={"request": request, "assessment": assessment})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _detail(request, assessment: Assessment, code: int = status.HTTP_200_OK, *, reload: bool = True) -> Response:
    """The detail, after a change read afresh: the transition worked on its own locked copy."""
    if reload:
        assessment = _scoped(request.user).filter(pk=assessment.pk).first() or assessment
    assessment_detail_load(assessment, request.user)
    return Response(AssessmentDetailSerializer(assessment, context={"request": request}).data, status=code)


def _may_assign(user, assessment) -> bool:
    return permissions.can_assign(user)


_ONLY_EDITORS = gettext_lazy("Only the organisation's owners and editors can do this.")
_ONLY_ASSESSORS = gettext_lazy("Only the assessors assigned to this assessment can do this.")

# Schema pieces -------------------------------------------------------------------------------------

_TAGS = ["assessments"]
_ID = OpenApiParameter("public_id", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The assessment's id.")
_CODE = OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH, description="An indicator code, e.g. G1.")
_400 = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='Invalid input: messages by field name, or under "detail" when no single field is at fault.',
)
_403 = OpenApiResponse(MessageSerializer, description="You may see the assessment but not do this.")
_404 = OpenApiResponse(MessageSerializer, description="No such assessment (or indicator) that you may see.")
_409 = OpenApiResponse(MessageSerializer, description="The assessment's state does not allow this now.")
_409_LEVEL = OpenApiResponse(
    LevelRefusalSerializer,
    description="The state does not allow this now, or (with `unmet`) the verified values do not meet the level.",
)


def _responses(ok=AssessmentDetailSerializer, code=200, bad_request=True) -> dict:
    responses = {code: ok, 403: _403, 404: _404, 409: _409}
    if bad_request:
        responses[400] = _400
    return responses


def _action_schema(summary: str, description: str = "", request=None, **kwargs):
    return extend_schema(
        tags=_TAGS,
        summary=summary,
        description=description,
        parameters=[_ID, *kwargs.pop("parameters", [])],
        request=request,
        responses=kwargs.pop("responses", None) or _responses(bad_request=request is not None),
        **kwargs,
    )


# List and create -----------------------------------------------------------------------------------


class AssessmentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices)
    level = django_filters.ChoiceFilter(choices=Level.choices)
    organisation = django_filters.CharFilter(
        field_name="organisation__slug", help_text=gettext_lazy("Organisation slug")
    )

    class Meta:
        model = Assessment
        fields = ["status", "level", "organisation", "renewal"]


@extend_schema_view(
    get=extend_schema(
        tags=_TAGS,
        summary="Assessments you may see",
        description="Your organisations' applications; assessors also their assignments, the board everything "
        "submitted, staff everything. Newest first.",
    ),
    post=extend_schema(
        tags=_TAGS,
        summary="Start an application (owners and editors)",
        description="Opens a draft for a label level. An organisation you do not belong to is refused with 400 "
        "on `organisation`, like an unknown one; a level that is not open to the organisation now (Silver "
        "without a completed Bronze 18 to 24 months earlier, an application already open) with 409.",
        request=AssessmentCreateSerializer,
        responses={201: AssessmentDetailSerializer, 400: _400, 403: _403, 409: _409},
    ),
)
@method_decorator(cached_data, name="list")
class AssessmentListView(generics.ListCreateAPIView):
    serializer_class = AssessmentSummarySerializer
    filterset_class = AssessmentFilter
    queryset = Assessment.objects.none()  # for the schema; the real scope is visible_to(user)

    def get_queryset(self):
        queryset = Assessment.objects.visible_to(self.request.user).select_related("organisation", "framework")
        return queryset.order_by("-created_at", "-pk")

    def create(self, request, *args, **kwargs):
        data = _valid(AssessmentCreateSerializer, request)
        organisation = data["organisation"]
        if not permissions.can_apply(request.user, organisation):
            raise PermissionDenied(_("Only the organisation's owners and editors can apply for a label."))
        with domain_errors():
            assessment = transitions.assessment_start(
                organisation=organisation, level=data["level"], renewal=data["renewal"], by=request.user
            )
        return _detail(request, assessment, status.HTTP_201_CREATED)


# Detail ----------------------------------------------------------------------------------------------


@extend_schema(
    tags=_TAGS,
    summary="One assessment with answers, ratings, score and history",
    description="Verified values, assessors' comments and recommendations are shown to the assessors, the "
    "board and staff, and to the organisation once the board has decided.",
    parameters=[_ID],
    responses={200: AssessmentDetailSerializer, 404: _404},
)
@api_view(["GET"])
@cached_data
def assessment_detail(request, public_id):
    return _detail(request, _assessment(request, public_id), reload=False)


# The organisation's side ---------------------------------------------------------------------------------


@_action_schema(
    "Save one answer (owners and editors)",
    "While a draft, any indicator; during a clarification round only the named ones (others: 409). "
    "A value of the wrong kind or out of range is refused with 400 on `value`.",
    request=AnswerWriteSerializer,
    parameters=[_CODE],
    responses=_responses(AnswerSerializer),
)
@api_view(["PUT"])
def answer_put(request, public_id, code):
    assessment = _assessment(request, public_id, permissions.can_edit_answers, _ONLY_EDITORS)
    indicator = _indicator(assessment, code)
    data = _valid(AnswerWriteSerializer, request)
    with domain_errors("value"):
        answer = answers.answer_save(
            assessment=assessment, indicator=indicator, value=data["value"], comment=data["comment"], by=request.user
        )
    evidence = list(assessment.evidence.filter(indicator=indicator).select_related("indicator"))
    payload = answer_data(indicator, answer, evidence, rate(indicator, answer.value))
    return Response(AnswerSerializer(payload, context={"request": request}).data)


@_action_schema(
    "Upload an evidence document (owners and editors)",
    "PDF, PNG, JPEG or Office documents up to the configured size (10 MB by default); the type is "
    "detected from the content, never the name.",
    request={"multipart/form-data": EvidenceUploadSerializer},
    responses=_responses(EvidenceSerializer, code=201),
)
@api_view(["POST"])
@parser_classes([MultiPartParser])
def evidence_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_edit_answers, _ONLY_EDITORS)
    data = _valid(EvidenceUploadSerializer, request, assessment)
    with domain_errors("file"):
        evidence = answers.evidence_add(
            assessment=assessment, indicator=data["indicator"], upload=data["file"], by=request.user
        )
    return Response(EvidenceSerializer(evidence, context={"request": request}).data, status=status.HTTP_201_CREATED)


@_action_schema(
    "Describe the improvement areas of a Silver draft (owners and editors)",
    "Replaces them all; each names an indicator and describes the improvement.",
    request=ImprovementAreasSerializer,
)
@api_view(["POST"])
def improvements_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_edit_answers, _ONLY_EDITORS)
    data = _valid(ImprovementAreasSerializer, request, assessment)
    with domain_errors("areas"):
        answers.improvement_areas_set(assessment=assessment, items=data["areas"], by=request.user)
    return _detail(request, assessment)


@_action_schema(
    "Submit the self-assessment (owners and editors)",
    "Freezes the answers and scores them provisionally in the background. Refused with 409 while "
    "indicators are unanswered or when already submitted. The response lists under `unmet` every "
    "requirement of the level applied for that the organisation's own values do not meet.",
    responses=_responses(SubmitResultSerializer, bad_request=False),
)
@api_view(["POST"])
def submit_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_submit, _ONLY_EDITORS)
    with domain_errors():
        transitions.assessment_submit(assessment=assessment, by=request.user)
    assessment = _scoped(request.user).get(pk=assessment.pk)
    assessment_detail_load(assessment, request.user)
    assessment.detail["unmet"] = list(level_check(assessment, assessment.level, declared=True).reasons)
    return Response(SubmitResultSerializer(assessment, context={"request": request}).data)


@_action_schema(
    "Answer a clarification request and resubmit (owners and editors)",
    request=ResubmitSerializer,
)
@api_view(["POST"])
def resubmit_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_submit, _ONLY_EDITORS)
    data = _valid(ResubmitSerializer, request)
    with domain_errors():
        transitions.clarification_answer(assessment=assessment, by=request.user, note=data["note"])
    return _detail(request, assessment)


@_action_schema("Withdraw a draft or submitted application (owners)")
@api_view(["POST"])
def withdraw_post(request, public_id):
    assessment = _assessment(
        request, public_id, permissions.can_withdraw, _("Only the organisation's owners can withdraw an application.")
    )
    with domain_errors():
        transitions.assessment_withdraw(assessment=assessment, by=request.user)
    return _detail(request, assessment)


# The secretariat -------------------------------------------------------------------------------------------


@_action_schema(
    "Assign the assessors (staff)",
    "Exactly the level's number of assessors (Gold two, Bronze and Silver one). An unknown e-mail "
    "address, a wrong number or a conflict of interest is refused with 400 on `assessors`, one message each.",
    request=AssignSerializer,
)
@api_view(["POST"])
def assign_post(request, public_id):
    assessment = _assessment(request, public_id, _may_assign, _("Only the secretariat assigns assessors."))
    data = _valid(AssignSerializer, request)
    with domain_errors("assessors"):
        transitions.assessment_assign(assessment=assessment, assessors=data["assessors"], by=request.user)
    return _detail(request, assessment)


# Assessors ---------------------------------------------------------------------------------------------------


@_action_schema(
    "Verify one indicator (assigned assessors)",
    "Stores the verified value and comment; the rating and the verified score follow at once.",
    request=ReviewWriteSerializer,
    parameters=[_CODE],
    responses=_responses(ReviewResultSerializer),
)
@api_view(["PUT"])
def review_put(request, public_id, code):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    indicator = _indicator(assessment, code)
    data = _valid(ReviewWriteSerializer, request)
    with domain_errors("verified_value"):
        review = reviews.review_save(
            assessment=assessment,
            indicator=indicator,
            verified_value=data["verified_value"],
            comment=data["comment"],
            by=request.user,
        )
    result = verified_result(assessment)
    payload = {
        **verified_rating_data(indicator, result.by_code()[indicator.code], review.comment),
        "indicator": indicator.code,
        "verified_score": result.gold_score,
    }
    return Response(ReviewResultSerializer(payload).data)


@_action_schema(
    "Confirm the remaining declared values of one area (assigned assessors)",
    "Verifies, with the value the organisation declared, every indicator of the area that no assessor has "
    "verified yet; indicators already verified keep their value. The detail's `verification` shows the progress.",
    parameters=[
        OpenApiParameter("area_code", OpenApiTypes.STR, OpenApiParameter.PATH, description="An area code, e.g. G.")
    ],
)
@api_view(["POST"])
def area_confirm_post(request, public_id, area_code):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    area = assessment.framework.areas.filter(code=area_code).first()
    if area is None:
        raise NotFound(_("There is no area %(code)s in this assessment's catalogue.") % {"code": area_code})
    with domain_errors():
        reviews.review_confirm_declared(assessment=assessment, area=area, by=request.user)
    return _detail(request, assessment)


@_action_schema(
    "Request clarification on named indicators (assigned assessors)",
    "Sends the assessment back to the organisation, which may change only those indicators.",
    request=ClarificationCreateSerializer,
)
@api_view(["POST"])
def clarification_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    data = _valid(ClarificationCreateSerializer, request, assessment)
    with domain_errors():
        transitions.clarification_request(
            assessment=assessment, indicators=data["indicators"], message=data["message"], by=request.user
        )
    return _detail(request, assessment)


@_action_schema("Record the interview or visit date (assigned assessors)", request=InterviewSerializer)
@api_view(["POST"])
def interview_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    data = _valid(InterviewSerializer, request)
    with domain_errors("date"):
        transitions.interview_record(assessment=assessment, on=data["date"], by=request.user)
    return _detail(request, assessment)


@_action_schema(
    "Validate or reject one Silver improvement area (assigned assessors)",
    "`position` is the area's place (1, 2, 3) in the detail's `improvement_areas`.",
    request=ImprovementValidateSerializer,
    parameters=[
        OpenApiParameter("position", OpenApiTypes.INT, OpenApiParameter.PATH, description="1 for the first area.")
    ],
)
@api_view(["POST"])
def improvement_validate_post(request, public_id, position):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    areas = list(assessment.improvement_areas.order_by("pk"))
    if not 1 <= position <= len(areas):
        raise NotFound(_("There is no improvement area %(position)s.") % {"position": position})
    data = _valid(ImprovementValidateSerializer, request)
    with domain_errors():
        reviews.improvement_validate(
            area=areas[position - 1], validated=data["validated"], comment=data["comment"], by=request.user
        )
    return _detail(request, assessment)


@_action_schema(
    "Recommend a level or no label (assigned assessors)",
    "When every assessor has recommended, the assessment goes to the board; for Gold a disagreement is flagged. "
    "Refused with 409 until every indicator is verified, and for a level the verified values do not meet "
    "(the body lists the unmet rules in `unmet`; see `requirements` in the detail).",
    request=RecommendSerializer,
    responses={**_responses(), 409: _409_LEVEL},
)
@api_view(["POST"])
def recommend_post(request, public_id):
    assessment = _assessment(request, public_id, permissions.can_review, _ONLY_ASSESSORS)
    data = _valid(RecommendSerializer, request)
    with domain_errors():
        transitions.assessment_recommend(
            assessment=assessment, level=data["level"], summary=data["summary"], by=request.user
        )
    return _detail(request, assessment)


# The label board -----------------------------------------------------------------------------------------------


@_action_schema(
    "Approve or reject the recommendation (board members without a conflict who did not assess it)",
    "Approval awards the recommended level; when the assessors disagree, name the `level` to award. The board "
    "cannot override the rules: approval is refused with 409 unless every indicator is verified and the level "
    "is met on the verified values (the body lists the unmet rules in `unmet`). A board member who assessed "
    "the application, is or was within 3 years a member of the organisation, or declared a conflict with it "
    "is refused with 403 and the reason.",
    request=DecideSerializer,
    responses={**_responses(), 409: _409_LEVEL},
)
@api_view(["POST"])
def decide_post(request, public_id):
    assessment = _assessment(request, public_id)
    refusal = permissions.decide_refusal(request.user, assessment)
    if refusal:
        raise PermissionDenied(refusal)
    data = _valid(DecideSerializer, request)
    with domain_errors():
        transitions.assessment_decide(
            assessment=assessment,
            approve=data["approve"],
            reason=data["reason"],
            level=data.get("level"),
            by=request.user,
        )
    return _detail(request, assessment)
