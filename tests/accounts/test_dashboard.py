import pytest

from tests.factories import ClubMembershipFactory

SECTIONS = {
    "organisations": 'id="dashboard-organisations"',
    "assessor": 'id="dashboard-assessor"',
    "board": 'id="dashboard-board"',
    "staff": 'id="dashboard-staff"',
}


def sections_shown(response):
    content = response.content.decode()
    return {name for name, marker in SECTIONS.items() if marker in content}


def test_it_requires_sign_in(client, db):
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_lists_the_users_organisations_with_role_and_links(client_as, owner_a, org_a):
    response = client_as(owner_a).get("/dashboard/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Alpha Cluster" in content
    assert "Owner" in content
    assert f'href="/organisations/{org_a.slug}/members/"' in content
    assert f'href="/organisations/{org_a.slug}/edit/"' in content


def test_it_offers_no_edit_link_to_viewers(client_as, viewer_a, org_a):
    content = client_as(viewer_a).get("/dashboard/").content.decode()
    assert "Viewer" in content
    assert f'href="/organisations/{org_a.slug}/edit/"' not in content


def test_it_leaves_out_organisations_the_user_left(client_as, editor_a, owner_a, org_a):
    from accounts.memberships import membership_end

    membership_end(membership=editor_a.memberships.get())
    content = client_as(editor_a).get("/dashboard/").content.decode()
    assert "Alpha Cluster" not in content


def test_it_invites_outsiders_to_create_an_organisation(client_as, outsider):
    content = client_as(outsider).get("/dashboard/").content.decode()
    assert "You do not belong to any cluster organisation yet" in content
    assert 'href="/organisations/new/"' in content


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("outsider", {"organisations"}),
        ("owner_a", {"organisations"}),
        ("assessor", {"assessor"}),
        ("board_member", {"board"}),
        ("staff_user", {"staff"}),
        ("club_member", set()),
    ],
)
def test_it_shows_only_the_sections_of_the_roles_the_user_holds(request, client_as, persona, expected):
    user = request.getfixturevalue(persona)
    assert sections_shown(client_as(user).get("/dashboard/")) == expected


def test_it_shows_every_section_to_a_member_holding_every_role(client_as, owner_a):
    owner_a.is_assessor = owner_a.is_board_member = owner_a.is_staff = True
    owner_a.save()
    ClubMembershipFactory(user=owner_a)
    assert sections_shown(client_as(owner_a).get("/dashboard/")) == set(SECTIONS)


def test_it_does_not_greet_a_role_holder_without_an_organisation_with_creating_one(client_as, assessor):
    content = client_as(assessor).get("/dashboard/").content.decode()
    assert 'href="/organisations/new/"' not in content


def test_it_links_staff_to_the_administration(client_as, staff_user):
    content = client_as(staff_user).get("/dashboard/").content.decode()
    assert 'href="/admin/"' in content


def test_it_shows_the_two_factor_status(client_as, assessor, with_totp):
    assert "Your role requires it." in client_as(assessor).get("/dashboard/").content.decode()
    with_totp(assessor)
    content = client_as(assessor).get("/dashboard/").content.decode()
    assert "Your role requires it." not in content
