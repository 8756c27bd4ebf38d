"""Helpers and extra personas for the assessment API tests."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import AssessorProfile
from labels import transitions
from labels.scoring import add_months
from tests.factories import UserFactory
from tests.labels import built_fixtures

from ..conftest import fill_answers, verify_all

# Assessments built with bulk inserts: these tests are about pages and endpoints, not transitions.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended

TINY_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def api_url(assessment=None, suffix: str = "") -> str:
    """/api/assessments/ or /api/assessments/<id>/<suffix>."""
    if assessment is None:
        return "/api/assessments/"
    return f"/api/assessments/{assessment.public_id}/{suffix}"


def json_value(indicator, value: Decimal):
    """A catalogue value as a client would send it in JSON."""
    if indicator.kind == "boolean":
        return value == 1
    return int(value) if value == value.to_integral_value() else float(value)


def pdf_upload(name: str = "report.pdf", content: bytes = TINY_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def yesterday() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=1)


def _assessor(email: str, **flags):
    user = UserFactory(email=email, is_assessor=True, **flags)
    AssessorProfile.objects.create(user=user, languages=["en"])
    return user


@pytest.fixture
def assessor3(db):
    """A certified assessor who is assigned to nothing."""
    return _assessor("assessor3@example.test")


@pytest.fixture
def board_assessor(db):
    """Both an assessor and a board member: may decide, but never on what they assessed."""
    return _assessor("board-assessor@example.test", is_board_member=True)


@pytest.fixture
def clarification(in_review, assessor, framework):
    """In review, sent back to the organisation for S1 and G1."""
    indicators = list(framework.indicators.filter(code__in=["S1", "G1"]))
    transitions.clarification_request(
        assessment=in_review, indicators=indicators, message="Please send the member list.", by=assessor
    )
    in_review.refresh_from_db()
    return in_review


@pytest.fixture
def approved_bronze(framework, org_a, owner_a, staff_user, assessor, board_member):
    """Organisation A's Bronze benchmarking, interviewed 20 months ago and approved."""
    bronze = transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)
    fill_answers(bronze, owner_a)
    transitions.assessment_submit(assessment=bronze, by=owner_a)
    transitions.assessment_assign(assessment=bronze, assessors=[assessor], by=staff_user)
    transitions.interview_record(assessment=bronze, on=add_months(timezone.localdate(), -20), by=assessor)
    verify_all(bronze, assessor)
    transitions.assessment_recommend(assessment=bronze, level="bronze", summary="Complete.", by=assessor)
    transitions.assessment_decide(assessment=bronze, approve=True, reason="Benchmarked.", by=board_member)
    bronze.refresh_from_db()
    return bronze


@pytest.fixture
def silver_draft(approved_bronze, org_a, owner_a):
    return transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)
