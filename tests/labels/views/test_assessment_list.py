"""The list of label applications a user may see."""

import pytest
from django.urls import reverse

from accounts.choices import MembershipRole
from clusterexcellence.registry import navigation_links
from labels import transitions
from tests.factories import MembershipFactory, OrganisationFactory

from ..conftest import fill_answers

URL = "/labels/assessments/"


def test_it_requires_sign_in(client, draft):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a"])
def test_members_see_their_organisations_applications(request, client_as, persona, draft):
    content = client_as(request.getfixturevalue(persona)).get(URL).content.decode()
    assert "Alpha Cluster" in content
    assert draft.get_absolute_url() in content
    assert 'class="badge status-grey">Draft<' in content


def test_it_shows_the_progress_of_answered_indicators(client_as, owner_a, draft):
    fill_answers(draft, owner_a)
    content = client_as(owner_a).get(URL).content.decode()
    assert '<progress max="36" value="36"' in content
    assert "36 of 36" in content


@pytest.mark.parametrize("persona", ["owner_b", "outsider", "club_member", "assessor"])
def test_others_do_not_see_the_application(request, client_as, persona, draft, owner_b):
    content = client_as(request.getfixturevalue(persona)).get(URL).content.decode()
    assert draft.get_absolute_url() not in content


def test_the_board_sees_submitted_applications_only(client_as, board_member, draft, owner_a):
    assert draft.get_absolute_url() not in client_as(board_member).get(URL).content.decode()
    fill_answers(draft, owner_a)
    transitions.assessment_submit(assessment=draft, by=owner_a)
    assert draft.get_absolute_url() in client_as(board_member).get(URL).content.decode()


def test_owners_and_editors_are_offered_to_apply(client_as, owner_a, viewer_a, org_a):
    start = reverse("labels:assessment_start", args=[org_a.slug])
    assert start in client_as(owner_a).get(URL).content.decode()
    assert start not in client_as(viewer_a).get(URL).content.decode()


def test_it_takes_a_bounded_number_of_queries(client_as, framework, staff_user, django_assert_max_num_queries):
    def add_application():
        owner = MembershipFactory(role=MembershipRole.OWNER, organisation=OrganisationFactory()).user
        transitions.assessment_start(organisation=owner.memberships.get().organisation, level="bronze", by=owner)

    add_application()
    client = client_as(staff_user)
    client.get(URL)  # warm the session
    with django_assert_max_num_queries(8) as one:
        client.get(URL)
    for _ in range(5):
        add_application()
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(URL)
    assert response.content.decode().count('class="badge status-grey"') == 6


def test_the_navigation_links_members_to_their_applications(owner_a, viewer_a, outsider):
    assert URL in [url for _label, url in navigation_links(owner_a)]
    assert URL in [url for _label, url in navigation_links(viewer_a)]
    assert URL not in [url for _label, url in navigation_links(outsider)]
