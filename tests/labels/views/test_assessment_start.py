"""Starting an application for a label level, from the organisation's page."""

import pytest

from labels.models import Assessment, AssessmentStatus

from .self_assessment_helpers import completed_bronze

URL = "/labels/organisations/alpha-cluster/apply/"


def test_it_requires_sign_in(client, org_a):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, org_a, framework):
    assert client_as(request.getfixturevalue(persona)).get(URL).status_code == 404


def test_it_refuses_viewers(client_as, viewer_a, framework):
    client = client_as(viewer_a)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"level": "bronze"}).status_code == 403
    assert not Assessment.objects.exists()


def test_it_offers_the_three_levels_with_their_taglines(client_as, owner_a, framework):
    content = client_as(owner_a).get(URL).content.decode()
    for text in ("Striving for Cluster Excellence", "Dedicated to Cluster Excellence", "Proven for Cluster Excellence"):
        assert text in content
    assert content.count('type="radio" name="level"') == 3
    assert 'name="renewal"' in content


def test_it_warns_before_choosing_that_silver_needs_an_earlier_bronze(client_as, owner_a, framework):
    content = client_as(owner_a).get(URL).content.decode()
    assert "Not possible now:" in content
    assert "Silver needs a completed Bronze benchmarking 18 to 24 months earlier" in content


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_start_an_application(request, client_as, persona, framework, org_a):
    response = client_as(request.getfixturevalue(persona)).post(URL, {"level": "gold"})
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == assessment.get_absolute_url()
    assert (assessment.organisation, assessment.level, assessment.status) == (org_a, "gold", AssessmentStatus.DRAFT)
    assert assessment.framework == framework


def test_silver_without_an_earlier_bronze_is_refused_with_the_reason(client_as, owner_a, framework):
    response = client_as(owner_a).post(URL, {"level": "silver"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Apply for Bronze first." in content
    assert 'class="errorlist' in content
    assert not Assessment.objects.exists()


def test_silver_is_accepted_with_a_bronze_benchmarking_in_the_window(client_as, owner_a, framework, org_a):
    completed_bronze(framework, org_a)
    response = client_as(owner_a).post(URL, {"level": "silver"})
    assert response.status_code == 302
    assert Assessment.objects.get(status=AssessmentStatus.DRAFT).level == "silver"


def test_a_second_open_application_is_refused(client_as, owner_a, draft):
    response = client_as(owner_a).post(URL, {"level": "bronze"})
    assert response.status_code == 200
    assert "already has an open Gold application" in response.content.decode()
    assert Assessment.objects.count() == 1


def test_a_renewal_needs_an_earlier_label(client_as, owner_a, framework):
    response = client_as(owner_a).post(URL, {"level": "bronze", "renewal": "on"})
    assert response.status_code == 200
    assert "A renewal needs an earlier Bronze label" in response.content.decode()


@pytest.mark.parametrize("data", [{}, {"level": "platinum"}])
def test_a_missing_or_unknown_level_is_a_field_error(client_as, owner_a, framework, data):
    response = client_as(owner_a).post(URL, data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_organisation_page_links_owners_and_editors_here(client_as, owner_a, viewer_a):
    assert f'href="{URL}"' in client_as(owner_a).get("/organisations/alpha-cluster/").content.decode()
    assert f'href="{URL}"' not in client_as(viewer_a).get("/organisations/alpha-cluster/").content.decode()
