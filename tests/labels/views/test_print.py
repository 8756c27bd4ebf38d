"""The printable view of the whole self-assessment."""

import pytest
from django.urls import reverse

from labels import answers
from labels.models import Indicator

from ..conftest import fill_answers
from .self_assessment_helpers import pdf_upload, silver_draft


def url(assessment):
    return reverse("labels:print", args=[assessment.public_id])


def test_it_requires_sign_in(client, draft):
    assert client.get(url(draft)).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(draft)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user"])
def test_it_shows_every_area_and_indicator(request, client_as, persona, draft):
    content = client_as(request.getfixturevalue(persona)).get(url(draft)).content.decode()
    for area in ("S · Structure of the cluster", "A · Achievements and recognition"):
        assert area in content
    assert content.count('<th scope="row">') == 36
    assert "data-print" in content


def test_values_are_formatted_with_comments_evidence_and_provisional_lights(client_as, owner_a, draft):
    def value(indicator):
        return {"S2": "45.5", "C2": "1", "G2": "3"}.get(indicator.code, indicator.green)

    fill_answers(draft, owner_a, value_for=value)
    s1 = Indicator.objects.get(framework=draft.framework, code="S1")
    answers.answer_save(assessment=draft, indicator=s1, value="60", comment="From our register", by=owner_a)
    answers.evidence_add(assessment=draft, indicator=s1, upload=pdf_upload("Register 2026.pdf"), by=owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "<td>45.5 %</td>" in content
    assert "<td>Yes</td>" in content
    assert "<td>3 / 4</td>" in content
    assert "60 organisations" in content
    assert "From our register" in content
    assert "Register 2026.pdf" in content
    assert '<span class="badge rating-yellow">Yellow</span>' in content  # S2: 45.5 reaches yellow (40)
    assert "36 of 36 indicators" in content


def test_silver_prints_the_improvement_areas(client_as, owner_a, framework, org_a):
    silver = silver_draft(framework, org_a, owner_a)
    g2 = Indicator.objects.get(framework=framework, code="G2")
    answers.improvement_areas_set(assessment=silver, items=[(g2, "A written strategy.")], by=owner_a)
    content = client_as(owner_a).get(url(silver)).content.decode()
    assert "Improvement areas" in content
    assert "A written strategy." in content


def test_it_takes_a_bounded_number_of_queries(client_as, owner_a, draft, django_assert_max_num_queries):
    client = client_as(owner_a)
    client.get(url(draft))
    with django_assert_max_num_queries(12) as empty:
        client.get(url(draft))
    fill_answers(draft, owner_a)
    with django_assert_max_num_queries(len(empty.captured_queries)):
        client.get(url(draft))
