"""The assessors' pages: their workspace, the review of each indicator, clarification requests,
the interview date, Silver improvement areas and the recommendation. Board and staff read along."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterexcellence.page_cache import cached_page

from .. import reviews, transitions
from ..assessment_scores import indicators_of, verified_result
from ..choices import Level, Rating
from ..level_rules import level_check
from ..models import (
    Answer,
    AnswerRevision,
    Assessment,
    AssessmentStatus,
    AssessorAssignment,
    Evidence,
    Indicator,
    Review,
)
from ..permissions import can_decide, can_review, can_see_recommendation, can_see_review
from ..review_forms import ClarifyForm, ImprovementValidateForm, InterviewForm, RecommendForm, ReviewForm
from ..scoring import IndicatorResult, score
from ..values import format_value
from ..verification import area_confirmed_message, verification_progress, verification_refusal
from .access import assessment_for

Status = AssessmentStatus


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def _require_reviewer(user, assessment: Assessment) -> None:
    _require(can_review(user, assessment), _("Only the assessors assigned to this assessment can do this."))


@login_required
@cached_page
def workspace(request):
    """The signed-in assessor's own assignments, open ones first."""
    _require(request.user.is_assessor, _("The workspace is for certified assessors."))
    assignments = list(
        AssessorAssignment.objects.filter(assessor=request.user)
        .select_related("assessment__organisation", "assessment__framework")
        .order_by("-assigned_at")
    )
    for assignment in assignments:
        assignment.needs_recommendation = (
            assignment.assessment.status == Status.IN_REVIEW and not assignment.recommended_level
        )
    open_states = Status.open()
    return render(
        request,
        "labels/assessor_workspace.html",
        {
            "open_assignments": [a for a in assignments if a.assessment.status in open_states],
            "closed_assignments": [a for a in assignments if a.assessment.status not in open_states],
        },
    )


@dataclass
class ReviewRow:
    """What the review page shows for one indicator."""

    indicator: Indicator
    result: IndicatorResult
    answer: Answer | None
    review: Review | None
    form: ReviewForm | None
    evidence: list = field(default_factory=list)
    revisions: list = field(default_factory=list)
    saved: bool = False

    @property
    def declared(self) -> str:
        return format_value(self.indicator, self.answer.value if self.answer else None)

    @property
    def verified(self) -> str:
        return format_value(self.indicator, self.review.verified_value if self.review else None)

    @property
    def changed(self) -> bool:
        """Whether the verified value differs from the declared one."""
        declared = self.answer.value if self.answer else None
        return self.review is not None and self.review.verified_value != declared


def _review_rows(assessment: Assessment, indicators: list, *, editable: bool, bound: dict | None = None):
    """Rows for the indicators with a fixed number of queries, and the score of those indicators."""
    by_pk = {indicator.pk: indicator for indicator in indicators}
    ids = list(by_pk)
    answers = {a.indicator_id: a for a in Answer.objects.filter(assessment=assessment, indicator_id__in=ids)}
    review_by = {r.indicator_id: r for r in Review.objects.filter(assessment=assessment, indicator_id__in=ids)}
    evidence = defaultdict(list)
    for item in Evidence.objects.filter(assessment=assessment, indicator_id__in=ids):
        evidence[item.indicator_id].append(item)
    revisions = defaultdict(list)
    for revision in AnswerRevision.objects.filter(
        answer__assessment=assessment, answer__indicator_id__in=ids
    ).select_related("answer", "changed_by"):
        indicator = by_pk[revision.answer.indicator_id]
        revision.old_display = format_value(indicator, revision.old_value)
        revision.new_display = format_value(indicator, revision.new_value)
        revisions[indicator.pk].append(revision)
    values = {i.code: review_by[i.pk].verified_value if i.pk in review_by else None for i in indicators}
    result = score(indicators, values)
    results = result.by_code()
    bound = bound or {}
    rows = []
    for indicator in indicators:
        review = review_by.get(indicator.pk)
        form = bound.get(indicator.pk) or (ReviewForm(indicator=indicator, review=review) if editable else None)
        rows.append(
            ReviewRow(
                indicator=indicator,
                result=results[indicator.code],
                answer=answers.get(indicator.pk),
                review=review,
                form=form,
                evidence=evidence[indicator.pk],
                revisions=revisions[indicator.pk],
            )
        )
    return rows, result


def _can_edit(user, assessment: Assessment) -> bool:
    return can_review(user, assessment) and assessment.status == Status.IN_REVIEW


def _summary_context(assessment: Assessment, result) -> dict:
    return {
        "assessment": assessment,
        "result": result,
        "counts": result.counts(),
        "verification": verification_progress(assessment),
    }


def _area_tabs(assessment: Assessment, verification, current=None) -> list[dict]:
    """One link per area with its verification progress ("n of m verified"), for the tabs."""
    return [
        {
            "area": entry.area,
            "progress": entry,
            "url": reverse("labels:review_area", args=[assessment.public_id, entry.area.code]),
            "current": current is not None and entry.area.pk == current.pk,
        }
        for entry in verification.areas
    ]


def _base_context(request, assessment: Assessment, result) -> dict:
    """What the overview and every area page share: the header, the summary and the area tabs."""
    summary = _summary_context(assessment, result)
    return {
        **summary,
        "editable": _can_edit(request.user, assessment),
        "is_reviewer": can_review(request.user, assessment),
        "can_decide_now": assessment.status == Status.RECOMMENDED and can_decide(request.user, assessment),
        "assignments": list(assessment.assignments.all()),
    }


def _render_review(request, assessment: Assessment, *, interview_form=None, area_forms=None, status=200):
    """The overview: summary, clarification, interview, improvement areas, the areas with their
    progress (each links to its own page) and the history."""
    context = _base_context(request, assessment, verified_result(assessment))
    improvement_areas = list(assessment.improvement_areas.select_related("indicator", "validated_by"))
    area_forms = area_forms or {}
    for area in improvement_areas:
        area.form = area_forms.get(area.pk) or ImprovementValidateForm(
            prefix=f"area-{area.pk}",
            initial={
                "validated": {True: "yes", False: "no"}.get(area.validated),
                "comment": area.assessor_comment,
            },
        )
    context.update(
        {
            "tabs": _area_tabs(assessment, context["verification"]),
            "clarification": transitions.open_clarification(assessment)
            if assessment.status == Status.CLARIFICATION
            else None,
            "improvement_areas": improvement_areas,
            "interview_form": interview_form or InterviewForm(initial={"interview_date": assessment.interview_date}),
            "history": list(assessment.history.select_related("actor")),
        }
    )
    return render(request, "labels/review.html", context, status=status)


def _render_area(request, assessment: Assessment, area_code: str, *, bound=None, status=200):
    """One area's indicators, each with its own form, and the area's "confirm remaining" action."""
    indicators = indicators_of(assessment)
    members = [indicator for indicator in indicators if indicator.area.code == area_code]
    if not members:
        raise Http404
    area = members[0].area
    context = _base_context(request, assessment, verified_result(assessment))
    rows, _result = _review_rows(assessment, members, editable=context["editable"], bound=bound)
    tabs = _area_tabs(assessment, context["verification"], current=area)
    index = next(n for n, tab in enumerate(tabs) if tab["current"])
    context.update(
        {
            "area": area,
            "rows": rows,
            "tabs": tabs,
            "progress": tabs[index]["progress"],
            "previous_tab": tabs[index - 1] if index > 0 else None,
            "next_tab": tabs[index + 1] if index + 1 < len(tabs) else None,
        }
    )
    return render(request, "labels/review_area.html", context, status=status)


def _refused(request, assessment: Assessment, error: Exception) -> HttpResponse:
    """The assessment's state forbids the action: say so, with a 409, on the review page."""
    messages.error(request, str(error))
    if request.htmx:
        # htmx does not swap error responses, so it reloads the page, which shows the message.
        return HttpResponse(status=409, headers={"HX-Redirect": reverse("labels:review", args=[assessment.public_id])})
    return _render_review(request, assessment, status=409)


def _back_to_review(assessment: Assessment, anchor: str = "", *, area_code: str = "") -> HttpResponse:
    if area_code:
        url = reverse("labels:review_area", args=[assessment.public_id, area_code])
    else:
        url = reverse("labels:review", args=[assessment.public_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _review_for(request, public_id) -> Assessment:
    assessment = assessment_for(request, public_id)
    _require(can_see_review(request.user, assessment), _("Only assessors, the label board and staff see the review."))
    return assessment


@login_required
@cached_page
def review_page(request, public_id):
    """The review's overview; each area's indicators are on their own page (review_area)."""
    return _render_review(request, _review_for(request, public_id))


@login_required
@cached_page
def review_area(request, public_id, area_code):
    """One area's indicators with their declared and verified values; assessors edit, board and staff read."""
    return _render_area(request, _review_for(request, public_id), area_code)


@require_POST
@login_required
def review_save(request, public_id, code):
    """Save one indicator's verified value; htmx gets the row back, and the summary out of band."""
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    indicator = get_object_or_404(assessment.framework.indicators.select_related("area"), code=code)
    form = ReviewForm(request.POST, indicator=indicator)
    saved = False
    if form.is_valid():
        try:
            reviews.review_save(
                assessment=assessment,
                indicator=indicator,
                verified_value=form.cleaned_data["verified_value"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except transitions.TransitionNotAllowed as error:
            return _refused(request, assessment, error)
        except ValidationError as error:
            form.add_error("verified_value", error)
        else:
            saved = True
    if not request.htmx:
        if saved:
            messages.success(request, _("Indicator %(code)s saved.") % {"code": indicator.code})
            return _back_to_review(assessment, f"indicator-{indicator.code}", area_code=indicator.area.code)
        return _render_area(request, assessment, indicator.area.code, bound={indicator.pk: form}, status=400)
    # Validation errors come back with a 200: htmx swaps only successful responses.
    rows, _result = _review_rows(assessment, [indicator], editable=True, bound=None if saved else {indicator.pk: form})
    row = rows[0]
    row.saved = saved
    html = render_to_string(
        "labels/htmx/review_row.html", {"row": row, "assessment": assessment, "editable": True}, request
    )
    if saved:
        summary = _summary_context(assessment, verified_result(assessment))
        html += render_to_string("labels/htmx/review_summary.html", {**summary, "oob": True}, request)
        # The area tabs and the area's own progress change with each first verification.
        tabs = _area_tabs(assessment, summary["verification"], current=indicator.area)
        progress = next(tab["progress"] for tab in tabs if tab["current"])
        html += render_to_string(
            "labels/htmx/review_area_progress.html",
            {
                "assessment": assessment,
                "tabs": tabs,
                "area": indicator.area,
                "progress": progress,
                "editable": True,
                "oob": True,
            },
            request,
        )
    response = HttpResponse(html)
    if saved:
        response["HX-Trigger"] = "score-changed"
    return response


@require_POST
@login_required
def confirm_area(request, public_id, area_code):
    """Verify the area's remaining indicators with their declared values, in one action."""
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    area = get_object_or_404(assessment.framework.areas, code=area_code)
    try:
        count = reviews.review_confirm_declared(assessment=assessment, area=area, by=request.user)
    except transitions.TransitionNotAllowed as error:
        return _refused(request, assessment, error)
    messages.success(request, area_confirmed_message(area, count))
    return _back_to_review(assessment, f"area-{area.code}", area_code=area.code)


def _indicator_groups(form: ClarifyForm, chosen: set[str]) -> list:
    groups = []
    for indicator in form.fields["indicators"].queryset:
        if not groups or groups[-1][0] != indicator.area:
            groups.append((indicator.area, []))
        groups[-1][1].append((indicator, indicator.code in chosen))
    return groups


@login_required
def clarify(request, public_id):
    """Ask the organisation to clarify named indicators; the assessment goes back to it."""
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    form = ClarifyForm(request.POST if request.method == "POST" else None, assessment=assessment)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                transitions.clarification_request(
                    assessment=assessment,
                    indicators=list(form.cleaned_data["indicators"]),
                    message=form.cleaned_data["message"],
                    by=request.user,
                )
            except transitions.TransitionNotAllowed as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Clarification requested; %(organisation)s was told by e-mail.")
                    % {"organisation": assessment.organisation},
                )
                return _back_to_review(assessment)
        chosen = set(request.POST.getlist("indicators"))
    else:
        # A link from an indicator row preselects it: ?indicator=G3
        chosen = set(request.GET.getlist("indicator"))
    return render(
        request,
        "labels/clarify.html",
        {
            "assessment": assessment,
            "form": form,
            "groups": _indicator_groups(form, chosen),
            "can_request": assessment.status == Status.IN_REVIEW,
        },
        status=status,
    )


@require_POST
@login_required
def interview(request, public_id):
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    form = InterviewForm(request.POST)
    if form.is_valid():
        try:
            transitions.interview_record(assessment=assessment, on=form.cleaned_data["interview_date"], by=request.user)
        except transitions.TransitionNotAllowed as error:
            return _refused(request, assessment, error)
        except ValidationError as error:
            form.add_error("interview_date", error)
        else:
            messages.success(request, _("Interview or visit date recorded."))
            return _back_to_review(assessment, "interview")
    return _render_review(request, assessment, interview_form=form, status=400)


@require_POST
@login_required
def improvement_validate(request, public_id, pk):
    """Validate or reject one Silver improvement area, with a comment."""
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    area = get_object_or_404(assessment.improvement_areas, pk=pk)
    form = ImprovementValidateForm(request.POST, prefix=f"area-{area.pk}")
    if form.is_valid():
        try:
            reviews.improvement_validate(
                area=area,
                validated=form.cleaned_data["validated"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except transitions.TransitionNotAllowed as error:
            return _refused(request, assessment, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Improvement area saved."))
            return _back_to_review(assessment, "improvement-areas")
    return _render_review(request, assessment, area_forms={area.pk: form}, status=400)


def level_guidance(assessment: Assessment, level: str | None = None) -> dict:
    """The verified score, the verification and what stands between them and a level (the applied
    one by default), as level_rules.level_check and the transitions see them."""
    level = level or assessment.level
    result = verified_result(assessment)
    verification = verification_progress(assessment)
    outcome = level_check(assessment, level, result=result, verification=verification)
    indicators = {indicator.code: indicator for indicator in indicators_of(assessment)}
    not_green = [(indicators[r.code], r) for r in result.results if r.rating != Rating.GREEN]
    return {
        "result": result,
        "counts": result.counts(),
        "outcome": outcome,
        "verification": verification,
        "verification_refusal": verification_refusal(verification),
        "not_green": not_green,
        "min_score": assessment.framework.level_rules(Level.GOLD).get("min_score_percent"),
    }


@login_required
def recommend(request, public_id):
    """One assessor's recommendation and summary; for Gold the other's view stays hidden until both
    have recommended, so the two assessments stay independent."""
    assessment = assessment_for(request, public_id)
    _require_reviewer(request.user, assessment)
    assignments = list(assessment.assignments.all())
    mine = next(a for a in assignments if a.assessor_id == request.user.pk)
    others = [a for a in assignments if a.pk != mine.pk]
    initial = {"level": mine.recommended_level or assessment.level, "summary": mine.recommendation_summary}
    form = RecommendForm(request.POST if request.method == "POST" else None, assessment=assessment, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                updated = transitions.assessment_recommend(
                    assessment=assessment,
                    level=form.cleaned_data["level"],
                    summary=form.cleaned_data["summary"],
                    by=request.user,
                )
            except transitions.TransitionNotAllowed as error:
                form.add_error(None, str(error))
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if updated.status == Status.RECOMMENDED:
                    messages.success(request, _("Recommendation recorded and sent to the label board."))
                else:
                    messages.success(
                        request, _("Recommendation recorded; the board sees it once every assessor has recommended.")
                    )
                return redirect("labels:assessor_workspace")
    for other in others:
        # Until every assessor has spoken, the views stay secret from each other.
        other.visible = can_see_recommendation(request.user, assessment, other)
    return render(
        request,
        "labels/recommend.html",
        {
            "assessment": assessment,
            "form": form,
            "mine": mine,
            "others": others,
            "can_recommend": assessment.status == Status.IN_REVIEW,
            **level_guidance(assessment),
        },
        status=status,
    )
