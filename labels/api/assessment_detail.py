"""The assessment detail as the caller may see it, gathered in a fixed number of queries.

The assessors' side (verified values, their comments, recommendations, the note of the move to
the board, the validation of improvement areas) is for the assessors, the board and staff, and
for the organisation only once the board has decided."""

from collections import defaultdict

from .. import permissions
from ..answers import editable_codes
from ..assessment_scores import indicators_of
from ..choices import Level
from ..level_rules import level_check
from ..models import Assessment, AssessmentStatus, Label
from ..scoring import IndicatorResult, ScoreResult, score
from ..transitions import open_clarification
from ..values import format_value
from ..verification import VerificationProgress, verification_progress
from .assessment_outputs import AreaStatus, ScoreBasis

# Pieces the action endpoints answer with as well -------------------------------------------------


def rating_data(indicator, result: IndicatorResult) -> dict:
    return {
        "value": result.value,
        "display": format_value(indicator, result.value),
        "rating": result.rating,
        "points_possible": result.points_possible,
        "points_earned": result.points_earned,
        "explanation": result.explanation,
    }


def verified_rating_data(indicator, result: IndicatorResult, comment: str) -> dict:
    return {**rating_data(indicator, result), "comment": comment}


def answer_data(indicator, answer, evidence: list, rating: str) -> dict:
    value = answer.value if answer else None
    return {
        "indicator": indicator.code,
        "value": value,
        "display": format_value(indicator, value),
        "comment": answer.comment if answer else "",
        "provisional_rating": rating,
        "evidence": evidence,
    }


# The detail --------------------------------------------------------------------------------------


def assessment_detail_load(assessment: Assessment, user) -> Assessment:
    """Attach `detail` (everything AssessmentDetailSerializer shows beyond the model's own fields).

    Expects organisation and framework selected and assignments with their assessors prefetched;
    the rest costs a fixed number of queries."""
    indicators = indicators_of(assessment)
    answers = {answer.indicator_id: answer for answer in assessment.answers.all()}
    evidence = defaultdict(list)
    for item in assessment.evidence.select_related("indicator"):
        evidence[item.indicator_id].append(item)
    show_review = permissions.can_see_review_results(user, assessment)
    # Reviews the caller may not see are never loaded, so no verified value can leak into the scores.
    reviews = {review.indicator_id: review for review in assessment.reviews.all()} if show_review else {}

    # The pure scoring rules on the values already loaded, so the detail pays no extra queries.
    provisional = score(indicators, {i.code: answers[i.pk].value if i.pk in answers else None for i in indicators})
    verified = None
    if reviews:
        verified = score(
            indicators, {i.code: reviews[i.pk].verified_value if i.pk in reviews else None for i in indicators}
        )
    provisional_by_code = provisional.by_code()
    verification = None
    if reviews:
        verified_ids = {review.indicator_id for review in reviews.values() if review.verified_at}
        verification = verification_progress(assessment, verified_ids)

    clarification = open_clarification(assessment) if assessment.status == AssessmentStatus.CLARIFICATION else None
    clarified = {i.code for i in clarification.indicators.all()} if clarification else set()
    editable = editable_codes(assessment)

    assessment.detail = {
        "can": _abilities(user, assessment),
        "editable_indicators": None if editable is None else _codes_in_order(indicators, editable),
        "progress": _progress(indicators, provisional, clarified),
        "answers": [
            answer_data(
                indicator,
                answers.get(indicator.pk),
                evidence.get(indicator.pk, []),
                provisional_by_code[indicator.code].rating,
            )
            for indicator in indicators
        ],
        "ratings": _ratings(indicators, provisional, verified, reviews),
        "score": _gold_score(provisional, verified),
        "eligibility": _eligibility(provisional, verified),
        "verification": _verification(verification),
        "requirements": _requirements(assessment, provisional, verified, verification),
        "history": _history(assessment, show_review),
        "assignments": [
            _assignment(assignment, permissions.can_see_recommendation(user, assessment, assignment))
            for assignment in assessment.assignments.all()
        ],
        "recommendations_disagree": assessment.recommendations_disagree if show_review else None,
        # The label the approval issued (one query, only once approved).
        "label": (
            Label.objects.filter(assessment=assessment).values_list("public_id", flat=True).first()
            if assessment.status == AssessmentStatus.APPROVED
            else None
        ),
        "clarification": (
            {
                "indicators": _codes_in_order(indicators, clarified),
                "message": clarification.message,
                "requested_at": clarification.requested_at,
            }
            if clarification
            else None
        ),
        "improvement_areas": _improvement_areas(assessment, show_review),
        "decision": _decision(assessment),
    }
    return assessment


def _codes_in_order(indicators: list, codes: set[str]) -> list[str]:
    """The given codes in catalogue order."""
    return [i.code for i in indicators if i.code in codes]


def _abilities(user, assessment: Assessment) -> dict:
    return {
        "edit_answers": permissions.can_edit_answers(user, assessment),
        "submit": permissions.can_submit(user, assessment),
        "withdraw": permissions.can_withdraw(user, assessment),
        "assign": permissions.can_assign(user),
        "review": permissions.can_review(user, assessment),
        "decide": permissions.can_decide(user, assessment),
    }


def _area_status(answered: int, total: int, clarified: bool) -> str:
    if clarified:
        return AreaStatus.CLARIFICATION
    if answered == 0:
        return AreaStatus.NOT_STARTED
    return AreaStatus.COMPLETED if answered == total else AreaStatus.IN_PROGRESS


def _progress(indicators: list, provisional: ScoreResult, clarified: set[str]) -> dict:
    provisional_by_code = provisional.by_code()
    areas = {}
    for indicator in indicators:
        area = areas.setdefault(indicator.area_id, {"area": indicator.area, "answered": 0, "total": 0, "clarified": 0})
        area["total"] += 1
        area["answered"] += provisional_by_code[indicator.code].value is not None
        area["clarified"] += indicator.code in clarified
    return {
        "answered": provisional.answered,
        "total": provisional.total,
        "areas": [
            {
                "code": a["area"].code,
                "title": a["area"].title_i18n,
                "answered": a["answered"],
                "total": a["total"],
                "status": _area_status(a["answered"], a["total"], a["clarified"] > 0),
            }
            for a in areas.values()
        ],
    }


def _ratings(indicators: list, provisional: ScoreResult, verified: ScoreResult | None, reviews: dict) -> list:
    provisional_by_code = provisional.by_code()
    verified_by_code = verified.by_code() if verified else {}
    ratings = []
    for indicator in indicators:
        verified_result = verified_by_code.get(indicator.code)
        review = reviews.get(indicator.pk)
        ratings.append(
            {
                "indicator": indicator.code,
                "provisional": rating_data(indicator, provisional_by_code[indicator.code]),
                "verified": (
                    verified_rating_data(indicator, verified_result, review.comment if review else "")
                    if verified_result
                    else None
                ),
            }
        )
    return ratings


def _gold_score(provisional: ScoreResult, verified: ScoreResult | None) -> dict:
    return {
        "points_possible": provisional.gold_points_possible,
        "provisional": provisional.gold_score,
        "provisional_points": provisional.gold_points_earned,
        "verified": verified.gold_score if verified else None,
        "verified_points": verified.gold_points_earned if verified else None,
    }


def _eligibility(provisional: ScoreResult, verified: ScoreResult | None) -> dict:
    """On the verified values once the caller may see them, else on the self-declared ones."""
    basis = verified or provisional
    return {
        "met": basis.eligibility_met,
        "failing": list(basis.failed_eligibility),
        "basis": ScoreBasis.VERIFIED if verified else ScoreBasis.PROVISIONAL,
    }


def _verification(progress: VerificationProgress | None) -> dict | None:
    if progress is None:
        return None
    return {
        "verified": progress.verified,
        "total": progress.total,
        "complete": progress.complete,
        "unverified": list(progress.unverified),
        "areas": [
            {"code": a.area.code, "title": a.area.title_i18n, "verified": a.verified, "total": a.total}
            for a in progress.areas
        ],
    }


def _requirements(
    assessment: Assessment, provisional: ScoreResult, verified: ScoreResult | None, progress
) -> list[dict]:
    """level_rules.level_check for each level up to the one applied for, on the values the caller may see."""
    order = [Level.BRONZE, Level.SILVER, Level.GOLD]
    requirements = []
    for level in order[: order.index(assessment.level) + 1]:
        if verified is not None:
            outcome = level_check(assessment, level, result=verified, verification=progress)
        else:
            outcome = level_check(assessment, level, declared=True, result=provisional)
        requirements.append(
            {
                "level": level,
                "met": outcome.met,
                "unmet": list(outcome.reasons),
                "basis": ScoreBasis.VERIFIED if verified is not None else ScoreBasis.PROVISIONAL,
            }
        )
    return requirements


def _history(assessment: Assessment, show_review: bool) -> list:
    history = list(assessment.history.select_related("actor"))
    if not show_review:
        # The note of the move to the board lists each assessor's recommended level.
        for event in history:
            if event.to_status == AssessmentStatus.RECOMMENDED:
                event.note = ""
    return history


def _assignment(assignment, show_recommendation: bool) -> dict:
    data = {
        "assessor": assignment.assessor,
        "assigned_at": assignment.assigned_at,
        "recommended_level": None,
        "summary": None,
        "recommended_at": None,
    }
    if show_recommendation:
        data["recommended_level"] = assignment.recommended_level or None
        data["summary"] = assignment.recommendation_summary or None
        data["recommended_at"] = assignment.recommended_at
    return data


def _improvement_areas(assessment: Assessment, show_review: bool) -> list:
    if assessment.level != Level.SILVER:
        return []
    areas = []
    for position, area in enumerate(assessment.improvement_areas.select_related("indicator"), start=1):
        areas.append(
            {
                "position": position,
                "indicator": area.indicator.code,
                "description": area.description,
                "validated": area.validated if show_review else None,
                "assessor_comment": area.assessor_comment if show_review else "",
            }
        )
    return areas


def _decision(assessment: Assessment) -> dict | None:
    if assessment.status not in AssessmentStatus.decided():
        return None
    return {
        "approved": assessment.status == AssessmentStatus.APPROVED,
        "awarded_level": assessment.awarded_level or None,
        "reason": assessment.decision_reason,
        "decided_at": assessment.decided_at,
    }
