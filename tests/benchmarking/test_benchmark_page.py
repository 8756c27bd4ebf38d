"""The benchmark page: who may see it, what it shows, and a query count that does not grow with peers."""

import re

import pytest
from django.urls import reverse

from accounts.models import Organisation
from labels.models import AssessorAssignment

from .helpers import decided_assessment, peers

pytestmark = pytest.mark.django_db


def url(organisation, query=""):
    return reverse("benchmarking:benchmark", args=[organisation.slug]) + query


@pytest.fixture
def crowd(framework, decided_a):
    """Twelve peers of organisation A with S1 from 10 to 120 (A's own S1 is the green threshold, 60)."""
    return peers(12, framework, values=lambda i: {"S1": str(10 * (i + 1))})


@pytest.mark.parametrize("persona", ["owner_a", "editor_a", "viewer_a", "staff_user"])
def test_members_and_staff_see_the_benchmark(client_as, crowd, org_a, persona, request):
    response = client_as(request.getfixturevalue(persona)).get(url(org_a))

    assert response.status_code == 200
    assert "Compared with <strong>12</strong> other organisations" in response.text
    row = re.search(r'id="row-S1".*?</tr>', response.text, re.S).group(0)
    # Peers 10..120: quartiles 37.5, 65, 92.5; A has 60: (5 below + 1/2 equal) / 12 → 46.
    assert re.findall(r"<td>([^<]*)</td>", row)[-5:] == ["12", "37.50", "65", "92.50", "46"]


def test_an_assigned_assessor_sees_the_benchmark(client_as, crowd, org_a, assessor, decided_a):
    AssessorAssignment.objects.create(assessment=decided_a, assessor=assessor)

    assert client_as(assessor).get(url(org_a)).status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member", "club_member"])
def test_others_get_404(client_as, crowd, org_a, persona, request, org_b):
    assert client_as(request.getfixturevalue(persona)).get(url(org_a)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, org_a):
    response = client.get(url(org_a))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_criterion_value_other_than_the_own_is_refused_with_a_reason(client_as, owner_a, crowd, org_a):
    response = client_as(owner_a).get(url(org_a, "?country=FR"))

    assert response.status_code == 400
    assert "formed around your organisation" in response.text


def test_combining_criteria_narrows_the_group(client_as, owner_a, crowd, org_a, framework):
    peers(6, framework, sector="food")

    everyone = client_as(owner_a).get(url(org_a))
    same_sector = client_as(owner_a).get(url(org_a, "?sector=ict&country=DE"))

    assert "Compared with <strong>18</strong>" in everyone.text
    assert "Compared with <strong>12</strong>" in same_sector.text
    assert 'name="sector" value="ict" checked' in same_sector.text


def test_the_radar_and_the_rating_summary_come_with_tables(client_as, owner_a, crowd, org_a):
    response = client_as(owner_a).get(url(org_a))

    assert response.text.count("<svg") >= 2
    assert "Position per area on the 0–1 scale" in response.text
    assert "Your ratings per area" in response.text


def test_the_draft_is_shown_as_provisional(client_as, owner_a, crowd, org_a, framework):
    from labels import answers, transitions

    draft = transitions.assessment_start(organisation=org_a, level="gold", by=owner_a)
    answers.answer_save(assessment=draft, indicator=framework.indicators.get(code="S1"), value=115, by=owner_a)

    response = client_as(owner_a).get(url(org_a, "?basis=draft"))

    assert "Provisional: these are the values your organisation declared" in response.text
    row = re.search(r'id="row-S1".*?</tr>', response.text, re.S).group(0)
    assert "115" in row
    assert row.rstrip("</tr>").strip().endswith("<td>92</td>")  # 11 of 12 below: 91.7 → 92


def test_the_trend_lists_earlier_decided_assessments(client_as, owner_a, crowd, org_a, framework):
    decided_assessment(org_a, framework, {"S1": "20"}, days_ago=800, status="rejected")

    response = client_as(owner_a).get(url(org_a))

    assert "Your decided assessments, oldest first" in response.text
    assert 'class="chart chart-trend"' in response.text


def test_the_query_count_does_not_grow_with_the_number_of_peers(
    client_as, owner_a, crowd, org_a, framework, django_assert_max_num_queries, uncached_pages
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(owner_a)
    client.get(url(org_a, "?sector=ict"))  # builds the population once
    with CaptureQueriesContext(connection) as queries:
        client.get(url(org_a, "?sector=ict"))
    few = len(queries)  # read now: the next request empties the connection's query log
    peers(40, framework)
    client.get(url(org_a, "?sector=ict"))  # the data changed: the population is rebuilt
    with django_assert_max_num_queries(few):
        response = client.get(url(org_a, "?sector=ict"))

    assert "Compared with <strong>52</strong>" in response.text
    assert few <= 16


def test_an_organisation_without_a_decided_assessment_sees_its_peers_figures(client_as, owner_b, framework, org_b):
    peers(8, framework, country="FR")

    response = client_as(owner_b).get(url(org_b))

    assert response.status_code == 200
    assert "no decided assessment yet" in response.text
    assert Organisation.objects.count() == 9


def test_chart_coordinates_stay_numbers_in_german(client_as, owner_a, crowd, org_a):
    response = client_as(owner_a).get(url(org_a), HTTP_ACCEPT_LANGUAGE="de")

    assert "Vergleichsgruppe" in response.text
    assert not re.search(r'\b(x|y|cx|cy|x1|y1|x2|y2|width)="\d+,\d', response.text)
    assert 'points="' in response.text and not re.search(r'points="[^"]*\d,\d+,', response.text)
