"""Scores of one assessment: loads its values and hands them to the pure rules in scoring.py."""

from decimal import Decimal

from .models import Answer, Assessment, Review
from .scoring import ScoreResult, score


def indicators_of(assessment: Assessment) -> list:
    """The framework's indicators in catalogue order, loaded once per assessment object."""
    cached = getattr(assessment, "_indicators", None)
    if cached is None:
        cached = list(assessment.framework.indicators.select_related("area").order_by("area__position", "position"))
        assessment._indicators = cached
    return cached


def declared_values(assessment: Assessment) -> dict[str, Decimal | None]:
    return dict(Answer.objects.filter(assessment=assessment).values_list("indicator__code", "value"))


def verified_values(assessment: Assessment) -> dict[str, Decimal | None]:
    return dict(Review.objects.filter(assessment=assessment).values_list("indicator__code", "verified_value"))


def answered_codes(assessment: Assessment) -> set[str]:
    return {code for code, value in declared_values(assessment).items() if value is not None}


def provisional_result(assessment: Assessment) -> ScoreResult:
    """Ratings and score from the organisation's own values."""
    return score(indicators_of(assessment), declared_values(assessment))


def verified_result(assessment: Assessment) -> ScoreResult:
    """Ratings and score from the assessors' verified values: what the decision rests on."""
    return score(indicators_of(assessment), verified_values(assessment))


def _ratings_store(assessment: Assessment, result: ScoreResult, model, rating_field: str, score_field: str) -> None:
    """Write the rating of each answer or review and the assessment's score (idempotent)."""
    ratings = {r.code: r.rating for r in result.results}
    rows = list(model.objects.filter(assessment=assessment).select_related("indicator"))
    for row in rows:
        setattr(row, rating_field, ratings[row.indicator.code])
    model.objects.bulk_update(rows, [rating_field])
    Assessment.objects.filter(pk=assessment.pk).update(**{score_field: result.gold_score})
    setattr(assessment, score_field, result.gold_score)


def provisional_scores_store(assessment: Assessment) -> ScoreResult:
    """Store the provisional rating on every answer and the provisional score."""
    result = provisional_result(assessment)
    _ratings_store(assessment, result, Answer, "provisional_rating", "provisional_score")
    return result


def review_rating_store(assessment: Assessment) -> ScoreResult:
    """Store the rating of every review and the verified score."""
    result = verified_result(assessment)
    _ratings_store(assessment, result, Review, "rating", "verified_score")
    return result
