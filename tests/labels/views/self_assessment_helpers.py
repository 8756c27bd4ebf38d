"""Helpers for the tests of the organisation's pages: states that the shared fixtures do not build."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from labels import transitions
from labels.models import Assessment, Indicator
from labels.scoring import add_months

# The smallest file that is a PDF by its content.
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name: str = "members.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def text_named_pdf() -> SimpleUploadedFile:
    """A text file that only pretends to be a PDF by its name and declared type."""
    return SimpleUploadedFile("report.pdf", b"just some words, not a PDF at all\n" * 20, content_type="application/pdf")


def clarify(assessment: Assessment, assessor, codes=("S1",), message="Please send the signed member list.") -> None:
    """The assigned assessor sends the assessment back for the named indicators."""
    indicators = Indicator.objects.filter(framework=assessment.framework, code__in=codes)
    transitions.clarification_request(assessment=assessment, indicators=indicators, message=message, by=assessor)
    assessment.refresh_from_db()


def completed_bronze(framework, organisation) -> Assessment:
    """A Bronze benchmarking of the organisation, completed 20 months ago."""
    return Assessment.objects.create(
        organisation=organisation,
        framework=framework,
        level="bronze",
        status="approved",
        awarded_level="bronze",
        interview_date=add_months(timezone.localdate(), -20),
        decided_at=timezone.now() - timedelta(days=560),
    )


def silver_draft(framework, organisation, owner) -> Assessment:
    """A Silver draft of an organisation that completed its Bronze benchmarking 20 months ago."""
    completed_bronze(framework, organisation)
    return transitions.assessment_start(organisation=organisation, level="silver", by=owner)
