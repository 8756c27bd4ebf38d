"""The label board's queue: recommendations to decide, disagreements flagged, recent decisions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from clusterexcellence.registry import navigation_links
from labels import transitions
from labels.models import Assessment, AssessmentStatus, AssessorAssignment
from tests.factories import OrganisationFactory, UserFactory

URL = reverse("labels:board_queue")


def test_it_requires_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_a", "assessor", "staff_user", "club_member"])
def test_it_refuses_everyone_but_board_members(request, client_as, persona):
    assert client_as(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_it_lists_recommendations_with_both_views_and_a_decide_link(client_as, board_member, recommended):
    content = client_as(board_member).get(URL).content.decode()
    assert "1 recommendation to decide" in content
    assert "Alpha Cluster" in content
    assert reverse("labels:decide", args=[recommended.public_id]) in content
    assert "Assessors disagree" not in content


def test_it_flags_a_gold_disagreement(client_as, board_member, verified, assessor, assessor2):
    in_review = verified
    transitions.interview_record(assessment=in_review, on=timezone.localdate() - timedelta(days=1), by=assessor)
    transitions.assessment_recommend(assessment=in_review, level="gold", summary="Gold.", by=assessor)
    transitions.assessment_recommend(assessment=in_review, level="bronze", summary="Bronze.", by=assessor2)
    content = client_as(board_member).get(URL).content.decode()
    assert "Assessors disagree" in content
    assert f"{assessor}: Gold" in content
    assert f"{assessor2}: Bronze" in content


def test_a_board_member_who_assessed_it_is_told_they_do_not_decide(client_as, assessor, recommended):
    assessor.is_board_member = True
    assessor.save()
    content = client_as(assessor).get(URL).content.decode()
    assert "You assessed this application, so you do not decide on it." in content
    assert reverse("labels:decide", args=[recommended.public_id]) not in content


def test_it_lists_recent_decisions(client_as, board_member, recommended):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All met.", by=board_member)
    content = client_as(board_member).get(URL).content.decode()
    assert "No recommendation waits for the board." in content
    assert "Approved" in content
    assert "All met." in content


def _recommended_many(framework, count):
    for _n in range(count):
        organisation = OrganisationFactory()
        Membership.objects.create(user=UserFactory(), organisation=organisation, role="owner")
        for status in (AssessmentStatus.RECOMMENDED, AssessmentStatus.APPROVED):
            assessment = Assessment.objects.create(
                organisation=organisation,
                framework=framework,
                level="gold",
                status=status,
                recommendations_disagree=True,
                decided_at=timezone.now() if status == AssessmentStatus.APPROVED else None,
                decided_by=UserFactory(is_board_member=True) if status == AssessmentStatus.APPROVED else None,
            )
            for level in ("gold", "silver"):
                AssessorAssignment.objects.create(
                    assessment=assessment, assessor=UserFactory(is_assessor=True), recommended_level=level
                )


def test_the_queries_do_not_grow_with_the_queue(client_as, board_member, framework, django_assert_max_num_queries):
    client = client_as(board_member)
    _recommended_many(framework, 2)
    client.get(URL)
    # Two of them ask, for every row at once, whether the board member has a conflict of interest.
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
    _recommended_many(framework, 8)
    with django_assert_max_num_queries(10):
        content = client.get(URL).content.decode()
    assert "10 recommendations to decide" in content


def test_the_dashboard_counts_the_recommendations_to_decide(client_as, board_member, recommended):
    content = client_as(board_member).get("/dashboard/").content.decode()
    assert "1 recommendation to decide." in content
    assert f'href="{URL}"' in content


def test_the_navigation_leads_board_members_to_the_queue(board_member, assessor):
    assert URL in [url for _label, url in navigation_links(board_member)]
    assert URL not in [url for _label, url in navigation_links(assessor)]


def test_a_board_member_with_a_conflict_is_told_why_they_do_not_decide(client_as, board_member, recommended, org_a):
    Membership.objects.create(user=board_member, organisation=org_a, role="viewer")

    content = client_as(board_member).get(URL).content.decode()

    assert "You have a conflict of interest" in content
    assert reverse("labels:decide", args=[recommended.public_id]) not in content
