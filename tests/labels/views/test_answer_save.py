"""Saving one answer: the status fragment for htmx, a redirect back to the area without JavaScript."""

from decimal import Decimal

import pytest
from django.urls import reverse

from labels.models import Answer, AnswerRevision

from .self_assessment_helpers import clarify

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(assessment, code="S1"):
    return reverse("labels:answer_save", args=[assessment.public_id, code])


def saved(assessment, code="S1"):
    return Answer.objects.filter(assessment=assessment, indicator__code=code).first()


def test_it_rejects_get(client_as, owner_a, draft):
    assert client_as(owner_a).get(url(draft)).status_code == 405


def test_it_sends_signed_out_visitors_to_the_login(client, draft):
    response = client.post(url(draft), {"value": "20"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert saved(draft) is None


def test_a_signed_out_htmx_save_says_so_beside_the_field(client, draft):
    response = client.post(url(draft), {"value": "20"}, **HTMX)
    assert response.status_code == 401
    assert "Not saved: you have been signed out." in response.content.decode()
    assert saved(draft) is None


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, draft, owner_b):
    assert client_as(request.getfixturevalue(persona)).post(url(draft), {"value": "20"}).status_code == 404
    assert saved(draft) is None


def test_it_refuses_viewers(client_as, viewer_a, draft):
    assert client_as(viewer_a).post(url(draft), {"value": "20"}, **HTMX).status_code == 403
    assert saved(draft) is None


def test_an_unknown_indicator_is_not_found(client_as, owner_a, draft):
    assert client_as(owner_a).post(url(draft, "ZZ9"), {"value": "20"}).status_code == 404


def test_an_htmx_save_returns_the_fragment_with_the_rating_and_the_area_progress(client_as, owner_a, draft):
    response = client_as(owner_a).post(url(draft), {"value": "60", "comment": " From the register "}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge rating-green">Provisional light: Green</span>' in content
    assert "Saved" in content
    assert 'id="area-progress" class="area-progress" hx-swap-oob="true">1 of 6 indicators' in content
    answer = saved(draft)
    assert (answer.value, answer.comment, answer.updated_by) == (Decimal(60), "From the register", owner_a)


def test_a_save_without_javascript_returns_to_the_indicator(client_as, editor_a, draft):
    response = client_as(editor_a).post(url(draft), {"value": "20", "comment": ""})
    area = reverse("labels:area", args=[draft.public_id, "S"])
    assert response.status_code == 302
    assert response["Location"] == f"{area}#indicator-S1"
    assert saved(draft).value == 20


def test_the_saved_answer_survives_a_reload(client_as, owner_a, draft):
    client = client_as(owner_a)
    client.post(url(draft, "S2"), {"value": "45.5"}, **HTMX)
    content = client.get(reverse("labels:area", args=[draft.public_id, "S"])).content.decode()
    assert 'id="value-S2" value="45.5"' in content


@pytest.mark.parametrize(
    ("code", "raw", "stored"),
    [("C2", "1", Decimal(1)), ("C2", "0", Decimal(0)), ("G2", "3", Decimal(3)), ("S2", "45 %", Decimal(45))],
)
def test_each_kind_is_stored_as_its_canonical_value(client_as, owner_a, draft, code, raw, stored):
    client_as(owner_a).post(url(draft, code), {"value": raw}, **HTMX)
    assert saved(draft, code).value == stored


def test_an_invalid_htmx_value_shows_the_error_and_saves_nothing(client_as, owner_a, draft):
    client = client_as(owner_a)
    client.post(url(draft), {"value": "20"}, **HTMX)
    response = client.post(url(draft), {"value": "1,5"}, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200  # swapped in beside the field, which keeps what was typed
    assert "Enter a number, using a point as the decimal separator." in content
    assert "Saved" not in content
    assert saved(draft).value == 20


def test_an_invalid_value_without_javascript_keeps_what_was_typed(client_as, owner_a, draft):
    response = client_as(owner_a).post(url(draft, "S2"), {"value": "150", "comment": "Our estimate"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="value-S2" value="150"' in content
    assert 'aria-invalid="true"' in content
    assert "Enter a percentage from 0 to 100." in content
    assert "Our estimate</textarea>" in content
    assert saved(draft, "S2") is None


def test_an_overlong_comment_is_a_field_error(client_as, owner_a, draft):
    response = client_as(owner_a).post(url(draft), {"value": "20", "comment": "x" * 5001}, **HTMX)
    assert "at most 5000 characters" in response.content.decode()
    assert saved(draft) is None


def test_frozen_answers_are_refused_with_the_reason(client_as, owner_a, submitted):
    response = client_as(owner_a).post(url(submitted), {"value": "1"}, **HTMX)
    assert response.status_code == 409
    assert "the answers are frozen" in response.content.decode()
    assert saved(submitted).value == 60


def test_frozen_answers_without_javascript_redirect_with_the_reason(client_as, owner_a, submitted):
    response = client_as(owner_a).post(url(submitted), {"value": "1"}, follow=True)
    assert "the answers are frozen" in response.content.decode()
    assert saved(submitted).value == 60


def test_during_clarification_only_the_named_indicators_change(client_as, owner_a, in_review, assessor):
    clarify(in_review, assessor, codes=["S1"])
    client = client_as(owner_a)
    assert client.post(url(in_review, "S1"), {"value": "70"}, **HTMX).status_code == 200
    refused = client.post(url(in_review, "S2"), {"value": "10"}, **HTMX)
    assert refused.status_code == 409
    assert "Only the indicators named in the clarification request can be changed." in refused.content.decode()
    assert saved(in_review, "S1").value == 70
    assert saved(in_review, "S2").value == 60
    assert AnswerRevision.objects.filter(answer__indicator__code="S1").count() == 1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1e999999999", "Enter a number no larger than 1000000000."),
        ("1e-999999999", "Enter at most 3 decimal places."),
    ],
)
def test_numbers_beyond_every_bound_are_refused_not_rounded(client_as, owner_a, draft, raw, message):
    response = client_as(owner_a).post(url(draft, "G1"), {"value": raw}, **HTMX)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert saved(draft, "G1") is None


def test_a_german_page_accepts_and_shows_a_decimal_comma(client_as, owner_a, draft):
    client = client_as(owner_a)

    response = client.post(url(draft, "S2"), {"value": "45,5"}, HTTP_ACCEPT_LANGUAGE="de", **HTMX)

    assert response.status_code == 200
    assert saved(draft, "S2").value == Decimal("45.5")
    page = client.get(reverse("labels:area", args=[draft.public_id, "S"]), HTTP_ACCEPT_LANGUAGE="de")
    assert 'id="value-S2" value="45,5"' in page.content.decode()
