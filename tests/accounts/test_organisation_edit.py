import pytest

from .test_organisation_create import profile

URL = "/organisations/alpha-cluster/edit/"


def test_it_requires_sign_in(client, org_a):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_edit_the_profile(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    client = client_as(user)
    assert client.get(URL).status_code == 200
    response = client.post(URL, profile(name="Alpha Cluster Renamed", services=["policy"]))
    assert response.status_code == 302
    assert response["Location"] == "/organisations/alpha-cluster/"
    org_a.refresh_from_db()
    assert org_a.name == "Alpha Cluster Renamed"
    assert org_a.services == ["policy"]


def test_the_slug_stays_as_it_is(client_as, owner_a, org_a):
    client_as(owner_a).post(URL, profile(slug="hijacked"))
    org_a.refresh_from_db()
    assert org_a.slug == "alpha-cluster"


def test_the_form_is_filled_with_the_current_profile(client_as, owner_a, org_a):
    org_a.services = ["skills"]
    org_a.save()
    content = client_as(owner_a).get(URL).content.decode()
    assert 'value="Alpha Cluster"' in content
    assert 'value="skills" id="id_services_4" checked' in content


@pytest.mark.parametrize("persona", ["viewer_a", "staff_user"])
def test_it_refuses_viewers_and_staff(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).get(URL).status_code == 403
    assert client_as(user).post(URL, profile(name="Hacked")).status_code == 403
    org_a.refresh_from_db()
    assert org_a.name == "Alpha Cluster"


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_it_is_not_found_for_outsiders_and_other_owners(request, client_as, persona, org_a):
    user = request.getfixturevalue(persona)
    assert client_as(user).get(URL).status_code == 404
    assert client_as(user).post(URL, profile(name="Hacked")).status_code == 404


def test_bad_input_shows_field_errors(client_as, owner_a, org_a):
    response = client_as(owner_a).post(URL, profile(year_founded="12"))
    assert response.status_code == 200
    assert "year_founded" in response.context["form"].errors
