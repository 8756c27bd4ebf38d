"""GET /api/benchmarks/{slug}/: the documented fields, the same figures as the page, every refusal."""

import pytest
from django.urls import reverse

from labels.models import AssessorAssignment

from .helpers import peers

pytestmark = pytest.mark.django_db


def url(organisation, query=""):
    return reverse("api-benchmark-detail", args=[organisation.slug]) + query


@pytest.fixture
def crowd(framework, decided_a):
    return peers(12, framework, values=lambda i: {"S1": str(10 * (i + 1))})


def test_it_returns_the_group_and_every_indicator(api_as, owner_a, crowd, org_a, framework):
    response = api_as(owner_a).get(url(org_a, "?sector=ict&size=50-99"))

    assert response.status_code == 200
    data = response.json()
    assert data["peer_group"]["criteria"] == {"sector": "ict", "size": "50-99"}
    assert data["peer_group"]["n"] == 12
    assert data["peer_group"]["suppressed"] is None
    assert data["basis"] == "decided" and data["provisional"] is False
    s1 = next(i for i in data["indicators"] if i["code"] == "S1")
    assert s1 == {
        "key": f"{framework.code}:S1",
        "code": "S1",
        "title": "Committed participants",
        "area": "S",
        "value": 60.0,
        "rating": "green",
        "n": 12,
        "q1": 37.5,
        "median": 65.0,
        "q3": 92.5,
        "percentile": 46,
        "suppressed": None,
    }
    assert len(data["indicators"]) == 36


def test_staff_and_the_assigned_assessor_may_call_it(api_as, staff_user, assessor, crowd, org_a, decided_a):
    AssessorAssignment.objects.create(assessment=decided_a, assessor=assessor)

    assert api_as(staff_user).get(url(org_a)).status_code == 200
    assert api_as(assessor).get(url(org_a)).status_code == 200


def test_a_viewer_may_call_it(api_as, viewer_a, crowd, org_a):
    assert api_as(viewer_a).get(url(org_a)).status_code == 200


def test_anonymous_callers_are_refused(api_client, crowd, org_a):
    assert api_client.get(url(org_a)).status_code in (401, 403)


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member"])
def test_others_get_404(api_as, crowd, org_a, org_b, persona, request):
    assert api_as(request.getfixturevalue(persona)).get(url(org_a)).status_code == 404


def test_an_unknown_organisation_is_404(api_as, staff_user, framework):
    assert api_as(staff_user).get("/api/benchmarks/no-such-cluster/").status_code == 404


def test_a_criterion_that_is_not_the_own_value_is_400(api_as, owner_a, crowd, org_a):
    response = api_as(owner_a).get(url(org_a, "?country=FR&size=0-24"))

    assert response.status_code == 400
    assert set(response.json()) == {"country", "size"}


def test_the_schema_documents_every_field(api_as, staff_user):
    schema = api_as(staff_user).get("/api/schema/", HTTP_ACCEPT="application/json").json()

    figures = schema["components"]["schemas"]["IndicatorFigures"]["properties"]
    assert set(figures) == {"key", "code", "title", "area", "value", "rating", "n", "q1", "median", "q3",
                            "percentile", "suppressed"}  # fmt: skip
    assert "rounded half up" in figures["percentile"]["description"]
    assert "percentile_cont" in figures["median"]["description"]
    parameters = {p["name"] for p in schema["paths"]["/api/benchmarks/{slug}/"]["get"]["parameters"]}
    assert {"sector", "country", "size", "age", "level", "basis"} <= parameters
