"""The secretariat's queue: submitted assessments waiting for assessors, reviews under way and
failed background jobs; for staff only."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from clusterexcellence.models import Job, JobStatus
from clusterexcellence.registry import navigation_links
from labels.models import Assessment, AssessmentStatus, AssessorAssignment
from labels.tasks import score_assessment
from tests.factories import OrganisationFactory, UserFactory

URL = reverse("labels:secretariat_queue")


def test_it_requires_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_a", "assessor", "board_member", "club_member"])
def test_it_refuses_everyone_but_staff(request, client_as, persona):
    assert client_as(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_it_lists_submitted_assessments_with_what_assigning_needs(client_as, staff_user, submitted):
    content = client_as(staff_user).get(URL).content.decode()
    assert "1 submitted assessment waits for assessors" in content
    assert "Alpha Cluster" in content
    assert "Germany" in content
    assert "Gold" in content
    assert reverse("labels:assign", args=[submitted.public_id]) in content
    assert '<td data-label="Assessors needed">2</td>' in content  # Gold needs two assessors


def test_it_lists_reviews_under_way_with_their_assessors(client_as, staff_user, in_review):
    content = client_as(staff_user).get(URL).content.decode()
    assert "Nothing waits for assessors." in content
    assert reverse("labels:review", args=[in_review.public_id]) in content
    assert str(in_review.assignments.first().assessor) in content


def test_it_links_to_the_failed_background_work(client_as, staff_user, db):
    assert f'href="{reverse("jobs_failed")}"' in client_as(staff_user).get(URL).content.decode()


def _many(framework, count):
    """Assessments in each queue state, built directly: the list is what is measured here."""
    for n in range(count):
        organisation = OrganisationFactory()
        Membership.objects.create(user=UserFactory(), organisation=organisation, role="owner")
        for status in (AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW):
            assessment = Assessment.objects.create(
                organisation=organisation,
                framework=framework,
                level="gold",
                status=status,
                submitted_at=timezone.now(),
            )
            if status == AssessmentStatus.IN_REVIEW:
                for person in (UserFactory(is_assessor=True), UserFactory(is_assessor=True)):
                    AssessorAssignment.objects.create(assessment=assessment, assessor=person)
            Job.objects.create(kind=score_assessment.name, target=assessment, status=JobStatus.FAILED, error=f"E{n}")


def test_the_queries_do_not_grow_with_the_queue(client_as, staff_user, framework, django_assert_max_num_queries):
    client = client_as(staff_user)
    _many(framework, 2)
    client.get(URL)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
    _many(framework, 8)
    with django_assert_max_num_queries(10):
        content = client.get(URL).content.decode()
    assert "10 submitted assessments wait for assessors" in content


def test_the_dashboard_counts_the_work_waiting(client_as, staff_user, submitted):
    Job.objects.create(kind=score_assessment.name, target=submitted, status=JobStatus.FAILED, error="Boom")
    content = client_as(staff_user).get("/dashboard/").content.decode()
    assert "1 submitted assessment to assign." in content
    assert "1 failed job" in content  # the platform's section, beside the secretariat's
    assert f'href="{URL}"' in content


def test_the_navigation_leads_staff_to_the_queue(staff_user, board_member):
    assert URL in [url for _label, url in navigation_links(staff_user)]
    assert URL not in [url for _label, url in navigation_links(board_member)]
