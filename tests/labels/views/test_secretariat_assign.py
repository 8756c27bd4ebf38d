"""Assigning assessors: the level's number of them, none in a conflict of interest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import AssessorProfile, Membership
from labels.models import AssessmentStatus, AssessorAssignment
from tests.factories import UserFactory, assessment_draft, assessment_in_review, assessment_submitted


def url(assessment):
    return reverse("labels:assign", args=[assessment.public_id])


def choose(*people):
    return {"assessors": [str(person.pk) for person in people]}


def test_it_requires_sign_in(client, submitted):
    response = client.get(url(submitted))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "club_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, submitted, owner_b):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(url(submitted)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "board_member"])
def test_it_refuses_everyone_but_staff(request, client_as, persona, submitted, assessor, assessor2):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(url(submitted)).status_code == 403
    assert client.post(url(submitted), choose(assessor, assessor2)).status_code == 403
    assert not AssessorAssignment.objects.exists()


def test_staff_see_every_assessor_with_languages_countries_and_conflicts(
    client_as, staff_user, submitted, assessor, assessor2, other_assessor
):
    Membership.objects.create(user=other_assessor, organisation=submitted.organisation, role=MembershipRole.VIEWER)
    content = client_as(staff_user).get(url(submitted)).content.decode()
    assert "Choose 2 assessors" in content
    for person in (assessor, assessor2, other_assessor):
        assert f'value="{person.pk}"' in content
    assert "English, German" in content  # language names, not codes
    assert "Italy" in content
    assert "is or was a member of Alpha Cluster" in content


def test_staff_assign_two_assessors_and_the_review_opens(client_as, staff_user, submitted, assessor, assessor2):
    response = client_as(staff_user).post(url(submitted), choose(assessor, assessor2))
    assert response.status_code == 302
    # "Assign and open the review" opens the review.
    assert response["Location"] == reverse("labels:review", args=[submitted.public_id])
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.IN_REVIEW
    assert {a.assessor for a in submitted.assignments.all()} == {assessor, assessor2}


def test_a_wrong_number_of_assessors_is_refused(client_as, staff_user, submitted, assessor):
    response = client_as(staff_user).post(url(submitted), choose(assessor))
    assert response.status_code == 400
    assert "needs exactly 2 assessor(s)" in response.content.decode()
    assert not AssessorAssignment.objects.exists()


def test_choosing_nobody_is_refused(client_as, staff_user, submitted):
    response = client_as(staff_user).post(url(submitted), {})
    assert response.status_code == 400
    assert "Choose the assessors." in response.content.decode()


def test_an_unknown_assessor_is_refused(client_as, staff_user, submitted, owner_a, assessor):
    response = client_as(staff_user).post(url(submitted), choose(assessor, owner_a))
    assert response.status_code == 400
    assert not AssessorAssignment.objects.exists()


def _member_now(person, organisation):
    Membership.objects.create(user=person, organisation=organisation, role=MembershipRole.EDITOR)


def _member_two_years_ago(person, organisation):
    Membership.objects.create(
        user=person,
        organisation=organisation,
        role=MembershipRole.EDITOR,
        joined_at=timezone.now() - timedelta(days=5 * 365),
        left_at=timezone.now() - timedelta(days=2 * 365),
    )


def _declared(person, organisation):
    person.declared_conflicts.add(organisation)


@pytest.mark.parametrize(
    ("conflict", "reason"),
    [
        (_member_now, "is or was a member of Alpha Cluster within the last 3 years"),
        (_member_two_years_ago, "is or was a member of Alpha Cluster within the last 3 years"),
        (_declared, "has declared a conflict of interest with Alpha Cluster"),
    ],
)
def test_a_conflict_of_interest_is_refused_with_the_reason_and_nobody_is_assigned(
    client_as, staff_user, submitted, assessor, other_assessor, conflict, reason
):
    conflict(other_assessor, submitted.organisation)
    response = client_as(staff_user).post(url(submitted), choose(assessor, other_assessor))
    content = response.content.decode()
    assert response.status_code == 400
    assert f"{other_assessor} {reason}" in content
    assert f'value="{other_assessor.pk}" id="assessor-{other_assessor.pk}" checked' in content
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED
    assert not AssessorAssignment.objects.exists()


def test_a_membership_that_ended_more_than_three_years_ago_is_no_conflict(
    client_as, staff_user, submitted, assessor, other_assessor
):
    Membership.objects.create(
        user=other_assessor,
        organisation=submitted.organisation,
        joined_at=timezone.now() - timedelta(days=8 * 365),
        left_at=timezone.now() - timedelta(days=4 * 365),
    )
    response = client_as(staff_user).post(url(submitted), choose(assessor, other_assessor))
    assert response.status_code == 302
    assert submitted.assignments.count() == 2


def test_an_assessment_already_in_review_cannot_be_assigned_again(
    client_as, staff_user, in_review, other_assessor, assessor
):
    client = client_as(staff_user)
    content = client.get(url(in_review)).content.decode()
    assert "Assessors are assigned to submitted assessments only" in content
    response = client.post(url(in_review), choose(assessor, other_assessor))
    assert response.status_code == 409
    assert "not possible while the assessment is in review" in response.content.decode()
    assert in_review.assignments.count() == 2


def test_the_page_asks_about_conflicts_only_for_suspects(
    client_as, staff_user, submitted, framework, django_assert_max_num_queries
):
    from accounts.models import AssessorProfile
    from tests.factories import UserFactory

    for _n in range(15):
        AssessorProfile.objects.create(user=UserFactory(is_assessor=True), languages=["en"])
    client = client_as(staff_user)
    client.get(url(submitted))
    with django_assert_max_num_queries(12):
        assert client.get(url(submitted)).status_code == 200


def test_after_assigning_the_review_page_opens_with_the_message(client_as, staff_user, submitted, assessor, assessor2):
    response = client_as(staff_user).post(url(submitted), choose(assessor, assessor2), follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("labels:review", args=[submitted.public_id])
    assert "the review is open" in content
    assert 'id="review-summary"' in content


def test_language_names_follow_the_page_language(client_as, staff_user, submitted, assessor):
    content = client_as(staff_user).get(url(submitted), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Englisch, Deutsch" in content


def test_national_assessors_are_marked_and_the_gold_rule_counts_them(
    client_as, staff_user, submitted, assessor, assessor2, other_assessor
):
    # Alpha Cluster is in Germany; other_assessor is national for Italy only.
    AssessorProfile.objects.filter(user=assessor).update(countries=["DE", "AT"])
    content = client_as(staff_user).get(url(submitted)).content.decode()
    assert "National for Germany" in content
    row = content.split(f'id="assessor-{assessor.pk}"')[1].split("</tr>")[0]
    assert "National</span>" in row
    other = content.split(f'id="assessor-{other_assessor.pk}"')[1].split("</tr>")[0]
    assert "Foreign" in other
    assert "Gold: choose one national assessor (for Germany) and one foreign assessor." in content
    assert "Available without a conflict: 1 national, 2 foreign." in content


def test_without_a_national_assessor_the_page_says_to_choose_two_foreign(client_as, staff_user, submitted, assessor):
    content = client_as(staff_user).get(url(submitted)).content.decode()
    assert "no assessor for Germany is available without a conflict of interest" in content


def test_a_national_assessor_with_a_conflict_does_not_count(client_as, staff_user, submitted, assessor, assessor2):
    AssessorProfile.objects.filter(user=assessor).update(countries=["DE"])
    assessor.declared_conflicts.add(submitted.organisation)
    content = client_as(staff_user).get(url(submitted)).content.decode()
    assert "no assessor for Germany is available without a conflict of interest" in content


def test_each_assessor_shows_the_open_assignments(
    client_as, staff_user, submitted, assessor, assessor2, framework, owner_b, org_b
):
    other = assessment_submitted(assessment_draft(organisation=org_b, owner=owner_b), by=owner_b)
    assessment_in_review(other, assessors=[assessor], by=staff_user)
    content = client_as(staff_user).get(url(submitted)).content.decode()
    mine = content.split(f'id="assessor-{assessor.pk}"')[1].split("</tr>")[0]
    theirs = content.split(f'id="assessor-{assessor2.pk}"')[1].split("</tr>")[0]
    assert '<td data-label="Open assignments">1</td>' in mine
    assert '<td data-label="Open assignments">0</td>' in theirs


def test_the_queries_do_not_grow_with_the_assessors(client_as, staff_user, submitted, django_assert_max_num_queries):
    client = client_as(staff_user)
    client.get(url(submitted))
    with django_assert_max_num_queries(14) as counted:
        client.get(url(submitted))
    before = len(counted.captured_queries)
    for n in range(8):
        person = UserFactory(email=f"expert-{n}@example.test", is_assessor=True)
        AssessorProfile.objects.create(user=person, languages=["en", "fr"], countries=["FR"])
    with django_assert_max_num_queries(before):
        assert client.get(url(submitted)).status_code == 200
