"""The assessor's workspace: only their own assignments, with what still needs doing."""

import pytest
from django.urls import reverse

from clusterexcellence.registry import navigation_links
from labels import transitions
from labels.models import Assessment, AssessmentStatus, AssessorAssignment
from tests.factories import OrganisationFactory

from ..conftest import fill_answers

URL = reverse("labels:assessor_workspace")


def test_it_requires_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_a", "board_member", "staff_user"])
def test_it_refuses_people_who_are_not_assessors(request, client_as, persona):
    assert client_as(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_it_lists_the_assessors_assignments_with_the_recommendation_still_to_do(client_as, assessor, in_review):
    content = client_as(assessor).get(URL).content.decode()
    assert "Alpha Cluster" in content
    assert "In review" in content
    assert "still to do" in content
    assert reverse("labels:review", args=[in_review.public_id]) in content
    assert reverse("labels:recommend", args=[in_review.public_id]) in content


def test_each_assignment_has_an_open_review_link(client_as, assessor, in_review, recommended):
    content = client_as(assessor).get(URL).content.decode()
    review = reverse("labels:review", args=[in_review.public_id])
    assert f'href="{review}">Open review<span class="visually-hidden"> Alpha Cluster</span></a>' in content


def test_it_shows_the_recommendation_once_given(client_as, assessor, recommended):
    content = client_as(assessor).get(URL).content.decode()
    assert "still to do" not in content
    assert "Recommended to the board" in content


def test_it_leaves_out_assessments_assigned_to_others(
    client_as, assessor, other_assessor, assessor2, in_review, org_b, owner_b, staff_user
):
    beta = transitions.assessment_start(organisation=org_b, level="gold", by=owner_b)
    fill_answers(beta, owner_b)
    transitions.assessment_submit(assessment=beta, by=owner_b)
    transitions.assessment_assign(assessment=beta, assessors=[other_assessor, assessor2], by=staff_user)
    content = client_as(assessor).get(URL).content.decode()
    assert "Alpha Cluster" in content
    assert "Beta Cluster" not in content
    content = client_as(other_assessor).get(URL).content.decode()
    assert "Beta Cluster" in content
    assert "Alpha Cluster" not in content


def test_an_assessor_without_assignments_is_told_so(client_as, other_assessor, in_review):
    assert "Nothing is assigned to you" in client_as(other_assessor).get(URL).content.decode()


def test_the_dashboard_counts_the_assignments_waiting(client_as, assessor, in_review):
    content = client_as(assessor).get("/dashboard/").content.decode()
    assert "1 assignment waiting for your review" in content
    assert f'href="{URL}"' in content


def test_the_navigation_leads_assessors_to_their_workspace(assessor, owner_a):
    assert URL in [url for _label, url in navigation_links(assessor)]
    assert URL not in [url for _label, url in navigation_links(owner_a)]


def _assigned_many(framework, person, count):
    for _n in range(count):
        assessment = Assessment.objects.create(
            organisation=OrganisationFactory(), framework=framework, level="gold", status=AssessmentStatus.IN_REVIEW
        )
        AssessorAssignment.objects.create(assessment=assessment, assessor=person)


def test_the_queries_do_not_grow_with_the_assignments(
    client_as, other_assessor, framework, django_assert_max_num_queries
):
    client = client_as(other_assessor)
    _assigned_many(framework, other_assessor, 2)
    client.get(URL)
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
    _assigned_many(framework, other_assessor, 8)
    with django_assert_max_num_queries(5):
        assert client.get(URL).content.decode().count("still to do") == 10
