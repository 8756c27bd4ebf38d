"""Numbers on the label pages follow the page's language: "81,4 %" in German on every page, never
"81.4 %" beside it; English keeps the point. (The API stays with JSON numbers.)"""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import assessment_draft, assessment_in_review, assessment_recommended, assessment_submitted

POINT_PERCENT = re.compile(r"\b\d+\.\d+ ?%")
COMMA_PERCENT = re.compile(r"\b\d+,\d+ ?%")


def _partly_green(indicator):
    # Yellow Gold indicators give a score with a fraction (not 100.0 or 0.0).
    return indicator.yellow if indicator.is_gold and indicator.code.startswith(("G", "F")) else indicator.green


@pytest.fixture
def scored(framework, org_a, owner_a, staff_user, assessor, assessor2):
    assessment = assessment_submitted(
        assessment_draft(organisation=org_a, owner=owner_a), by=owner_a, value_for=_partly_green
    )
    assessment_in_review(assessment, assessors=[assessor, assessor2], by=staff_user)
    assessment.provisional_score = assessment.verified_score
    assessment.save(update_fields=["provisional_score"])
    assert assessment.verified_score != assessment.verified_score.to_integral_value()
    return assessment


def _pages(assessment):
    public_id = assessment.public_id
    return {
        # The task list's submit card is covered in test_task_list.py.
        "owner_a": [reverse("labels:score", args=[public_id])],
        "assessor": [
            reverse("labels:review", args=[public_id]),
            reverse("labels:recommend", args=[public_id]),
        ],
        "staff_user": [reverse("labels:secretariat_queue"), reverse("labels:review", args=[public_id])],
    }


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "staff_user"])
def test_german_pages_write_every_percentage_with_a_decimal_comma(request, client_as, persona, scored):
    client = client_as(request.getfixturevalue(persona))
    for url in _pages(scored)[persona]:
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
        assert COMMA_PERCENT.search(content), url
        assert POINT_PERCENT.search(content) is None, (url, POINT_PERCENT.findall(content))


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "staff_user"])
def test_english_pages_keep_the_decimal_point(request, client_as, persona, scored):
    client = client_as(request.getfixturevalue(persona))
    for url in _pages(scored)[persona]:
        content = client.get(url).content.decode()
        assert POINT_PERCENT.search(content), url
        assert COMMA_PERCENT.search(content) is None, url


def test_the_board_queue_and_the_decision_page_in_german(client_as, board_member, scored):
    assessment_recommended(scored)
    client = client_as(board_member)
    for url in (reverse("labels:board_queue"), reverse("labels:decide", args=[scored.public_id])):
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
        assert POINT_PERCENT.search(content) is None, url


def test_the_api_keeps_json_numbers(api_as, owner_a, scored):
    data = api_as(owner_a).get(f"/api/assessments/{scored.public_id}/", HTTP_ACCEPT_LANGUAGE="de").json()
    assert Decimal(str(data["score"]["provisional"])) == scored.provisional_score
