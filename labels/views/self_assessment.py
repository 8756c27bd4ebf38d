"""The organisation's self-assessment: the task list (every visitor's home page of an assessment),
one page per area with answers saved as they are typed, the Silver improvement areas, submitting,
resubmitting and withdrawing, the printable view and the score explained."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from clusterexcellence.page_cache import cached_page
from clusterexcellence.registry import panels_for

from .. import answers, permissions, transitions
from ..assessment_report import report_job
from ..assessment_scores import indicators_of, provisional_result, verified_result
from ..choices import Level, Rating
from ..forms import AnswerForm, ImprovementAreasForm, ResubmitForm, SubmitForm
from ..level_rules import level_check
from ..models import Answer, Assessment, AssessmentStatus, Evidence, Indicator, Label
from ..values import format_value
from .access import assessment_for
from .answer_rows import AnswerRow, answer_row, clarification_of, editable_for, score_job

Status = AssessmentStatus
# States in which the assessors' reviews (verified values) exist.
REVIEWED = (Status.IN_REVIEW, Status.CLARIFICATION, Status.RECOMMENDED, *Status.decided())


# --- the task list -----------------------------------------------------------------------------


def _area_status(total: int, answered: int, needs_clarification: bool) -> tuple[str, str]:
    if needs_clarification:
        return "clarification", _("Needs clarification")
    if total and answered == total:
        return "completed", _("Completed")
    if answered:
        return "in_progress", _("In progress")
    return "not_started", _("Not started")


@never_cache
@login_required
@cached_page
def task_list(request, public_id):
    """The assessment's home page: progress per area, eligibility, next steps, job, history, decision."""
    assessment = assessment_for(request, public_id)
    user = request.user
    decided = assessment.status in Status.decided()
    # Once the board has decided, the verified values are the result; before, the declared ones.
    result = verified_result(assessment) if decided else provisional_result(assessment)
    by_code = result.by_code()
    indicators = indicators_of(assessment)
    clarification, named = clarification_of(assessment)
    awarded = Label.objects.filter(assessment=assessment).first() if assessment.status == Status.APPROVED else None
    by_area = defaultdict(list)
    for indicator in indicators:
        by_area[indicator.area_id].append(indicator)
    areas = []
    for area in assessment.framework.areas.order_by("position", "pk"):
        members = by_area[area.pk]
        answered = [by_code[i.code] for i in members if by_code[i.code].value is not None]
        state, label = _area_status(len(members), len(answered), any(i.code in named for i in members))
        tally = {rating.value: sum(1 for r in answered if r.rating == rating) for rating in Rating}
        areas.append(
            {
                "area": area,
                "total": len(members),
                "answered": len(answered),
                "state": state,
                "label": label,
                "tally": tally,
            }
        )
    eligibility = [
        {"indicator": i, "display": format_value(i, by_code[i.code].value), "result": by_code[i.code]}
        for i in indicators
        if i.is_eligibility
    ]
    may_submit = assessment.status == Status.DRAFT and permissions.can_submit(user, assessment)
    decided_or_reviewer = permissions.can_see_review_results(user, assessment)
    history = list(assessment.history.select_related("actor"))
    for event in history:
        # The assessors' recommendations are theirs and the board's until the decision.
        event.shown_note = event.note if event.to_status != Status.RECOMMENDED or decided_or_reviewer else ""
    is_silver = assessment.level == Level.SILVER
    context = {
        "assessment": assessment,
        "colour": assessment.status_choice.colour,
        "result": result,
        "percent": round(100 * result.answered / result.total) if result.total else 0,
        "areas": areas,
        "eligibility": eligibility,
        "clarification": clarification,
        "named": [i for i in indicators if i.code in named],
        "may_submit": may_submit,
        "gaps": transitions.submission_gaps(assessment) if may_submit else [],
        # What the submit card shows before the answers freeze: the same rules the recommendation
        # and the decision are held to, on the organisation's own values (labels/level_rules.py).
        "outlook": level_check(assessment, assessment.level, declared=True, result=result) if may_submit else None,
        "submit_form": SubmitForm(),
        "may_resubmit": assessment.status == Status.CLARIFICATION and permissions.can_submit(user, assessment),
        "resubmit_form": ResubmitForm(),
        "may_withdraw": assessment.status in (Status.DRAFT, Status.SUBMITTED)
        and permissions.can_withdraw(user, assessment),
        "job": score_job(assessment) if assessment.submitted_at else None,
        "history": history,
        "is_silver": is_silver,
        "improvement_areas": list(assessment.improvement_areas.select_related("indicator")) if is_silver else [],
        "improvement_required": int(assessment.level_rules.get("improvement_areas", 0)) if is_silver else 0,
        "can_review": permissions.can_review(user, assessment),
        "can_decide": assessment.status == Status.RECOMMENDED and permissions.can_decide(user, assessment),
        "can_assign": assessment.status == Status.SUBMITTED and permissions.can_assign(user),
        "decided": decided,
        "label": awarded,
        "may_download": awarded is not None and permissions.can_download_certificate(user, awarded),
        "may_report": decided and permissions.can_get_assessment_report(user, assessment),
        "panels": panels_for("labels.assessment", request, assessment),
    }
    if context["may_report"]:
        context["report_job"] = report_job(assessment)
    return render(request, "labels/task_list.html", context)


# --- one area ----------------------------------------------------------------------------------


def _area_context(request, assessment: Assessment, area_code: str, typed: AnswerRow | None = None) -> dict:
    """Everything an area page shows, in a fixed number of queries whatever was answered or uploaded."""
    areas = list(assessment.framework.areas.order_by("position", "pk"))
    index = next((n for n, area in enumerate(areas) if area.code == area_code), None)
    if index is None:
        raise Http404
    area = areas[index]
    indicators = list(area.indicators.order_by("position", "pk"))
    saved = {a.indicator_id: a for a in Answer.objects.filter(assessment=assessment, indicator__area=area)}
    files = defaultdict(list)
    for item in Evidence.objects.filter(assessment=assessment, indicator__area=area):
        files[item.indicator_id].append(item)
    may_edit = editable_for(request.user, assessment)
    clarification, named = clarification_of(assessment)
    rows = []
    for indicator in indicators:
        row = answer_row(
            indicator,
            saved.get(indicator.pk),
            editable=may_edit(indicator.code),
            named=indicator.code in named,
            evidence=files[indicator.pk],
        )
        if typed is not None and typed.code == indicator.code:
            row.text, row.comment, row.error = typed.text, typed.comment, typed.error
        rows.append(row)
    can_edit = permissions.can_edit_answers(request.user, assessment)
    return {
        "assessment": assessment,
        "area": area,
        "previous_area": areas[index - 1] if index > 0 else None,
        "next_area": areas[index + 1] if index + 1 < len(areas) else None,
        "rows": rows,
        "progress": {"answered": sum(1 for r in rows if r.value is not None), "total": len(rows)},
        "clarification": clarification,
        "can_edit": can_edit,
        "any_editable": any(r.editable for r in rows),
        "max_upload_mb": settings.EVIDENCE_MAX_UPLOAD_MB,
    }


@never_cache  # the back button must fetch the saved answers again, not show a stale copy
@login_required
@cached_page
def area_page(request, public_id, area_code):
    assessment = assessment_for(request, public_id)
    return render(request, "labels/area.html", _area_context(request, assessment, area_code))


def _area_url(indicator: Indicator, assessment: Assessment) -> str:
    url = reverse("labels:area", args=[assessment.public_id, indicator.area.code])
    return f"{url}#indicator-{indicator.code}"


def _signed_out(request, public_id):
    """A save after the session ended: say so beside the field, keep what was typed on the page."""
    home = reverse("labels:assessment_detail", args=[public_id])
    if request.htmx:
        login = f"{reverse('account_login')}?next={home}"
        return render(request, "labels/htmx/answer_status.html", {"signed_out": True, "login_url": login}, status=401)
    return redirect_to_login(home)


@require_POST
def answer_save(request, public_id, code):
    """Save one answer: the status fragment for htmx (rating or error), else back to the area page."""
    if not request.user.is_authenticated:
        return _signed_out(request, public_id)
    assessment = assessment_for(request, public_id)
    indicator = get_object_or_404(
        Indicator.objects.select_related("area"), framework_id=assessment.framework_id, code=code
    )
    if not permissions.can_edit_answers(request.user, assessment):
        raise PermissionDenied(_("Only the organisation's owners and editors can change answers."))
    form = AnswerForm(request.POST, indicator=indicator)
    typed = AnswerRow(
        indicator=indicator,
        text=request.POST.get("value", "")[:100],
        comment=request.POST.get("comment", ""),
        editable=True,
    )
    status = 200
    if not form.is_valid():
        typed.error = " ".join(message for errors in form.errors.values() for message in errors)
    else:
        try:
            answer = answers.answer_save(
                assessment=assessment,
                indicator=indicator,
                value=form.cleaned_data["value"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            typed.error = " ".join(error.messages)
        except transitions.TransitionNotAllowed as refusal:
            if not request.htmx:
                messages.error(request, str(refusal))
                return redirect(_area_url(indicator, assessment))
            typed.error, status = str(refusal), 409
        else:
            if not request.htmx:
                messages.success(request, _("Your answer to %(code)s was saved.") % {"code": indicator.code})
                return redirect(_area_url(indicator, assessment))
            row = answer_row(indicator, answer, editable=True)
            row.saved = True
            return render(
                request,
                "labels/htmx/answer_status.html",
                {"row": row, "progress": _progress(assessment, indicator), "oob": True},
            )
    if request.htmx:
        # 200 so that htmx swaps the message in beside the field; the field itself keeps what was typed.
        return render(request, "labels/htmx/answer_status.html", {"row": typed}, status=status)
    context = _area_context(request, assessment, indicator.area.code, typed=typed)
    return render(request, "labels/area.html", context)


def _progress(assessment: Assessment, indicator: Indicator) -> dict:
    answered = Answer.objects.filter(
        assessment=assessment, indicator__area_id=indicator.area_id, value__isnull=False
    ).count()
    return {"answered": answered, "total": Indicator.objects.filter(area_id=indicator.area_id).count()}


# --- Silver improvement areas ------------------------------------------------------------------


@login_required
def improvement_areas(request, public_id):
    """A Silver draft records its improvement areas; afterwards the page shows the assessor's verdicts."""
    assessment = assessment_for(request, public_id)
    if assessment.level != Level.SILVER:
        raise Http404
    stored = list(assessment.improvement_areas.select_related("indicator"))
    can_edit = permissions.can_edit_answers(request.user, assessment)
    editable = can_edit and assessment.status == Status.DRAFT
    count = int(assessment.level_rules.get("improvement_areas", 3))
    options = {"indicators": indicators_of(assessment), "count": count}
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("Only the organisation's owners and editors can change the application."))
        form = ImprovementAreasForm(request.POST, **options)
        if form.is_valid():
            try:
                answers.improvement_areas_set(assessment=assessment, items=form.cleaned_data["items"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            except transitions.TransitionNotAllowed as refusal:
                messages.error(request, str(refusal))
                return redirect("labels:improvement_areas", public_id=assessment.public_id)
            else:
                messages.success(request, _("The improvement areas were saved."))
                return redirect("labels:improvement_areas", public_id=assessment.public_id)
    else:
        form = ImprovementAreasForm(initial=ImprovementAreasForm.initial_for(stored), **options)
    return render(
        request,
        "labels/improvement_areas.html",
        {"assessment": assessment, "form": form, "stored": stored, "editable": editable, "count": count},
    )


# --- transitions -------------------------------------------------------------------------------


def _refused(request, assessment: Assessment, refusal, *, done_state: str, done_message: str):
    """A refused transition: a friendly note when it had already happened (a double click), else why."""
    if request.htmx:
        return HttpResponse(str(refusal), status=409)
    assessment.refresh_from_db(fields=["status"])
    if assessment.status == done_state:
        messages.info(request, done_message)
    else:
        messages.error(request, str(refusal))
    return redirect(assessment)


@require_POST
@login_required
def submit(request, public_id):
    assessment = assessment_for(request, public_id)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        if not permissions.can_submit(request.user, assessment):
            raise PermissionDenied(_("Only the organisation's owners and editors can submit."))
        if request.htmx:
            return HttpResponse(form.errors["confirm"][0], status=400)
        messages.error(request, form.errors["confirm"][0])
        return redirect(f"{assessment.get_absolute_url()}#submit-heading")
    try:
        transitions.assessment_submit(assessment=assessment, by=request.user)
    except transitions.TransitionNotAllowed as refusal:
        return _refused(
            request,
            assessment,
            refusal,
            done_state=Status.SUBMITTED,
            done_message=_("The self-assessment was already submitted; nothing changed."),
        )
    messages.success(request, _("Submitted. Your answers are frozen while the provisional score is computed."))
    return redirect(assessment)


@require_POST
@login_required
def resubmit(request, public_id):
    assessment = assessment_for(request, public_id)
    form = ResubmitForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        transitions.clarification_answer(assessment=assessment, by=request.user, note=note)
    except transitions.TransitionNotAllowed as refusal:
        return _refused(
            request,
            assessment,
            refusal,
            done_state=Status.IN_REVIEW,
            done_message=_("The clarification was already sent back to the assessors; nothing changed."),
        )
    messages.success(request, _("Sent back to the assessors with your changes."))
    return redirect(assessment)


@require_POST
@login_required
def withdraw(request, public_id):
    assessment = assessment_for(request, public_id)
    try:
        transitions.assessment_withdraw(assessment=assessment, by=request.user)
    except transitions.TransitionNotAllowed as refusal:
        return _refused(
            request,
            assessment,
            refusal,
            done_state=Status.WITHDRAWN,
            done_message=_("The application was already withdrawn; nothing changed."),
        )
    messages.success(request, _("The application was withdrawn."))
    return redirect(assessment)


# --- reading: print, score, job ----------------------------------------------------------------


@login_required
@cached_page
def printable(request, public_id):
    """The whole self-assessment on one page, for printing or saving as PDF from the browser."""
    assessment = assessment_for(request, public_id)
    result = provisional_result(assessment)
    by_code = result.by_code()
    saved = {a.indicator_id: a for a in assessment.answers.all()}
    files = defaultdict(list)
    for item in assessment.evidence.all():
        files[item.indicator_id].append(item)
    by_area = defaultdict(list)
    for indicator in indicators_of(assessment):
        answer = saved.get(indicator.pk)
        value = by_code[indicator.code].value
        by_area[indicator.area_id].append(
            {
                "indicator": indicator,
                "display": format_value(indicator, value),
                "comment": answer.comment if answer else "",
                "rating": None if value is None else by_code[indicator.code].rating,
                "evidence": files[indicator.pk],
            }
        )
    sections = [
        {"area": area, "rows": by_area[area.pk]} for area in assessment.framework.areas.order_by("position", "pk")
    ]
    return render(
        request,
        "labels/print.html",
        {
            "assessment": assessment,
            "result": result,
            "sections": sections,
            "improvement_areas": list(assessment.improvement_areas.select_related("indicator")),
            "printed_at": timezone.now(),
        },
    )


@login_required
@cached_page
def score_explanation(request, public_id):
    """Every rating and the score explained from the declared values and, once visible, the verified ones."""
    assessment = assessment_for(request, public_id)
    user = request.user
    provisional = provisional_result(assessment)
    show_verified = assessment.status in REVIEWED and permissions.can_see_review_results(user, assessment)
    verified = verified_result(assessment) if show_verified else None
    # The same rules the recommendation and the decision are held to (labels/level_rules.py).
    provisional_outcome = level_check(assessment, assessment.level, declared=True, result=provisional)
    verified_outcome = level_check(assessment, assessment.level, result=verified) if verified else None
    verified_by_code = verified.by_code() if verified else {}
    rows = []
    for indicator, declared in zip(indicators_of(assessment), provisional.results, strict=True):
        checked = verified_by_code.get(indicator.code)
        rows.append(
            {
                "indicator": indicator,
                "declared": declared,
                "declared_display": format_value(indicator, declared.value),
                "verified": checked,
                "verified_display": format_value(indicator, checked.value) if checked else "",
            }
        )
    return render(
        request,
        "labels/score.html",
        {
            "assessment": assessment,
            "rows": rows,
            "provisional": provisional,
            "provisional_outcome": provisional_outcome,
            "verified": verified,
            "verified_outcome": verified_outcome,
            "min_score": assessment.level_rules.get("min_score_percent"),
            "panels": panels_for("labels.assessment", request, assessment),
        },
    )
