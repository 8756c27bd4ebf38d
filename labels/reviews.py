"""The assessors' side of an assessment: verified values and Silver improvement areas."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from . import permissions
from .assessment_scores import review_rating_store
from .models import Answer, Area, Assessment, AssessmentStatus, ImprovementArea, Indicator, Review
from .transitions import TransitionNotAllowed
from .values import parse_value


def _check_reviewing(assessment: Assessment, by: User) -> None:
    if not permissions.can_review(by, assessment):
        raise PermissionDenied(_("Only the assessors assigned to this assessment can review it."))
    if assessment.status != AssessmentStatus.IN_REVIEW:
        raise TransitionNotAllowed(_("The assessment is not in review."))


@transaction.atomic
def review_save(*, assessment: Assessment, indicator: Indicator, verified_value, comment: str = "", by: User) -> Review:
    """Store a verified value and comment (saving verifies the indicator, changed or not); ratings
    and the verified score follow at once."""
    assessment = Assessment.objects.select_for_update().select_related("framework").get(pk=assessment.pk)
    _check_reviewing(assessment, by)
    if indicator.framework_id != assessment.framework_id:
        raise ValidationError(_("This indicator does not belong to the assessment's catalogue."))
    review, _created = Review.objects.get_or_create(assessment=assessment, indicator=indicator)
    review.verified_value = parse_value(indicator, verified_value)
    review.comment = (comment or "").strip()
    review.verified_by = by
    review.verified_at = timezone.now()
    review.save()
    review_rating_store(assessment)
    review.refresh_from_db(fields=["rating"])
    return review


@transaction.atomic
def improvement_validate(*, area: ImprovementArea, validated: bool, comment: str = "", by: User) -> ImprovementArea:
    assessment = Assessment.objects.select_for_update().get(pk=area.assessment_id)
    _check_reviewing(assessment, by)
    area.validated = validated
    area.assessor_comment = (comment or "").strip()
    area.validated_by = by
    area.save(update_fields=["validated", "assessor_comment", "validated_by"])
    return area


@transaction.atomic
def review_confirm_area(*, assessment: Assessment, area: Area, by: User) -> int:
    """Verify every not yet verified indicator of one area with the value the organisation declared.

    Indicators an assessor already verified (confirmed or changed) keep their value. Returns how
    many were confirmed."""
    assessment = Assessment.objects.select_for_update().select_related("framework").get(pk=assessment.pk)
    _check_reviewing(assessment, by)
    if area.framework_id != assessment.framework_id:
        raise ValidationError(_("This area does not belong to the assessment's catalogue."))
    indicator_ids = list(area.indicators.values_list("pk", flat=True))
    declared = dict(
        Answer.objects.filter(assessment=assessment, indicator_id__in=indicator_ids).values_list(
            "indicator_id", "value"
        )
    )
    reviews = {r.indicator_id: r for r in Review.objects.filter(assessment=assessment, indicator_id__in=indicator_ids)}
    now = timezone.now()
    confirmed = []
    for indicator_id in indicator_ids:
        review = reviews.get(indicator_id) or Review(assessment=assessment, indicator_id=indicator_id)
        if review.verified_at is not None:
            continue
        review.verified_value = declared.get(indicator_id)
        review.verified_by = by
        review.verified_at = review.updated_at = now
        confirmed.append(review)
    Review.objects.bulk_create([r for r in confirmed if r.pk is None])
    Review.objects.bulk_update(
        [r for r in confirmed if r.pk is not None], ["verified_value", "verified_by", "verified_at", "updated_at"]
    )
    if confirmed:
        review_rating_store(assessment)
    return len(confirmed)
