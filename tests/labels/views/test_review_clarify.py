"""Requesting clarification: named indicators and a message send the assessment back."""

import pytest
from django.core import mail
from django.urls import reverse

from labels.models import AssessmentStatus, ClarificationRequest


def url(assessment):
    return reverse("labels:clarify", args=[assessment.public_id])


def test_it_requires_sign_in(client, in_review):
    assert client.get(url(in_review)).status_code == 302


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "other_assessor"])
def test_it_is_not_found_outside_the_users_scope(request, client_as, persona, in_review, owner_b):
    assert client_as(request.getfixturevalue(persona)).get(url(in_review)).status_code == 404


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "board_member", "staff_user"])
def test_it_refuses_everyone_but_the_assigned_assessors(request, client_as, persona, in_review):
    client = client_as(request.getfixturevalue(persona))
    assert client.get(url(in_review)).status_code == 403
    assert client.post(url(in_review), {"indicators": ["S1"], "message": "Why?"}).status_code == 403
    assert not ClarificationRequest.objects.exists()


def test_the_form_groups_the_indicators_by_area_and_preselects_one(client_as, assessor, in_review):
    content = client_as(assessor).get(url(in_review) + "?indicator=G3").content.decode()
    assert "<legend>S Structure of the cluster</legend>" in content
    assert 'value="G3" id="clarify-G3" checked' in content
    assert 'value="S1" id="clarify-S1">' in content


def test_a_request_moves_the_assessment_to_clarification_and_e_mails_the_organisation(
    client_as, assessor, in_review, owner_a, editor_a, viewer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(assessor).post(
            url(in_review), {"indicators": ["S1", "G3"], "message": "Please send the member list."}
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("labels:review", args=[in_review.public_id])
    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.CLARIFICATION
    request = ClarificationRequest.objects.get()
    assert {i.code for i in request.indicators.all()} == {"S1", "G3"}
    assert request.requested_by == assessor
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"owner-a@example.test", "editor-a@example.test"}
    assert "Please send the member list." in mail.outbox[0].body
    assert "S1" in mail.outbox[0].body


def test_without_indicators_it_is_refused_and_nothing_changes(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"message": "Hm."})
    assert response.status_code == 400
    assert "Name at least one indicator." in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == AssessmentStatus.IN_REVIEW


def test_without_a_message_it_is_refused(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"indicators": ["S1"], "message": "  "})
    assert response.status_code == 400
    assert 'value="S1" id="clarify-S1" checked' in response.content.decode()
    assert not ClarificationRequest.objects.exists()


def test_an_unknown_indicator_is_refused(client_as, assessor, in_review):
    response = client_as(assessor).post(url(in_review), {"indicators": ["ZZ9"], "message": "Why?"})
    assert response.status_code == 400
    assert not ClarificationRequest.objects.exists()


def test_a_second_request_during_clarification_is_refused_with_409(client_as, assessor, in_review):
    client = client_as(assessor)
    client.post(url(in_review), {"indicators": ["S1"], "message": "Why?"})
    assert "can be requested only while the assessment is in review" in client.get(url(in_review)).content.decode()
    response = client.post(url(in_review), {"indicators": ["S2"], "message": "And this?"})
    assert response.status_code == 409
    assert "not possible while the assessment is clarification requested" in response.content.decode()
    assert ClarificationRequest.objects.count() == 1
