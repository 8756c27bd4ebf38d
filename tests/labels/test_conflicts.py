"""Conflicts of interest: who may not assess an organisation, and the assignment that refuses them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.choices import MembershipRole
from accounts.models import AssessorProfile, Membership
from labels import transitions
from labels.conflicts import assessor_conflict, conflict_of_interest, conflicts_of_interest
from labels.models import AssessmentStatus
from tests.factories import UserFactory


def member_of(organisation, user, *, left_years_ago=None):
    left_at = None if left_years_ago is None else timezone.now() - timedelta(days=round(365.25 * left_years_ago))
    Membership.objects.create(user=user, organisation=organisation, role=MembershipRole.EDITOR, left_at=left_at)


def test_an_assessor_without_ties_has_no_conflict(org_a, assessor):
    assert assessor_conflict(assessor, org_a) is None


def test_a_current_member_has_a_conflict(org_a, assessor):
    member_of(org_a, assessor)

    reason = assessor_conflict(assessor, org_a)

    assert reason == f"{assessor} is or was a member of Alpha Cluster within the last 3 years."


def test_a_member_who_left_2_years_ago_still_has_a_conflict(org_a, assessor):
    member_of(org_a, assessor, left_years_ago=2)

    assert "within the last 3 years" in assessor_conflict(assessor, org_a)


def test_a_member_who_left_4_years_ago_has_no_conflict(org_a, assessor):
    member_of(org_a, assessor, left_years_ago=4)

    assert assessor_conflict(assessor, org_a) is None


def test_a_membership_elsewhere_is_no_conflict(org_a, org_b, assessor):
    member_of(org_b, assessor)

    assert assessor_conflict(assessor, org_a) is None


def test_a_declared_conflict_counts(org_a, assessor):
    assessor.declared_conflicts.add(org_a)

    assert assessor_conflict(assessor, org_a) == f"{assessor} has declared a conflict of interest with Alpha Cluster."


def test_a_declared_conflict_with_another_organisation_does_not(org_a, org_b, assessor):
    assessor.declared_conflicts.add(org_b)

    assert assessor_conflict(assessor, org_a) is None


def test_an_assessor_without_a_profile_is_checked_by_membership_only(org_a):
    bare = UserFactory(is_assessor=True)

    assert not AssessorProfile.objects.filter(user=bare).exists()
    assert assessor_conflict(bare, org_a) is None


@pytest.mark.parametrize("persona", ["board_member", "staff_user", "outsider"])
def test_someone_who_is_not_an_assessor_is_refused(request, org_a, persona):
    person = request.getfixturevalue(persona)

    assert assessor_conflict(person, org_a) == f"{person} is not a certified assessor."


def test_an_assignment_with_a_conflict_is_refused_with_the_reason(submitted, org_a, staff_user, assessor, assessor2):
    member_of(org_a, assessor2, left_years_ago=1)

    with pytest.raises(ValidationError) as error:
        transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)

    assert error.value.messages == [f"{assessor2} is or was a member of Alpha Cluster within the last 3 years."]
    submitted.refresh_from_db()
    assert submitted.status == AssessmentStatus.SUBMITTED
    assert not submitted.assignments.exists()
    assert not submitted.reviews.exists()


def test_every_conflict_is_listed(submitted, org_a, staff_user, assessor, assessor2):
    member_of(org_a, assessor)
    assessor2.declared_conflicts.add(org_a)

    with pytest.raises(ValidationError) as error:
        transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)

    assert len(error.value.messages) == 2


def test_a_board_member_cannot_be_assigned(submitted, staff_user, assessor, board_member):
    with pytest.raises(ValidationError, match="not a certified assessor"):
        transitions.assessment_assign(assessment=submitted, assessors=[assessor, board_member], by=staff_user)


def test_a_former_member_from_long_ago_can_be_assigned(submitted, org_a, staff_user, assessor, assessor2):
    member_of(org_a, assessor2, left_years_ago=4)

    in_review = transitions.assessment_assign(assessment=submitted, assessors=[assessor, assessor2], by=staff_user)

    assert in_review.status == AssessmentStatus.IN_REVIEW


# The same rules for the board member who decides


def test_a_board_members_declared_conflict_counts(org_a, board_member):
    board_member.declared_conflicts.add(org_a)

    assert conflict_of_interest(board_member, org_a) == (
        f"{board_member} has declared a conflict of interest with Alpha Cluster."
    )


def test_a_board_member_who_left_two_years_ago_has_a_conflict(org_a, board_member):
    member_of(org_a, board_member, left_years_ago=2)

    assert "within the last 3 years" in conflict_of_interest(board_member, org_a)


def test_conflicts_with_many_organisations_cost_two_queries(org_a, org_b, board_member, django_assert_num_queries):
    member_of(org_a, board_member)
    board_member.declared_conflicts.add(org_b)

    with django_assert_num_queries(2):
        reasons = conflicts_of_interest(board_member, [org_a, org_b])

    assert set(reasons) == {org_a.pk, org_b.pk}
