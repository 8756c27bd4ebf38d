"""The assessors' side of an assessment: verified values and Silver improvement areas."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from . import permissions
from .assessment_scores import review_rating_store
from .models import Assessment, AssessmentStatus, ImprovementArea, Indicator, Review
from .transitions import TransitionNotAllowed
from .values import parse_value


def _check_reviewing(assessment: Assessment, by: User) -> None:
    if not permissions.can_review(by, assessment):
        raise PermissionDenied(_("Only the assessors assigned to this assessment can review it."))
    if assessment.status != AssessmentStatus.IN_REVIEW:
        raise TransitionNotAllowed(_("The assessment is not in review."))


@transaction.atomic
def review_save(*, assessment: Assessment, indicator: Indicator, verified_value, comment: str = "", by: User) -> Review:
    """Store a verified value and comment; ratings and the verified score follow at once."""
    assessment = Assessment.objects.select_for_update().select_related("framework").get(pk=assessment.pk)
    _check_reviewing(assessment, by)
    if indicator.framework_id != assessment.framework_id:
        raise ValidationError(_("This indicator does not belong to the assessment's catalogue."))
    review, _created = Review.objects.get_or_create(assessment=assessment, indicator=indicator)
    review.verified_value = parse_value(indicator, verified_value)
    review.comment = (comment or "").strip()
    review.reviewed_by = by
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
