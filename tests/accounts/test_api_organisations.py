import pytest

from accounts import memberships
from accounts.choices import MembershipRole
from accounts.models import Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory

LIST = "/api/organisations/"
DETAIL = "/api/organisations/alpha-cluster/"


def new_profile(**overrides):
    data = {
        "name": "Gamma Cluster",
        "country": "AT",
        "sector": "mobility",
        "year_founded": 2012,
        "participants_sme": 30,
        "participants_research": 2,
        "services": ["networking", "innovation"],
        "website": "https://gamma.example.test",
    }
    data.update(overrides)
    return data


# list ----------------------------------------------------------------------------------------


def test_the_list_refuses_anonymous_callers(api_as, org_a):
    assert api_as(None).get(LIST).status_code in (401, 403)


def test_the_list_shows_only_the_callers_organisations(api_as, owner_a, owner_b):
    response = api_as(owner_a).get(LIST)
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == ["alpha-cluster"]


def test_the_list_is_empty_for_outsiders(api_as, outsider, org_a):
    assert api_as(outsider).get(LIST).json()["results"] == []


def test_staff_list_every_organisation(api_as, staff_user, org_a, org_b):
    slugs = [item["slug"] for item in api_as(staff_user).get(LIST).json()["results"]]
    assert slugs == ["alpha-cluster", "beta-cluster"]


def test_the_list_exposes_the_profile_by_slug_and_public_id(api_as, owner_a, org_a):
    item = api_as(owner_a).get(LIST).json()["results"][0]
    assert item["public_id"] == str(org_a.public_id)
    assert item["participants_total"] == 50
    assert item["your_role"] == "owner"
    assert item["country"] == "DE"
    assert "id" not in item
    for field in ("participants_university", "services", "contact_email", "legal_form", "staff_fte"):
        assert field in item


def test_the_list_query_count_does_not_grow(api_as, outsider, django_assert_max_num_queries):
    for organisation in OrganisationFactory.create_batch(15):
        MembershipFactory(organisation=organisation, user=outsider, role=MembershipRole.VIEWER)
    client = api_as(outsider)
    with django_assert_max_num_queries(4):
        response = client.get(LIST)
    assert response.json()["count"] == 15


# create --------------------------------------------------------------------------------------


def test_any_signed_in_user_creates_an_organisation_and_becomes_its_owner(api_as, outsider):
    response = api_as(outsider).post(LIST, new_profile(), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["slug"] == "gamma-cluster"
    assert body["your_role"] == "owner"
    assert body["services"] == ["innovation", "networking"]
    organisation = Organisation.objects.get(slug="gamma-cluster")
    assert Membership.objects.get(organisation=organisation).user == outsider


def test_create_accepts_a_chosen_slug(api_as, outsider):
    assert api_as(outsider).post(LIST, new_profile(slug="gamma"), format="json").json()["slug"] == "gamma"


def test_create_derives_a_free_slug(api_as, outsider, org_a):
    response = api_as(outsider).post(LIST, new_profile(name="Alpha Cluster"), format="json")
    assert response.json()["slug"] == "alpha-cluster-2"


@pytest.mark.parametrize("slug", ["alpha-cluster", "new"])
def test_create_refuses_a_taken_slug(api_as, outsider, org_a, slug):
    response = api_as(outsider).post(LIST, new_profile(slug=slug), format="json")
    assert response.status_code == 400
    assert "slug" in response.json()


def test_create_refuses_anonymous_callers(api_as, db):
    assert api_as(None).post(LIST, new_profile(), format="json").status_code in (401, 403)
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("year_founded", 1800),
        ("country", "XX"),
        ("sector", "weapons"),
        ("services", ["smuggling"]),
        ("services", "innovation"),
        ("participants_sme", -1),
        ("website", "nope"),
        ("staff_fte", "lots"),
        ("description", "x" * 1_000_000),
        ("contact_name", "x" * 121),
    ],
)
def test_create_refuses_bad_input_with_field_errors(api_as, outsider, field, value):
    response = api_as(outsider).post(LIST, new_profile(**{field: value}), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Organisation.objects.exists()


def test_create_takes_the_next_slug_when_another_creator_took_it_a_moment_ago(api_as, outsider, monkeypatch):
    """The slug was free when suggested, but another request stored it before this one could."""
    OrganisationFactory(name="Elsewhere", slug="gamma-cluster")
    real_suggest = memberships.suggest_slug
    suggestions = iter(["gamma-cluster"])
    monkeypatch.setattr(memberships, "suggest_slug", lambda name: next(suggestions, None) or real_suggest(name))

    response = api_as(outsider).post(LIST, new_profile(), format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "gamma-cluster-2"


def test_read_only_fields_are_ignored_on_create(api_as, outsider):
    response = api_as(outsider).post(
        LIST, new_profile(public_id="00000000-0000-0000-0000-000000000000", participants_total=999), format="json"
    )
    assert response.json()["public_id"] != "00000000-0000-0000-0000-000000000000"
    assert response.json()["participants_total"] == 32


# retrieve ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_retrieve_the_profile(request, api_as, persona, org_a):
    user = request.getfixturevalue(persona)
    response = api_as(user).get(DETAIL)
    assert response.status_code == 200
    assert response.json()["name"] == "Alpha Cluster"


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_retrieve_is_not_found_outside_the_callers_scope(request, api_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).get(DETAIL).status_code == 404


def test_the_database_id_is_not_an_address(api_as, staff_user, org_a):
    assert api_as(staff_user).get(f"/api/organisations/{org_a.pk}/").status_code == 404


# update --------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_change_the_profile(request, api_as, persona, org_a):
    user = request.getfixturevalue(persona)
    response = api_as(user).patch(DETAIL, {"region": "Swabia", "participants_public": 3}, format="json")
    assert response.status_code == 200
    org_a.refresh_from_db()
    assert org_a.region == "Swabia"
    assert response.json()["participants_total"] == 53


def test_owners_replace_the_profile(api_as, owner_a, org_a):
    response = api_as(owner_a).put(DETAIL, new_profile(name="Alpha Renamed"), format="json")
    assert response.status_code == 200
    org_a.refresh_from_db()
    assert org_a.name == "Alpha Renamed"
    assert org_a.slug == "alpha-cluster"


def test_the_slug_cannot_be_changed(api_as, owner_a, org_a):
    api_as(owner_a).patch(DETAIL, {"slug": "other"}, format="json")
    org_a.refresh_from_db()
    assert org_a.slug == "alpha-cluster"


@pytest.mark.parametrize("persona", ["viewer_a", "staff_user"])
def test_update_refuses_viewers_and_staff(request, api_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).patch(DETAIL, {"region": "Nowhere"}, format="json").status_code == 403
    org_a.refresh_from_db()
    assert org_a.region == "Bavaria"


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_update_is_not_found_outside_the_callers_scope(request, api_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert api_as(user).patch(DETAIL, {"region": "Nowhere"}, format="json").status_code == 404


def test_update_refuses_bad_input(api_as, owner_a, org_a):
    response = api_as(owner_a).patch(DETAIL, {"year_founded": "old"}, format="json")
    assert response.status_code == 400
    assert "year_founded" in response.json()


def test_organisations_cannot_be_deleted(api_as, owner_a, org_a):
    assert api_as(owner_a).delete(DETAIL).status_code == 405
    assert Organisation.objects.filter(pk=org_a.pk).exists()
