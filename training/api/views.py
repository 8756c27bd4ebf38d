"""The training API: public reads (programmes, fields, modules, lessons, case studies, survey results,
search), the learner's progress, quiz and completion records, and the survey answer."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from accounts.permissions import organisation_roles
from clusterexcellence.api import Conflict, MessageSerializer, domain_errors
from training import needs, permissions, progress, quizzes, records
from training.filters import ProgrammeFilter
from training.models import CaseStudy, CompletionRecord, Field, Lesson, LessonIndicator, Module, Programme
from training.recommendations import organisation_recommendations
from training.search import search
from training.views.records import pdf_response

from . import serializers as s

_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="en or de; English when no German text exists.",
)
_REFUSALS = {
    401: OpenApiResponse(description="Not signed in."),
    403: MessageSerializer,
    404: OpenApiResponse(description="No such module or lesson, or not published."),
}


def _module(request, slug) -> Module:
    return get_object_or_404(Module.objects.visible_to(request.user).select_related("field"), slug=slug)


def _lesson(request, slug, lesson_slug) -> Lesson:
    queryset = Lesson.objects.filter(module__in=Module.objects.visible_to(request.user)).select_related("module")
    return get_object_or_404(queryset, module__slug=slug, slug=lesson_slug)


# --- public reads -----------------------------------------------------------------------------


@extend_schema(tags=["training"], summary="List training programmes", parameters=[_LANGUAGE])
class ProgrammeListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.TrainingProgrammeSerializer
    queryset = Programme.objects.prefetch_related("fields").order_by("title", "pk")
    filterset_class = ProgrammeFilter


@extend_schema(tags=["training"], summary="One training programme", parameters=[_LANGUAGE])
class ProgrammeDetailView(generics.RetrieveAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.TrainingProgrammeSerializer
    queryset = Programme.objects.prefetch_related("fields")
    lookup_field = "slug"


@extend_schema(tags=["training"], summary="List the fields of cluster management", parameters=[_LANGUAGE])
class FieldListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.TrainingFieldSerializer
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self):
        visible = Module.objects.visible_to(self.request.user).order_by("position", "pk")
        return Field.objects.prefetch_related(Prefetch("modules", queryset=visible, to_attr="visible_modules"))


@extend_schema(tags=["training"], summary="List the modules", parameters=[_LANGUAGE])
class ModuleListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.TrainingModuleSummarySerializer
    filter_backends: list = []

    def get_queryset(self):
        return (
            Module.objects.visible_to(self.request.user)
            .select_related("field")
            .order_by("field__position", "position", "pk")
        )


@extend_schema(
    tags=["training"],
    summary="One module with its lessons",
    parameters=[_LANGUAGE],
    responses={200: s.TrainingModuleSerializer},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def module_detail(request, slug):
    module = get_object_or_404(
        Module.objects.visible_to(request.user)
        .select_related("field")
        .annotate(question_count=Count("questions"))
        .prefetch_related(
            Prefetch("lessons", queryset=Lesson.objects.select_related("module").order_by("position", "pk"))
        ),
        slug=slug,
    )
    module.indicator_keys = sorted(
        set(LessonIndicator.objects.filter(lesson__module=module).values_list("indicator_key", flat=True))
    )
    return Response(s.TrainingModuleSerializer(module, context={"request": request}).data)


@extend_schema(
    tags=["training"], summary="One lesson", parameters=[_LANGUAGE], responses={200: s.TrainingLessonSerializer}
)
@api_view(["GET"])
@permission_classes([AllowAny])
def lesson_detail(request, slug, lesson_slug):
    lesson = _lesson(request, slug, lesson_slug)
    completed = request.user.is_authenticated and lesson.completions.filter(user=request.user).exists()
    context = {"request": request, "is_instructor": permissions.is_instructor(request.user), "completed": completed}
    return Response(s.TrainingLessonSerializer(lesson, context=context).data)


@extend_schema(tags=["training"], summary="List the case studies", parameters=[_LANGUAGE])
class CaseStudyListView(generics.ListAPIView):
    permission_classes = [AllowAny]
    serializer_class = s.TrainingCaseStudySummarySerializer
    filter_backends: list = []

    def get_queryset(self):
        return CaseStudy.objects.visible_to(self.request.user).select_related("field")


@extend_schema(
    tags=["training"],
    summary="One case study",
    description="The teaching note is included only for instructors.",
    parameters=[_LANGUAGE],
    responses={200: s.TrainingCaseStudySerializer},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def case_study_detail(request, slug):
    queryset = CaseStudy.objects.visible_to(request.user).select_related("field").prefetch_related("indicator_links")
    case = get_object_or_404(queryset, slug=slug)
    context = {"request": request, "is_instructor": permissions.can_see_teaching_note(request.user)}
    return Response(s.TrainingCaseStudySerializer(case, context=context).data)


@extend_schema(
    tags=["training"],
    summary="Aggregated training needs of one year",
    description="Only aggregates, and none for a year with fewer answers than the minimum group size.",
    parameters=[OpenApiParameter("year", int, description="Default: the latest year with answers."), _LANGUAGE],
    responses={
        200: s.TrainingNeedsResultsSerializer,
        404: OpenApiResponse(MessageSerializer, description="No such survey year."),
    },
)
@api_view(["GET"])
@permission_classes([AllowAny])
def needs_results(request):
    years = needs.survey_years()
    default = years[0][0] if years else needs.survey_year()
    year = request.query_params.get("year", default)
    if not str(year).isdigit() or not 2000 <= int(year) <= 2100:
        raise NotFound(_("No such survey year."))
    results = needs.needs_results(int(year))
    data = s.TrainingNeedsResultsSerializer(results).data
    data["suppressed"] = results.suppressed
    return Response(data)


@extend_schema(
    tags=["training"],
    summary="Search programmes, lessons and case studies",
    parameters=[OpenApiParameter("q", str, required=True)],
    responses={200: s.TrainingSearchHitSerializer(many=True)},
)
@api_view(["GET"])
@permission_classes([AllowAny])
def search_view(request):
    found = search(request.query_params.get("q", ""), user=request.user)
    hits = [{"kind": "programme", "title": p.title, "url": p.url} for p in found.programmes]
    hits += [
        {"kind": "lesson", "title": lesson.title_i18n, "url": request.build_absolute_uri(lesson.get_absolute_url())}
        for lesson in found.lessons
    ]
    hits += [
        {"kind": "case_study", "title": case.title_i18n, "url": request.build_absolute_uri(case.get_absolute_url())}
        for case in found.case_studies
    ]
    return Response(s.TrainingSearchHitSerializer(hits, many=True).data)


# --- the signed-in learner ----------------------------------------------------------------------


@extend_schema(
    tags=["training"], summary="Your progress per module and field", responses={200: s.TrainingProgressSerializer}
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def progress_view(request):
    modules = list(Module.objects.visible_to(request.user).select_related("field"))
    state = progress.progress_of(request.user, modules)
    data = {
        "modules": [{"module": m, "progress": state[m.pk]} for m in modules],
        "fields": [
            {
                "field": f.field.slug,
                "lessons_total": f.lessons_total,
                "lessons_done": f.lessons_done,
                "modules_complete": f.modules_complete,
                "modules_total": f.modules_total,
            }
            for f in progress.progress_by_field(Field.objects.all(), modules, state)
        ],
    }
    return Response(s.TrainingProgressSerializer(data).data)


@extend_schema(
    tags=["training"],
    summary="Mark a lesson complete (PUT) or not (DELETE)",
    request=None,
    responses={200: s.TrainingCompletionSerializer, **_REFUSALS},
)
@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
def lesson_completion(request, slug, lesson_slug):
    lesson = _lesson(request, slug, lesson_slug)
    with domain_errors():
        if request.method == "PUT":
            progress.lesson_complete(user=request.user, lesson=lesson)
        else:
            progress.lesson_uncomplete(user=request.user, lesson=lesson)
    return Response({"lesson": lesson.slug, "completed": request.method == "PUT"})


@extend_schema(
    tags=["training"],
    summary="The module's quiz, without its answers",
    description="The correct answers and the feedback are sent only in the result of an attempt.",
    responses={200: s.TrainingQuizSerializer, 409: MessageSerializer, **_REFUSALS},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def quiz_detail(request, slug):
    module = _module(request, slug)
    questions = quizzes.questions_of(module)
    if not questions:
        raise Conflict(quizzes.QuizUnavailable.__doc__)
    return Response(
        s.TrainingQuizSerializer(
            {"module": module.slug, "passing_percent": module.passing_percent, "questions": questions}
        ).data
    )


@extend_schema(
    tags=["training"],
    summary="Submit a quiz attempt",
    description="Checked on the server; the response gives the score, whether it passed and the feedback per answer.",
    request=s.TrainingQuizAttemptInputSerializer,
    responses={
        201: s.TrainingQuizAttemptSerializer,
        400: OpenApiResponse(description="A question unanswered or a choice of another question."),
        409: MessageSerializer,
        **_REFUSALS,
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def quiz_attempt(request, slug):
    module = _module(request, slug)
    payload = s.TrainingQuizAttemptInputSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    answers = {item["question"]: item["choice"] for item in payload.validated_data["answers"]}
    with domain_errors("answers"):
        result = quizzes.quiz_attempt_submit(user=request.user, module=module, answers=answers)
    data = s.TrainingQuizAttemptSerializer({"attempt": result, "feedback": quizzes.attempt_feedback(result)}).data
    return Response(data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["training"],
    summary="Request the completion record of a module",
    description="Needs every lesson complete and the quiz passed (else 409). The PDF is rendered in the "
    "background: poll the record until `pdf_url` is set.",
    request=None,
    responses={202: s.TrainingRecordSerializer, 409: MessageSerializer, **_REFUSALS},
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def record_request(request, slug):
    module = _module(request, slug)
    with domain_errors():
        record = records.completion_record_request(user=request.user, module=module)
    return Response(
        s.TrainingRecordSerializer(record, context={"request": request}).data, status=status.HTTP_202_ACCEPTED
    )


@extend_schema(
    tags=["training"],
    summary="One of your completion records",
    responses={200: s.TrainingRecordSerializer, **_REFUSALS},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def record_detail(request, public_id):
    record = get_object_or_404(
        CompletionRecord.objects.visible_to(request.user).select_related("module"), public_id=public_id
    )
    return Response(s.TrainingRecordSerializer(record, context={"request": request}).data)


@extend_schema(
    tags=["training"],
    summary="The PDF of one of your completion records",
    responses={
        (200, "application/pdf"): OpenApiTypes.BINARY,
        404: OpenApiResponse(description="Not yours, or not rendered yet."),
    },
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def record_pdf(request, public_id):
    record = get_object_or_404(
        CompletionRecord.objects.visible_to(request.user).select_related("module"), public_id=public_id
    )
    return pdf_response(record)


@extend_schema(
    tags=["training"], summary="Verify a completion record", responses={200: s.TrainingVerificationSerializer}
)
@api_view(["GET"])
@permission_classes([AllowAny])
def record_verify(request, public_id):
    record = get_object_or_404(CompletionRecord, public_id=public_id)
    return Response(s.TrainingVerificationSerializer(record).data)


@extend_schema(
    tags=["training"],
    summary="Answer this year's training-needs survey",
    description="Once a year, for people who belong to a cluster organisation (a second answer is 409).",
    request=s.TrainingNeedsInputSerializer,
    responses={
        201: OpenApiResponse(description="Saved."),
        400: OpenApiResponse(description="Incomplete."),
        409: MessageSerializer,
        **_REFUSALS,
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def needs_response(request):
    payload = s.TrainingNeedsInputSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    by_slug = {field.slug: field.pk for field in Field.objects.all()}
    given = payload.validated_data["needs"]
    unknown = sorted(set(given) - set(by_slug))
    if unknown:
        from rest_framework.exceptions import ValidationError

        raise ValidationError({"needs": [f"Unknown field: {slug}" for slug in unknown]})
    with domain_errors():
        response = needs.needs_response_submit(
            user=request.user,
            needs={by_slug[slug]: level for slug, level in given.items()},
            formats=payload.validated_data["formats"],
            languages=payload.validated_data["languages"],
        )
    return Response({"year": response.year}, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["training"],
    summary="Recommendations for your organisations",
    description="Per organisation with a decided assessment: what helps with its red and yellow indicators.",
    responses={200: s.TrainingOrganisationRecommendationsSerializer(many=True)},
)
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def recommendations(request):
    from accounts.models import Organisation

    found = organisation_recommendations(list(organisation_roles(request.user)))
    slugs = dict(Organisation.objects.filter(pk__in=list(found)).values_list("pk", "slug"))
    data = [
        {"organisation": slugs[org_id], "assessment": weak.assessment_public_id, "recommendations": recs}
        for org_id, (weak, recs) in found.items()
    ]
    return Response(s.TrainingOrganisationRecommendationsSerializer(data, many=True).data)
