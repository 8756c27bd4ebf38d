"""One area of the self-assessment: every indicator with a field that fits its kind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from labels import answers
from labels.models import Indicator

from ..conftest import fill_answers
from .self_assessment_helpers import clarify, pdf_upload


def url(assessment, area="S"):
    return reverse("labels:area", args=[assessment.public_id, area])


def save_url(assessment, code):
    return reverse("labels:answer_save", args=[assessment.public_id, code])


def test_it_requires_sign_in(client, draft):
    response = client.get(url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor", "board_member"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(draft)).status_code == 404


def test_an_unknown_area_is_not_found(client_as, owner_a, draft):
    assert client_as(owner_a).get(url(draft, "ZZ")).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_get_a_saving_form_per_indicator(request, client_as, persona, draft):
    response = client_as(request.getfixturevalue(persona)).get(url(draft))
    content = response.content.decode()
    assert response.status_code == 200
    for code in ("S1", "S2", "S3", "S4", "S5", "S6"):
        assert f'id="indicator-{code}"' in content
        assert f'hx-post="{save_url(draft, code)}"' in content
    assert content.count('hx-trigger="submit, change, keyup changed delay:800ms"') == 6
    assert 'hx-target="find .answer-status"' in content


def test_it_shows_question_unit_thresholds_and_expected_evidence(client_as, owner_a, draft):
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert "How many organisations have formally committed to the cluster" in content
    assert "Your answer (organisations)" in content
    assert "at least 15" in content and "at least 60" in content
    assert "Participant list with the date each organisation committed" in content


def test_numbers_get_a_text_field_with_a_hint_for_their_kind(client_as, owner_a, draft):
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert 'inputmode="numeric" name="value" id="value-S1"' in content
    assert 'inputmode="decimal" name="value" id="value-S2"' in content
    assert "A percentage from 0 to 100." in content
    assert "A whole number, 0 or more." in content


def test_scale_indicators_get_five_radio_buttons_with_the_step_descriptors(client_as, owner_a, draft):
    g2 = Indicator.objects.get(framework=draft.framework, code="G2")
    content = client_as(owner_a).get(url(draft, "G")).content.decode()
    for step in range(5):
        assert f'id="value-G2-{step}"' in content
    for descriptor in g2.levels:
        assert descriptor in content


def test_yes_no_indicators_get_two_radio_buttons(client_as, owner_a, draft):
    content = client_as(owner_a).get(url(draft, "C")).content.decode()
    assert 'value="1" id="value-C2-1"' in content
    assert 'value="0" id="value-C2-0"' in content


def test_saved_answers_are_shown_with_their_provisional_light(client_as, owner_a, draft):
    s1 = Indicator.objects.get(framework=draft.framework, code="S1")
    answers.answer_save(assessment=draft, indicator=s1, value="20", comment="From the register", by=owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert 'id="value-S1" value="20"' in content
    assert "From the register</textarea>" in content
    assert "Provisional light: Yellow" in content
    assert "1 of 6 indicators in this area answered." in content


def test_a_saved_scale_step_is_checked(client_as, owner_a, draft):
    g2 = Indicator.objects.get(framework=draft.framework, code="G2")
    answers.answer_save(assessment=draft, indicator=g2, value="3", by=owner_a)
    assert 'value="3" id="value-G2-3" checked' in client_as(owner_a).get(url(draft, "G")).content.decode()


def test_the_page_is_never_cached_so_the_back_button_shows_saved_answers(client_as, owner_a, draft):
    assert "no-store" in client_as(owner_a).get(url(draft))["Cache-Control"]


def test_viewers_read_without_forms(client_as, viewer_a, draft):
    content = client_as(viewer_a).get(url(draft)).content.decode()
    assert "hx-post" not in content
    assert 'name="value"' not in content
    assert 'type="file"' not in content
    assert "the organisation's owners and editors change it" in content


def test_submitted_answers_are_read_only(client_as, owner_a, submitted):
    content = client_as(owner_a).get(url(submitted)).content.decode()
    assert 'name="value"' not in content
    assert "The answers were submitted and are frozen." in content
    assert "<dd>60" in content  # the green value of S1, shown as text


def test_assigned_assessors_read_the_answers(client_as, assessor, in_review):
    response = client_as(assessor).get(url(in_review))
    assert response.status_code == 200
    assert 'name="value"' not in response.content.decode()


def test_during_clarification_only_the_named_indicators_are_editable(client_as, owner_a, in_review, assessor):
    clarify(in_review, assessor, codes=["S2"])
    content = client_as(owner_a).get(url(in_review)).content.decode()
    assert f'hx-post="{save_url(in_review, "S2")}"' in content
    assert content.count('name="value"') == 1
    assert "Clarification requested" in content
    assert "Please send the signed member list." in content


def test_evidence_is_listed_with_download_and_delete(client_as, owner_a, draft):
    s1 = Indicator.objects.get(framework=draft.framework, code="S1")
    evidence = answers.evidence_add(assessment=draft, indicator=s1, upload=pdf_upload(), by=owner_a)
    content = client_as(owner_a).get(url(draft)).content.decode()
    assert reverse("labels:evidence_download", args=[evidence.public_id]) in content
    assert reverse("labels:evidence_delete", args=[evidence.public_id]) in content
    assert content.count('type="file"') == 6


def test_it_links_the_previous_and_next_areas(client_as, owner_a, draft):
    content = client_as(owner_a).get(url(draft, "G")).content.decode()
    assert f'href="{url(draft, "S")}" rel="prev"' in content
    assert f'href="{url(draft, "F")}" rel="next"' in content
    first = client_as(owner_a).get(url(draft, "S")).content.decode()
    assert 'rel="prev"' not in first


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a"])
def test_the_number_of_queries_does_not_grow_with_answers_or_evidence(
    request, client_as, persona, draft, owner_a, uncached_pages
):
    client = client_as(request.getfixturevalue(persona))
    client.get(url(draft))  # the session and caches are warm from here on
    empty = count_queries(client, url(draft))
    fill_answers(draft, owner_a)
    for indicator in Indicator.objects.filter(framework=draft.framework, area__code="S"):
        for _ in range(3):
            answers.evidence_add(assessment=draft, indicator=indicator, upload=pdf_upload(), by=owner_a)
    assert count_queries(client, url(draft)) <= empty
    assert empty <= 12


def test_the_number_of_queries_is_bounded_during_clarification(
    client_as, owner_a, in_review, assessor, django_assert_max_num_queries
):
    clarify(in_review, assessor, codes=["S1", "S2", "S3"])
    client = client_as(owner_a)
    client.get(url(in_review))
    with django_assert_max_num_queries(13):
        client.get(url(in_review))
