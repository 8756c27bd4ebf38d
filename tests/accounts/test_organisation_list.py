from accounts.choices import MembershipRole
from tests.factories import MembershipFactory, OrganisationFactory


def test_it_requires_sign_in(client, db):
    response = client.get("/organisations/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_lists_only_the_users_organisations(client_as, owner_a, owner_b):
    content = client_as(owner_a).get("/organisations/").content.decode()
    assert "Alpha Cluster" in content
    assert "Beta Cluster" not in content


def test_it_shows_the_users_role(client_as, viewer_a):
    content = client_as(viewer_a).get("/organisations/").content.decode()
    assert "Viewer" in content


def test_it_is_empty_for_outsiders(client_as, outsider, org_a, org_b):
    content = client_as(outsider).get("/organisations/").content.decode()
    assert "Alpha Cluster" not in content
    assert "You do not belong to any cluster organisation yet" in content


def test_it_leaves_out_organisations_the_user_left(client_as, editor_a, owner_a):
    from accounts.memberships import membership_end

    membership_end(membership=editor_a.memberships.get())
    assert "Alpha Cluster" not in client_as(editor_a).get("/organisations/").content.decode()


def test_staff_see_every_organisation(client_as, staff_user, org_a, org_b):
    content = client_as(staff_user).get("/organisations/").content.decode()
    assert "Alpha Cluster" in content
    assert "Beta Cluster" in content


def test_it_paginates(client_as, staff_user):
    OrganisationFactory.create_batch(30)
    client = client_as(staff_user)
    first = client.get("/organisations/").content.decode()
    second = client.get("/organisations/?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert "Page 2 of 2" in second
    assert first.count("<tr>") == 26  # header row and 25 organisations
    assert second.count("<tr>") == 6


def test_a_bad_page_number_shows_a_page_instead_of_an_error(client_as, staff_user, org_a):
    assert client_as(staff_user).get("/organisations/?page=abc").status_code == 200
    assert client_as(staff_user).get("/organisations/?page=999").status_code == 200


def test_its_query_count_does_not_grow_with_the_organisations(client_as, outsider, django_assert_max_num_queries):
    for organisation in OrganisationFactory.create_batch(20):
        MembershipFactory(organisation=organisation, user=outsider, role=MembershipRole.EDITOR)
    client = client_as(outsider)
    with django_assert_max_num_queries(4):  # session's user, roles, the organisations shown, club status
        response = client.get("/organisations/")
    assert response.content.decode().count("Editor") == 20


def test_its_query_count_for_staff_does_not_grow_with_the_organisations(
    client_as, staff_user, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(40)
    client = client_as(staff_user)
    with django_assert_max_num_queries(6):
        client.get("/organisations/")


def test_a_member_with_more_organisations_than_a_page_gets_pages(client_as, outsider, django_assert_max_num_queries):
    for organisation in OrganisationFactory.create_batch(27):
        MembershipFactory(organisation=organisation, user=outsider, role=MembershipRole.VIEWER)
    client = client_as(outsider)

    first = client.get("/organisations/").content.decode()
    with django_assert_max_num_queries(4):
        second = client.get("/organisations/?page=2").content.decode()

    assert "Page 1 of 2" in first and first.count("<tr>") == 26
    assert "Page 2 of 2" in second and second.count("<tr>") == 3
