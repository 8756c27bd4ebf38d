"""POST /api/assessments/{id}/submit/ and …/withdraw/: the organisation's transitions."""

import pytest

from labels.level_rules import level_check
from labels.models import Assessment

from ..conftest import fill_answers
from .conftest import api_url


def _status(assessment):
    return Assessment.objects.get(pk=assessment.pk).status


@pytest.mark.parametrize("persona", ["owner_a", "editor_a"])
def test_owners_and_editors_submit_a_complete_draft(request, api_as, draft, owner_a, persona):
    fill_answers(draft, owner_a)

    response = api_as(request.getfixturevalue(persona)).post(api_url(draft, "submit/"))

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "submitted"
    assert response.json()["editable_indicators"] == []
    assert _status(draft) == "submitted"


def test_an_incomplete_draft_is_refused_with_the_gaps(api_as, draft, owner_a):
    response = api_as(owner_a).post(api_url(draft, "submit/"))

    assert response.status_code == 409
    assert response.json()["detail"].startswith("Answer every indicator first; still open: S1, S2")
    assert _status(draft) == "draft"


def test_a_second_submit_changes_nothing_and_gets_409(api_as, draft, owner_a):
    fill_answers(draft, owner_a)
    client = api_as(owner_a)
    assert client.post(api_url(draft, "submit/")).status_code == 200

    response = client.post(api_url(draft, "submit/"))

    assert response.status_code == 409
    assert response.json()["detail"] == "This is not possible while the assessment is submitted."
    assert Assessment.objects.get(pk=draft.pk).history.filter(to_status="submitted").count() == 1


def test_submitting_is_refused_to_viewers(api_as, draft, owner_a, viewer_a):
    fill_answers(draft, owner_a)

    assert api_as(viewer_a).post(api_url(draft, "submit/")).status_code == 403
    assert _status(draft) == "draft"


@pytest.mark.parametrize("persona", ["staff_user", "board_member", "assessor"])
def test_submitting_is_refused_to_the_scheme(request, api_as, in_review, persona):
    assert api_as(request.getfixturevalue(persona)).post(api_url(in_review, "submit/")).status_code == 403


def test_owners_withdraw_a_submitted_application(api_as, submitted, owner_a):
    response = api_as(owner_a).post(api_url(submitted, "withdraw/"))

    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "withdrawn"
    assert response.json()["history"][-1]["to"] == "withdrawn"


@pytest.mark.parametrize("persona", ["editor_a", "viewer_a", "staff_user"])
def test_only_owners_withdraw(request, api_as, draft, persona):
    response = api_as(request.getfixturevalue(persona)).post(api_url(draft, "withdraw/"))

    assert response.status_code == 403
    assert _status(draft) == "draft"


def test_an_application_in_review_cannot_be_withdrawn(api_as, in_review, owner_a):
    assert api_as(owner_a).post(api_url(in_review, "withdraw/")).status_code == 409
    assert _status(in_review) == "in_review"


def test_the_submit_response_lists_the_unmet_requirements_of_the_level(api_as, draft, owner_a):
    fill_answers(draft, owner_a, value_for=lambda indicator: indicator.yellow if indicator.is_gold else indicator.green)

    response = api_as(owner_a).post(api_url(draft, "submit/"))

    assert response.status_code == 200, response.json()
    unmet = response.json()["unmet"]
    assert unmet == list(level_check(Assessment.objects.get(pk=draft.pk), "gold", declared=True).reasons)
    assert any(reason.startswith("Gold score") for reason in unmet)


def test_a_submit_that_meets_the_level_lists_nothing_unmet(api_as, draft, owner_a):
    fill_answers(draft, owner_a)

    response = api_as(owner_a).post(api_url(draft, "submit/"))

    assert response.json()["unmet"] == []
