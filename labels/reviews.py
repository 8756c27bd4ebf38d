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
def review_confirm_declared(*, assessment: Assessment, by: User, area: Area | None = None) -> int:
    """Verify every not yet verified indicator of one area (or of all, without `area`) with the value
    the organisation declared.

    Indicators an assessor already verified (confirmed or changed) keep their value. Returns how
    many were confirmed."""
    assessment = Assessment.objects.select_for_update().select_related("framework").get(pk=assessment.pk)
    _check_reviewing(assessment, by)
    if area is not None and area.framework_id != assessment.framework_id:
        raise ValidationError(_("This area does not belong to the assessment's catalogue."))
    indicators = area.indicators if area is not None else assessment.framework.indicators
    ids = list(indicators.values_list("pk", flat=True))
    declared = dict(
        Answer.objects.filter(assessment=assessment, indicator_id__in=ids).values_list("indicator_id", "value")
    )
    reviews = Review.objects.filter(assessment=assessment, indicator_id__in=ids)
    verified = set(reviews.filter(verified_at__isnull=False).values_list("indicator_id", flat=True))
    still_open = list(reviews.filter(verified_at__isnull=True).only("pk", "indicator_id", "verified_value"))
    now = timezone.now()
    known = verified | {review.indicator_id for review in still_open}
    missing = [
        Review(
            assessment=assessment,
            indicator_id=pk,
            verified_value=declared.get(pk),
            verified_by=by,
            verified_at=now,
        )
        for pk in ids
        if pk not in known
    ]
    Review.objects.bulk_create(missing)
    # An open review holds the declared value already (assignment and clarification copy it in);
    # only one out of step is written, and only then do the ratings need storing again.
    stale = [review for review in still_open if review.verified_value != declared.get(review.indicator_id)]
    for review in stale:
        review.verified_value = declared.get(review.indicator_id)
    Review.objects.bulk_update(stale, ["verified_value"])
    Review.objects.filter(pk__in=[review.pk for review in still_open]).update(
        verified_by=by, verified_at=now, updated_at=now
    )
    if missing or stale:
        review_rating_store(assessment)
    return len(missing) + len(still_open)
