"""The benchmarking API: the same scope, predicates, rules and figures as the pages.

A benchmark is loaded within the organisations the caller may benchmark (404 outside: members,
assigned assessors, staff); practice notes within `visible_to(user)`; each action asks its
predicate (403) and calls the domain function inside `domain_errors()` (409 / 400)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.models import Organisation
from clusterexcellence.api import MessageSerializer, domain_errors, page_of, paginate

from .. import permissions, practice_notes
from ..benchmarks import BASIS_DECIDED, BASIS_DRAFT, benchmark_build, criteria_from
from ..choices import Basis, NoteStatus
from ..models import BenchmarkReport, PracticeNote
from ..population import population
from ..reports import report_job, report_request
from ..scheme import indicator_distributions, label_counts, public_figures
from . import serializers as s

CRITERIA = ("sector", "country", "size", "age", "level")
CRITERIA_PARAMETERS = [
    OpenApiParameter(
        name,
        str,
        description=f"Add the organisation's own {name} to the peer group (its own value, e.g. from "
        "peer_group.criteria of a response without filters; any other value is a 400).",
    )
    for name in CRITERIA
] + [OpenApiParameter("basis", str, enum=Basis.values, description="'draft': the open application's declared values.")]
ERRORS = {
    400: OpenApiResponse(description="A criterion value that is not the organisation's own."),
    403: OpenApiResponse(MessageSerializer, description="Not signed in."),
    404: OpenApiResponse(description="No such organisation, or not one whose benchmark you may see."),
}


def _organisation(request, slug) -> Organisation:
    return get_object_or_404(permissions.benchmarkable_organisations(request.user), slug=slug)


def _group(organisation, data, pop=None):
    try:
        return criteria_from(organisation, {name: data.get(name, "") for name in CRITERIA}, pop or population())
    except DjangoValidationError as error:
        raise ValidationError(error.message_dict) from error


def benchmark_data(result) -> dict:
    decided = result.decided if result.basis == BASIS_DECIDED else None
    assessment = None
    if decided is not None:
        assessment = {
            "public_id": decided.public_id,
            "level": decided.level,
            "status": "approved" if decided.approved else "rejected",
            "decided_on": decided.decided_at,
        }
    elif result.draft is not None:
        assessment = {
            "public_id": result.draft.public_id,
            "level": result.draft.level,
            "status": result.draft.status,
            "decided_on": None,
        }
    return {
        "organisation": result.organisation.slug,
        "basis": result.basis,
        "provisional": result.basis == BASIS_DRAFT,
        "assessment": assessment,
        "peer_group": {
            "criteria": {c.name: c.value for c in result.criteria if c.chosen},
            "description": result.description,
            "n": result.n,
            "suppressed": result.suppressed or None,
            "threshold": result.threshold,
        },
        "figures_as_of": result.as_of,
        "indicators": [
            {
                "key": row.indicator.key,
                "code": row.indicator.code,
                "title": row.indicator.title,
                "area": row.indicator.area_code,
                "value": float(row.value) if row.value is not None else None,
                "rating": row.rating,
                "n": row.figures.n,
                "q1": row.figures.q1,
                "median": row.figures.median,
                "q3": row.figures.q3,
                "percentile": row.figures.percentile,
                "suppressed": row.figures.suppressed or None,
            }
            for row in result.rows
        ],
    }


@extend_schema(
    summary="An organisation's position among its peers",
    description="Per indicator: the organisation's value and rating, and the peer group's n, quartiles and its "
    "percentile rank. Groups and single indicators with fewer than PEER_GROUP_MIN_SIZE peers, or that differ "
    "from a broader group by fewer than that many, are suppressed (figures null, with the reason). For the "
    "organisation's members, its assigned assessors and staff.",
    parameters=CRITERIA_PARAMETERS,
    responses={200: s.BenchmarkSerializer, **ERRORS},
    tags=["benchmarking"],
)
@api_view(["GET"])
def benchmark_detail(request, slug):
    organisation = _organisation(request, slug)
    peers = population()
    group = _group(organisation, request.query_params, peers)
    basis = BASIS_DRAFT if request.query_params.get("basis") == BASIS_DRAFT else BASIS_DECIDED
    result = benchmark_build(organisation=organisation, group=group, basis=basis, pop=peers)
    return Response(s.BenchmarkSerializer(benchmark_data(result)).data)


def _report_data(request, report) -> dict:
    job = report_job(report)
    download = None
    if report.file:
        download = request.build_absolute_uri(reverse("api-benchmark-report-pdf", args=[report.public_id]))
    return {
        "public_id": report.public_id,
        "status": job.status if job else ("done" if report.file else "pending"),
        "progress": job.progress if job else 0,
        "download": download,
    }


@extend_schema(
    summary="Request a benchmarking report PDF",
    description="Renders in the background; poll the report until `download` is set.",
    request=s.ReportRequestSerializer,
    responses={202: s.ReportSerializer, **ERRORS},
    tags=["benchmarking"],
)
@api_view(["POST"])
def report_post(request, slug):
    organisation = _organisation(request, slug)
    data = s.ReportRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    group = _group(organisation, data.validated_data)
    report, _job = report_request(
        organisation=organisation, group=group, basis=data.validated_data["basis"], by=request.user
    )
    return Response(s.ReportSerializer(_report_data(request, report)).data, status=status.HTTP_202_ACCEPTED)


def _report(request, public_id) -> BenchmarkReport:
    report = get_object_or_404(BenchmarkReport.objects.select_related("organisation"), public_id=public_id)
    if not permissions.can_view_benchmark(request.user, report.organisation):
        raise NotFound()
    return report


@extend_schema(summary="A benchmarking report's progress", responses={200: s.ReportSerializer}, tags=["benchmarking"])
@api_view(["GET"])
def report_detail(request, public_id):
    return Response(s.ReportSerializer(_report_data(request, _report(request, public_id))).data)


@extend_schema(
    summary="Download a benchmarking report PDF",
    responses={(200, "application/pdf"): OpenApiTypes.BINARY, 404: OpenApiResponse(description="Not ready.")},
    tags=["benchmarking"],
)
@api_view(["GET"])
def report_pdf(request, public_id):
    report = _report(request, public_id)
    if not report.file:
        raise NotFound(_("The report is not ready yet."))
    return FileResponse(
        report.file.open("rb"), as_attachment=True, filename=f"benchmark-{report.organisation.slug}.pdf"
    )


# Practice notes ----------------------------------------------------------------------------------


def _note(request, public_id) -> PracticeNote:
    return get_object_or_404(PracticeNote.objects.visible_to(request.user).select_related("organisation"),
                             public_id=public_id)  # fmt: skip


@extend_schema(
    methods=["GET"],
    summary="Published practice notes (signed-in users)",
    parameters=[OpenApiParameter("indicator", str, description="Only notes on this indicator key.")],
    responses={200: page_of(s.PracticeNoteSerializer)},
    tags=["practice notes"],
)
@extend_schema(
    methods=["POST"],
    summary="Write a practice note (owners and editors of an organisation rated green on the indicator)",
    request=s.PracticeNoteCreateSerializer,
    responses={
        201: s.PracticeNoteSerializer,
        403: OpenApiResponse(MessageSerializer),
        404: OpenApiResponse(description="Not an organisation you belong to."),
        409: OpenApiResponse(MessageSerializer, description="Not rated green, or a note exists already."),
    },
    tags=["practice notes"],
)
@api_view(["GET", "POST"])
def notes(request):
    if request.method == "POST":
        data = s.PracticeNoteCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=values["organisation"])
        if not permissions.can_write_note(request.user, organisation):
            raise PermissionDenied(_("Only the organisation's owners and editors can write practice notes."))
        with domain_errors():
            note = practice_notes.practice_note_create(
                organisation=organisation,
                indicator_key=values["indicator"],
                title=values["title"],
                body=values["body"],
                attributed=values["attributed"],
                by=request.user,
            )
        return Response(s.PracticeNoteSerializer(note).data, status=status.HTTP_201_CREATED)
    queryset = PracticeNote.objects.published().select_related("organisation")
    if request.query_params.get("indicator"):
        queryset = queryset.filter(indicator_key=request.query_params["indicator"])
    return paginate(request, queryset, s.PracticeNoteSerializer)


@extend_schema(summary="One practice note", responses={200: s.PracticeNoteSerializer}, tags=["practice notes"])
@api_view(["GET"])
def note_detail(request, public_id):
    return Response(s.PracticeNoteSerializer(_note(request, public_id)).data)


@extend_schema(
    summary="Withdraw a practice note (owners and editors of its organisation)",
    request=None,
    responses={200: s.PracticeNoteSerializer, 403: OpenApiResponse(MessageSerializer), 409: MessageSerializer},
    tags=["practice notes"],
)
@api_view(["POST"])
def note_withdraw(request, public_id):
    note = _note(request, public_id)
    with domain_errors():
        note = practice_notes.practice_note_withdraw(note=note, by=request.user)
    return Response(s.PracticeNoteSerializer(note).data)


def _staff(request):
    if not permissions.can_moderate_notes(request.user):
        raise PermissionDenied(_("Only the secretariat moderates practice notes."))


@extend_schema(
    summary="Notes waiting for moderation (staff)",
    responses={200: s.PracticeNoteSerializer(many=True), 403: OpenApiResponse(MessageSerializer)},
    tags=["practice notes"],
)
@api_view(["GET"])
def moderation(request):
    _staff(request)
    waiting = PracticeNote.objects.filter(status=NoteStatus.PENDING).select_related("organisation")
    return Response(s.PracticeNoteSerializer(waiting.order_by("created_at"), many=True).data)


@extend_schema(
    summary="Publish a waiting note (staff)",
    request=None,
    responses={200: s.PracticeNoteSerializer, 403: OpenApiResponse(MessageSerializer), 409: MessageSerializer},
    tags=["practice notes"],
)
@api_view(["POST"])
def note_publish(request, public_id):
    _staff(request)
    note = _note(request, public_id)
    with domain_errors():
        note = practice_notes.practice_note_publish(note=note, by=request.user)
    return Response(s.PracticeNoteSerializer(note).data)


@extend_schema(
    summary="Decline a waiting note, with a reason (staff)",
    request=s.RejectSerializer,
    responses={200: s.PracticeNoteSerializer, 403: OpenApiResponse(MessageSerializer), 409: MessageSerializer},
    tags=["practice notes"],
)
@api_view(["POST"])
def note_reject(request, public_id):
    _staff(request)
    note = _note(request, public_id)
    data = s.RejectSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    with domain_errors("reason"):
        note = practice_notes.practice_note_reject(note=note, reason=data.validated_data["reason"], by=request.user)
    return Response(s.PracticeNoteSerializer(note).data)


# Scheme figures ----------------------------------------------------------------------------------


@extend_schema(
    summary="Public figures of the scheme",
    description="Counts only; a level with fewer labels than the threshold has a null count, and countries with "
    "few labels are grouped together.",
    responses={200: s.SchemeFiguresSerializer},
    tags=["benchmarking"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def scheme_figures(request):
    figures = public_figures()
    return Response(
        s.SchemeFiguresSerializer(
            {
                "organisations": figures.organisations,
                "benchmarked": figures.benchmarked,
                "labels": figures.labels,
                "labels_by_level": [{"key": k, "label": label, "count": n} for k, label, n in figures.by_level],
                "labels_by_country": [{"key": name, "label": name, "count": n} for name, n in figures.by_country],
                "threshold": figures.threshold,
            }
        ).data
    )


@extend_schema(
    summary="Scheme statistics (staff)",
    description="The distribution of every indicator across all organisations' latest decided assessments, and "
    "valid labels by level, country and sector.",
    responses={200: s.SchemeStatisticsSerializer, 403: OpenApiResponse(MessageSerializer)},
    tags=["benchmarking"],
)
@api_view(["GET"])
def scheme_statistics(request):
    if not permissions.can_see_statistics(request.user):
        raise PermissionDenied(_("The scheme statistics are for the secretariat."))
    labels = label_counts()
    return Response(
        s.SchemeStatisticsSerializer(
            {
                "indicators": [
                    {
                        "key": d.indicator.key,
                        "code": d.indicator.code,
                        "n": d.n,
                        "min": d.minimum,
                        "q1": d.q1,
                        "median": d.median,
                        "q3": d.q3,
                        "max": d.maximum,
                        "green": d.green,
                        "yellow": d.yellow,
                        "red": d.red,
                    }
                    for d in indicator_distributions()
                ],
                "labels_by_level": [{"key": k, "label": label, "count": n} for k, label, n in labels.by_level],
                "labels_by_country": [{"key": k, "label": name, "count": n} for k, name, n in labels.by_country],
                "labels_by_sector": [{"key": k, "label": name, "count": n} for k, name, n in labels.by_sector],
            }
        ).data
    )
