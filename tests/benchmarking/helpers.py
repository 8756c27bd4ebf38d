"""Decided assessments written directly, with exactly the values a test needs."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from labels.label_records import labels_issue_bulk
from labels.models import Assessment, AssessmentEvent, AssessmentStatus, Review
from labels.scoring import rate
from tests.factories import OrganisationFactory


def decided_assessment(organisation, framework, values=None, *, status=AssessmentStatus.APPROVED, level="bronze",
                       days_ago=30, missing=()):  # fmt: skip
    """An approved (or rejected) assessment with a review per indicator: `values` by code (strings),
    the green threshold elsewhere, None for the codes in `missing`."""
    values = values or {}
    decided_at = timezone.now() - timedelta(days=days_ago)
    assessment = Assessment.objects.create(
        organisation=organisation,
        framework=framework,
        level=level,
        status=status,
        interview_date=(decided_at - timedelta(days=10)).date(),
        decided_at=decided_at,
        awarded_level=level if status == AssessmentStatus.APPROVED else "",
        verified_score=Decimal("50.0"),
    )
    reviews = []
    for indicator in framework.indicators.all():
        value = None if indicator.code in missing else Decimal(values.get(indicator.code, indicator.green))
        reviews.append(
            Review(assessment=assessment, indicator=indicator, verified_value=value, rating=rate(indicator, value))
        )
    Review.objects.bulk_create(reviews)
    # The decision's history row, as assessment_decide writes it (caches of figures watch these).
    AssessmentEvent.objects.create(assessment=assessment, from_status="recommended", to_status=status)
    if status == AssessmentStatus.APPROVED:
        labels_issue_bulk([assessment])  # the label the approval issues
    return assessment


def peers(count, framework, *, values=None, missing=(), **fields):
    """`count` organisations (factory defaults: Germany, ICT, 50 participants, founded 2010) with an
    approved Bronze each; `values(i)` gives the i-th peer's values by code."""
    organisations = []
    for i in range(count):
        organisation = OrganisationFactory(**fields)
        decided_assessment(organisation, framework, values(i) if values else None, missing=missing)
        organisations.append(organisation)
    return organisations
