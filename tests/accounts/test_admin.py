import pytest

from accounts.models import User
from tests.factories import UserFactory


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.test", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/accounts/user/add/",
        "/admin/accounts/organisation/",
        "/admin/accounts/organisation/add/",
        "/admin/accounts/membership/",
        "/admin/accounts/invitation/",
        "/admin/accounts/assessorprofile/",
        "/admin/accounts/organisation/?country__exact=DE&sector__exact=ict&q=Alpha",
    ],
)
def test_admin_pages_render(client_as, superuser, owner_a, invitation, assessor, path):
    assert client_as(superuser).get(path).status_code == 200


def test_change_pages_render(client_as, superuser, owner_a, org_a, assessor):
    client = client_as(superuser)
    assert client.get(f"/admin/accounts/user/{owner_a.pk}/change/").status_code == 200
    assert client.get(f"/admin/accounts/organisation/{org_a.pk}/change/").status_code == 200
    assert client.get(f"/admin/accounts/assessorprofile/{assessor.assessor_profile.pk}/change/").status_code == 200


def test_staff_add_users_by_e_mail(client_as, superuser):
    response = client_as(superuser).post(
        "/admin/accounts/user/add/",
        {
            "email": "New.Assessor@example.test",
            "usable_password": "true",
            "password1": "a-long-enough-password-42",
            "password2": "a-long-enough-password-42",
            "is_assessor": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    user = User.objects.get(email__iexact="new.assessor@example.test")
    assert user.check_password("a-long-enough-password-42")


def test_the_organisation_search_finds_by_name(client_as, superuser, org_a, org_b):
    content = client_as(superuser).get("/admin/accounts/organisation/?q=Beta").content.decode()
    assert "Beta Cluster" in content
    assert "Alpha Cluster" not in content


def test_non_staff_cannot_reach_the_admin(client_as, owner_a):
    response = client_as(owner_a).get("/admin/accounts/organisation/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
