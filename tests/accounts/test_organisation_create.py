import pytest

from accounts.choices import MembershipRole
from accounts.models import Membership, Organisation
from tests.factories import OrganisationFactory


def profile(**overrides):
    data = {
        "name": "Gamma Cluster",
        "slug": "",
        "legal_form": "association",
        "country": "AT",
        "region": "Styria",
        "sector": "mobility",
        "technologies": "batteries",
        "year_founded": "2012",
        "staff_fte": "2.5",
        "participants_sme": "30",
        "participants_large": "4",
        "participants_research": "3",
        "participants_university": "2",
        "participants_public": "1",
        "participants_financial": "0",
        "website": "https://gamma.example.test",
        "description": "Mobility cluster",
        "services": ["innovation", "networking"],
        "contact_name": "Grete Gamma",
        "contact_email": "grete@gamma.example.test",
        "contact_phone": "+43 1 234",
    }
    data.update(overrides)
    return data


def test_it_requires_sign_in(client, db):
    response = client.get("/organisations/new/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_profile_form(client_as, outsider):
    response = client_as(outsider).get("/organisations/new/")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="participants_university"' in content
    assert 'type="checkbox" name="services" value="policy"' in content
    assert '<option value="AT">Austria</option>' in content


def test_it_makes_the_creator_the_owner(client_as, outsider):
    response = client_as(outsider).post("/organisations/new/", profile())
    organisation = Organisation.objects.get(name="Gamma Cluster")
    assert response.status_code == 302
    assert response["Location"] == "/organisations/gamma-cluster/"
    assert Membership.objects.get(organisation=organisation).user == outsider
    assert Membership.objects.get(organisation=organisation).role == MembershipRole.OWNER


def test_it_stores_every_profile_field(client_as, outsider):
    client_as(outsider).post("/organisations/new/", profile())
    organisation = Organisation.objects.get(name="Gamma Cluster")
    assert organisation.services == ["innovation", "networking"]
    assert organisation.participants_total == 40
    assert str(organisation.staff_fte) == "2.50"
    assert organisation.country.code == "AT"
    assert organisation.contact_phone == "+43 1 234"


def test_it_derives_a_free_slug_from_the_name(client_as, outsider):
    OrganisationFactory(name="Other", slug="gamma-cluster")
    client_as(outsider).post("/organisations/new/", profile())
    assert Organisation.objects.get(name="Gamma Cluster").slug == "gamma-cluster-2"


def test_it_accepts_a_chosen_slug(client_as, outsider):
    client_as(outsider).post("/organisations/new/", profile(slug="gamma"))
    assert Organisation.objects.get(name="Gamma Cluster").slug == "gamma"


@pytest.mark.parametrize("slug", ["alpha-cluster", "new"])
def test_it_refuses_a_taken_or_reserved_slug(client_as, outsider, org_a, slug):
    response = client_as(outsider).post("/organisations/new/", profile(slug=slug))
    assert response.status_code == 200
    assert "This short name is already taken" in response.content.decode()
    assert not Organisation.objects.filter(name="Gamma Cluster").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("year_founded", "1800"),
        ("year_founded", "soon"),
        ("staff_fte", "-1"),
        ("participants_sme", "-3"),
        ("participants_sme", "1000000"),
        ("country", "XX"),
        ("sector", "weapons"),
        ("services", ["innovation", "smuggling"]),
        ("website", "not a url"),
        ("contact_email", "nobody"),
        ("description", "x" * 1_000_000),
    ],
)
def test_it_shows_field_errors_for_bad_input(client_as, outsider, field, value):
    response = client_as(outsider).post("/organisations/new/", profile(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert not Organisation.objects.exists()
