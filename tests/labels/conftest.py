"""Fixtures for the label process: the demo catalogue and assessments in every state."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from labels import answers, reviews, transitions
from labels.models import Assessment, Framework
from tests.factories import shipped_framework


@pytest.fixture
def framework(db) -> Framework:
    """The shipped demonstration catalogue, published (imported once per test process)."""
    return shipped_framework()


def green_value(indicator) -> Decimal:
    """A value that reaches the green threshold of the indicator."""
    return indicator.green


def fill_answers(assessment: Assessment, by, value_for=green_value) -> None:
    """Answer every indicator of the assessment (green by default)."""
    for indicator in assessment.framework.indicators.all():
        answers.answer_save(assessment=assessment, indicator=indicator, value=value_for(indicator), by=by)


def verify_all(assessment: Assessment, by) -> None:
    """The assessor confirms every declared value not yet verified (the review page: area by area)."""
    reviews.review_confirm_declared(assessment=assessment, by=by)


@pytest.fixture
def draft(framework, org_a, owner_a) -> Assessment:
    """A Gold draft of organisation A, started by its owner, nothing answered."""
    return transitions.assessment_start(organisation=org_a, level="gold", by=owner_a)


@pytest.fixture
def submitted(draft, owner_a) -> Assessment:
    fill_answers(draft, owner_a)
    return transitions.assessment_submit(assessment=draft, by=owner_a)


@pytest.fixture
def in_review(submitted, staff_user, assessor, assessor2) -> Assessment:
    return transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)


@pytest.fixture
def verified(in_review, assessor) -> Assessment:
    """In review with every indicator verified (the declared values confirmed)."""
    verify_all(in_review, assessor)
    return in_review


@pytest.fixture
def recommended(verified, assessor, assessor2) -> Assessment:
    in_review = verified
    transitions.interview_record(assessment=in_review, on=timezone.localdate() - timedelta(days=1), by=assessor)
    for person in (assessor, assessor2):
        transitions.assessment_recommend(assessment=in_review, level="gold", summary="Strong.", by=person)
    in_review.refresh_from_db()
    return in_review


@pytest.fixture
def no_catalogue(db):
    """No catalogue at all, for the tests of importing and publishing one (the session's shipped
    catalogue is deleted inside the test's transaction, so it is back for the next test)."""
    Framework.objects.all().delete()
