"""Validating or rejecting the improvement areas of a Silver application."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from labels import answers, transitions
from labels.models import Assessment, AssessmentStatus

from ..conftest import fill_answers


@pytest.fixture
def silver(framework, org_a, owner_a, staff_user, assessor):
    """A Silver application of organisation A in review by one assessor, after a Bronze 20 months ago."""
    long_ago = timezone.now() - timedelta(days=610)
    Assessment.objects.create(
        organisation=org_a,
        framework=framework,
        level="bronze",
        status=AssessmentStatus.APPROVED,
        awarded_level="bronze",
        interview_date=long_ago.date(),
        decided_at=long_ago,
    )
    assessment = transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)
    fill_answers(assessment, owner_a)
    indicators = list(framework.indicators.all()[:3])
    answers.improvement_areas_set(
        assessment=assessment, items=[(i, f"Improve {i.code}.") for i in indicators], by=owner_a
    )
    transitions.assessment_submit(assessment=assessment, by=owner_a)
    return transitions.assessment_assign(assessment=assessment, assessors=[assessor], by=staff_user)


def url(assessment, area):
    return reverse("labels:improvement_validate", args=[assessment.public_id, area.pk])


def verdict(area, validated, comment=""):
    return {f"area-{area.pk}-validated": validated, f"area-{area.pk}-comment": comment}


def test_the_review_page_shows_the_areas_with_a_form(client_as, assessor, silver):
    content = client_as(assessor).get(reverse("labels:review", args=[silver.public_id])).content.decode()
    area = silver.improvement_areas.first()
    assert area.description in content
    assert url(silver, area) in content


def test_it_rejects_get(client_as, assessor, silver):
    assert client_as(assessor).get(url(silver, silver.improvement_areas.first())).status_code == 405


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_everyone_but_the_assigned_assessor(request, client_as, persona, silver):
    area = silver.improvement_areas.first()
    response = client_as(request.getfixturevalue(persona)).post(url(silver, area), verdict(area, "yes"))
    assert response.status_code == 403
    area.refresh_from_db()
    assert area.validated is None


@pytest.mark.parametrize("persona", ["outsider", "other_assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, silver):
    area = silver.improvement_areas.first()
    assert client_as(request.getfixturevalue(persona)).post(url(silver, area), verdict(area, "yes")).status_code == 404


def test_an_unknown_area_is_not_found(client_as, assessor, silver):
    response = client_as(assessor).post(
        reverse("labels:improvement_validate", args=[silver.public_id, 999999]), {"area-999999-validated": "yes"}
    )
    assert response.status_code == 404


def test_the_assessor_validates_and_rejects_with_a_comment(client_as, assessor, silver):
    first, second = list(silver.improvement_areas.all())[:2]
    client = client_as(assessor)
    assert client.post(url(silver, first), verdict(first, "yes", "Seen on site.")).status_code == 302
    assert client.post(url(silver, second), verdict(second, "no", "Only a plan.")).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.validated, first.assessor_comment, first.validated_by) == (True, "Seen on site.", assessor)
    assert (second.validated, second.assessor_comment) == (False, "Only a plan.")


def test_a_missing_verdict_is_refused(client_as, assessor, silver):
    area = silver.improvement_areas.first()
    response = client_as(assessor).post(url(silver, area), {f"area-{area.pk}-comment": "Hm."})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_the_recommendation_guidance_counts_validated_areas(client_as, assessor, silver):
    client = client_as(assessor)
    recommend = reverse("labels:recommend", args=[silver.public_id])
    assert "Improvement areas validated: 0 of 3 required." in client.get(recommend).content.decode()
    for area in silver.improvement_areas.all():
        client.post(url(silver, area), verdict(area, "yes"))
    content = client.get(recommend).content.decode()
    assert "Improvement areas validated" not in content
    assert "There is no completed Bronze benchmarking" not in content
