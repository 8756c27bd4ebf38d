"""The score explained indicator by indicator, from declared and, once visible, verified values."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from labels import reviews, transitions
from labels.models import Indicator

from ..conftest import fill_answers


def url(assessment):
    return reverse("labels:score", args=[assessment.public_id])


def test_it_requires_sign_in(client, draft):
    assert client.get(url(draft)).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(draft)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a"])
def test_members_see_every_indicator_explained_from_their_values(request, client_as, persona, draft, owner_a):
    def value(indicator):
        return indicator.yellow if indicator.code == "S1" else indicator.green

    fill_answers(draft, owner_a, value_for=value)
    content = client_as(request.getfixturevalue(persona)).get(url(draft)).content.decode()
    assert content.count('<th scope="row">') == 36
    assert "15 reaches the yellow threshold 15; 60 for green." in content
    assert "0 of 3" in content  # S1's Gold points
    assert "67 of 70" in content
    assert "95.7 %" in content
    assert "Verified value" not in content


def test_a_german_page_writes_every_number_with_a_decimal_comma(client_as, owner_a, draft):
    """The totals, the reasons a level is not met and the explanations alike: never 77.4 beside 81,4."""

    def value(indicator):
        if indicator.code == "S2":
            return indicator.green + Decimal("0.5")  # a percentage with a fraction
        return indicator.yellow if indicator.code.startswith(("S", "G")) else indicator.green

    fill_answers(draft, owner_a, value_for=value)

    content = client_as(owner_a).get(url(draft), HTTP_ACCEPT_LANGUAGE="de").content.decode()

    assert "<strong>71,4 %</strong>" in content  # the totals
    assert "Der Gold-Score von 71,4 % liegt unter" in content  # the reason Gold is not met
    assert "60,5 erreicht den Schwellenwert" in content  # S2's explanation
    assert re.search(r"\b\d+\.\d+ ?%", content) is None


def test_it_gives_the_reasons_a_level_is_not_met(client_as, owner_a, draft):
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "Not met" in content
    assert "Eligibility criterion S1 is rated red." in content
    assert "Gold score 0.0 % is below the required 80 %." in content


def test_verified_values_stay_hidden_from_the_organisation_during_the_review(client_as, owner_a, in_review):
    assert "Verified value" not in client_as(owner_a).get(url(in_review)).content.decode()


def test_assessors_see_the_verified_values_beside_the_declared_ones(client_as, assessor, in_review):
    s1 = Indicator.objects.get(framework=in_review.framework, code="S1")
    reviews.review_save(assessment=in_review, indicator=s1, verified_value="20", comment="", by=assessor)
    content = client_as(assessor).get(url(in_review)).content.decode()
    assert "Verified value" in content
    assert "Verified by the assessors" in content
    assert "20 reaches the yellow threshold 15; 60 for green." in content


def test_the_organisation_sees_the_verified_values_after_the_decision(client_as, owner_a, recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="All criteria met.", by=board_member)
    content = client_as(owner_a).get(url(recommended)).content.decode()
    assert "Verified by the assessors" in content
    assert content.count("Met<") >= 2


def test_it_takes_a_bounded_number_of_queries(client_as, owner_a, draft, django_assert_max_num_queries):
    client = client_as(owner_a)
    client.get(url(draft))
    with django_assert_max_num_queries(10) as empty:
        client.get(url(draft))
    fill_answers(draft, owner_a)
    with django_assert_max_num_queries(len(empty.captured_queries)):
        client.get(url(draft))


def test_the_totals_are_a_table_with_a_row_per_measure_and_a_column_per_source(client_as, assessor, in_review):
    content = client_as(assessor).get(url(in_review), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    totals = content.split('id="totals-heading"')[1].split("</section>")[0]
    assert '<table class="totals-table totals-two">' in totals
    assert '<th scope="col">Vorläufig, aus Ihren Werten</th>' in totals
    assert '<th scope="col">Von den Gutachtern geprüft</th>' in totals
    assert totals.count('<th class="totals-label" scope="row">') == 5
    # On phones each value names its column (CSS shows data-source above it).
    assert 'data-source="Von den Gutachtern geprüft"' in totals


def test_the_organisation_sees_one_column_of_totals(client_as, owner_a, draft):
    totals = client_as(owner_a).get(url(draft)).content.decode().split('id="totals-heading"')[1].split("</section>")[0]
    assert '<table class="totals-table">' in totals
    assert "Verified by the assessors" not in totals
