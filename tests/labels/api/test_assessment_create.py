"""POST /api/assessments/: starting an application."""

import pytest

from labels.models import Assessment

from .conftest import api_url


def _apply(client, **body):
    return client.post(api_url(), {"organisation": "alpha-cluster", "level": "bronze", **body}, format="json")


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_start_a_draft(request, api_as, framework, persona):
    user = request.getfixturevalue(persona)

    response = _apply(api_as(user))

    assert response.status_code == 201
    data = response.json()
    assessment = Assessment.objects.get(public_id=data["id"])
    assert (assessment.level, assessment.status, assessment.created_by) == ("bronze", "draft", user)
    assert data["organisation"] == {"slug": "alpha-cluster", "name": "Alpha Cluster"}
    assert data["framework"] == {"code": "cme-demo-2026", "version": "2026.1"}
    assert data["progress"]["answered"] == 0
    assert data["progress"]["total"] == 36
    assert data["url"].endswith(f"/api/assessments/{data['id']}/")


def test_it_refuses_viewers(api_as, framework, viewer_a):
    response = _apply(api_as(viewer_a))

    assert response.status_code == 403
    assert "owners and editors" in response.json()["detail"]
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("persona", ["owner_b", "outsider", "assessor"])
def test_it_treats_an_organisation_the_caller_does_not_belong_to_as_unknown(request, api_as, framework, org_a, persona):
    response = _apply(api_as(request.getfixturevalue(persona)))

    assert response.status_code == 400
    assert response.json() == {"organisation": ["You belong to no organisation with this short name."]}


def test_it_refuses_an_unknown_organisation(api_as, framework, owner_a):
    response = _apply(api_as(owner_a), organisation="no-such-cluster")

    assert response.status_code == 400
    assert "organisation" in response.json()


def test_staff_see_every_organisation_but_cannot_apply_for_one(api_as, framework, org_a, staff_user):
    assert _apply(api_as(staff_user)).status_code == 403


@pytest.mark.parametrize("level", ["platinum", "", None])
def test_it_refuses_an_unknown_level(api_as, framework, owner_a, level):
    response = _apply(api_as(owner_a), level=level)

    assert response.status_code == 400
    assert "level" in response.json()


def test_it_refuses_anonymous_callers(api_as, framework, org_a):
    assert _apply(api_as(None)).status_code in (401, 403)


def test_it_refuses_a_second_open_application_with_409(api_as, draft, owner_a):
    response = _apply(api_as(owner_a), level="gold")

    assert response.status_code == 409
    assert "already has an open Gold application" in response.json()["detail"]


def test_it_refuses_silver_without_an_earlier_bronze_with_409(api_as, framework, owner_a):
    response = _apply(api_as(owner_a), level="silver")

    assert response.status_code == 409
    assert "Silver needs a completed Bronze benchmarking 18 to 24 months earlier" in response.json()["detail"]
    assert not Assessment.objects.exists()


def test_it_allows_silver_20_months_after_an_approved_bronze(api_as, approved_bronze, owner_a):
    response = _apply(api_as(owner_a), level="silver")

    assert response.status_code == 201, response.json()
    assert response.json()["level"] == "silver"


def test_it_refuses_a_renewal_without_an_earlier_label(api_as, framework, owner_a):
    response = _apply(api_as(owner_a), level="gold", renewal=True)

    assert response.status_code == 409
    assert "renewal needs an earlier Gold label" in response.json()["detail"]
