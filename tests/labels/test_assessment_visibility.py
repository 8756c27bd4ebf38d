"""Who sees which assessment: Assessment.objects.visible_to(user) for every persona and state."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from labels import permissions, transitions
from labels.models import Assessment
from tests.factories import UserFactory
from tests.labels import built_fixtures

# Assessments built with bulk inserts; tests/labels/test_transitions.py covers how they get there.
draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended

STATES = ["draft", "submitted", "in_review", "clarification", "recommended", "approved", "rejected", "withdrawn"]
ASSIGNED = {"in_review", "clarification", "recommended", "approved", "rejected"}
HIDDEN_FROM_BOARD = {"draft", "withdrawn"}
NOT_FIXTURES = {"unassigned_assessor", "anonymous"}


@pytest.fixture
def assessment_in(request, framework, owner_a, assessor, board_member):
    """assessment_in(state) builds organisation A's Gold assessment in that state."""

    def build(state):
        if state == "withdrawn":
            draft = request.getfixturevalue("draft")
            return transitions.assessment_withdraw(assessment=draft, by=owner_a)
        if state == "clarification":
            assessment = request.getfixturevalue("in_review")
            transitions.clarification_request(
                assessment=assessment, indicators=[assessment.framework.indicators.first()], message="?", by=assessor
            )
        elif state in ("approved", "rejected"):
            assessment = request.getfixturevalue("recommended")
            transitions.assessment_decide(
                assessment=assessment, approve=state == "approved", reason="Decided.", by=board_member
            )
        else:
            assessment = request.getfixturevalue(state)
        assessment.refresh_from_db()
        assert assessment.status == state
        return assessment

    return build


def visible(user, assessment) -> bool:
    return Assessment.objects.visible_to(user).filter(pk=assessment.pk).exists()


def expected_viewers(state) -> dict[str, bool]:
    return {
        "owner_a": True,
        "editor_a": True,
        "viewer_a": True,
        "staff_user": True,
        "board_member": state not in HIDDEN_FROM_BOARD,
        "assessor": state in ASSIGNED,
        "assessor2": state in ASSIGNED,
        "unassigned_assessor": False,
        "owner_b": False,
        "club_member": False,
        "outsider": False,
        "anonymous": False,
    }


@pytest.mark.parametrize("state", STATES)
def test_who_sees_an_assessment_in_each_state(request, assessment_in, state):
    """Members and staff always; the board once submitted and not withdrawn; assessors once assigned."""
    people = {name: request.getfixturevalue(name) for name in expected_viewers(state) if name not in NOT_FIXTURES}
    people["unassigned_assessor"] = UserFactory(is_assessor=True)
    people["anonymous"] = AnonymousUser()
    assessment = assessment_in(state)

    seen = {name: visible(person, assessment) for name, person in people.items()}

    assert seen == expected_viewers(state)


def test_a_member_who_left_no_longer_sees_it(draft, editor_a):
    editor_a.memberships.update(left_at=timezone.now())

    assert not visible(editor_a, draft)


def test_being_an_assessor_elsewhere_does_not_hide_the_own_organisation(draft, org_a, assessor):
    from accounts.models import Membership

    Membership.objects.create(user=assessor, organisation=org_a, role="viewer")

    assert visible(assessor, draft)


def test_each_assessment_appears_once_for_a_user_with_several_reasons(in_review, org_a, assessor):
    from accounts.models import Membership

    Membership.objects.create(user=assessor, organisation=org_a, role="viewer")  # a member and assigned

    assert list(Assessment.objects.visible_to(assessor)) == [in_review]


def test_the_viewer_sees_only_its_own_organisations_assessments(draft, framework, org_b, owner_b, viewer_a):
    other = transitions.assessment_start(organisation=org_b, level="bronze", by=owner_b)

    assert list(Assessment.objects.visible_to(viewer_a)) == [draft]
    assert list(Assessment.objects.visible_to(owner_b)) == [other]


# The predicates the pages ask once an assessment is visible


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("assessor", True),
        ("assessor2", True),
        ("board_member", True),
        ("staff_user", True),
        ("owner_a", False),
        ("viewer_a", False),
        ("outsider", False),
    ],
)
def test_the_working_notes_of_the_review_are_for_assessors_board_and_staff(request, in_review, persona, expected):
    assert permissions.can_see_review(request.getfixturevalue(persona), in_review) == expected


def test_nobody_anonymous_sees_the_review(in_review):
    assert not permissions.can_see_review(AnonymousUser(), in_review)
    assert not permissions.can_review(AnonymousUser(), in_review)
    assert not permissions.can_decide(AnonymousUser(), in_review)
    assert not permissions.can_assign(AnonymousUser())
