"""GET /api/assessments/: what each persona may list, filters and query count."""

import pytest

from accounts.choices import MembershipRole
from labels import transitions
from tests.factories import MembershipFactory

from .conftest import api_url


def _ids(response):
    assert response.status_code == 200, response.json()
    return {item["id"] for item in response.json()["results"]}


@pytest.fixture
def draft_b(framework, org_b, owner_b):
    return transitions.assessment_start(organisation=org_b, level="bronze", by=owner_b)


def _drafts(count, framework):
    """Drafts of `count` further organisations."""
    drafts = []
    for _n in range(count):
        owner = MembershipFactory(role=MembershipRole.OWNER).user
        organisation = owner.memberships.get().organisation
        drafts.append(transitions.assessment_start(organisation=organisation, level="bronze", by=owner))
    return drafts


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a"])
def test_members_list_their_organisations_assessments(request, api_as, draft, draft_b, persona):
    response = api_as(request.getfixturevalue(persona)).get(api_url())

    assert _ids(response) == {str(draft.public_id)}
    item = response.json()["results"][0]
    assert item["organisation"] == {"slug": "alpha-cluster", "name": "Alpha Cluster"}
    assert (item["level"], item["status"], item["renewal"]) == ("gold", "draft", False)


@pytest.mark.parametrize("persona", ["outsider", "club_member", "assessor"])
def test_others_list_nothing(request, api_as, draft, draft_b, persona):
    assert _ids(api_as(request.getfixturevalue(persona)).get(api_url())) == set()


def test_assessors_list_only_their_assignments(api_as, in_review, draft_b, assessor):
    assert _ids(api_as(assessor).get(api_url())) == {str(in_review.public_id)}


def test_the_board_lists_what_was_submitted_but_no_drafts(api_as, submitted, draft_b, board_member):
    assert _ids(api_as(board_member).get(api_url())) == {str(submitted.public_id)}


def test_staff_list_everything(api_as, draft, draft_b, staff_user):
    assert _ids(api_as(staff_user).get(api_url())) == {str(draft.public_id), str(draft_b.public_id)}


def test_it_refuses_anonymous_callers(api_as, draft):
    assert api_as(None).get(api_url()).status_code in (401, 403)


def test_it_filters_by_status_level_and_organisation(api_as, submitted, draft_b, staff_user):
    client = api_as(staff_user)

    assert _ids(client.get(api_url(), {"status": "submitted"})) == {str(submitted.public_id)}
    assert _ids(client.get(api_url(), {"level": "bronze"})) == {str(draft_b.public_id)}
    assert _ids(client.get(api_url(), {"organisation": "beta-cluster"})) == {str(draft_b.public_id)}
    assert _ids(client.get(api_url(), {"organisation": "alpha-cluster", "status": "draft"})) == set()


def test_it_refuses_an_unknown_status_filter(api_as, draft, staff_user):
    response = api_as(staff_user).get(api_url(), {"status": "lost"})

    assert response.status_code == 400
    assert "status" in response.json()


def test_the_list_costs_the_same_queries_for_many_assessments(
    api_as, framework, staff_user, django_assert_max_num_queries
):
    _drafts(12, framework)
    client = api_as(staff_user)

    with django_assert_max_num_queries(3):
        response = client.get(api_url())

    assert response.json()["count"] == 12
