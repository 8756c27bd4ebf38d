"""POST …/improvements/ and …/improvements/{position}/validate/: Silver's three improvement areas."""

import pytest

from labels import answers, transitions
from labels.models import ImprovementArea

from ..conftest import fill_answers
from .conftest import api_url

AREAS = [
    {"indicator": "T1", "description": "A written strategy with the members."},
    {"indicator": "C1", "description": "More joint projects."},
    {"indicator": "F2", "description": "A second source of income."},
]


def _set(client, assessment, areas=AREAS):
    return client.post(api_url(assessment, "improvements/"), {"areas": areas}, format="json")


def _validate(client, assessment, position, validated=True, comment="Seen on site."):
    body = {"validated": validated, "comment": comment}
    return client.post(api_url(assessment, f"improvements/{position}/validate/"), body, format="json")


@pytest.fixture
def silver_in_review(silver_draft, owner_a, staff_user, assessor2):
    items = [(silver_draft.framework.indicators.get(code=a["indicator"]), a["description"]) for a in AREAS]
    answers.improvement_areas_set(assessment=silver_draft, items=items, by=owner_a)
    fill_answers(silver_draft, owner_a)
    transitions.assessment_submit(assessment=silver_draft, by=owner_a)
    transitions.assessment_assign(assessment=silver_draft, assessors=[assessor2], by=staff_user)
    return silver_draft


def test_owners_describe_the_improvement_areas_of_a_silver_draft(api_as, silver_draft, owner_a):
    response = _set(api_as(owner_a), silver_draft)

    assert response.status_code == 200, response.json()
    assert response.json()["improvement_areas"] == [
        {
            "position": n,
            "indicator": a["indicator"],
            "description": a["description"],
            "validated": None,
            "assessor_comment": "",
        }
        for n, a in enumerate(AREAS, start=1)
    ]


def test_setting_them_again_replaces_them(api_as, silver_draft, owner_a):
    client = api_as(owner_a)
    _set(client, silver_draft)

    response = _set(client, silver_draft, AREAS[:1])

    assert [a["indicator"] for a in response.json()["improvement_areas"]] == ["T1"]
    assert ImprovementArea.objects.count() == 1


def test_each_area_needs_its_own_indicator(api_as, silver_draft, owner_a):
    response = _set(api_as(owner_a), silver_draft, [AREAS[0], AREAS[0]])

    assert response.status_code == 400
    assert response.json() == {"areas": ["Choose a different indicator for each improvement area."]}


def test_at_most_three_areas(api_as, silver_draft, owner_a):
    response = _set(api_as(owner_a), silver_draft, [*AREAS, {"indicator": "A1", "description": "More awards."}])

    assert response.status_code == 400
    assert response.json() == {"areas": ["Describe at most 3 improvement areas."]}


@pytest.mark.parametrize(
    "areas",
    [[{"indicator": "Z9", "description": "x"}], [{"indicator": "T1"}], "T1", [{"indicator": "T1", "description": ""}]],
)
def test_it_refuses_malformed_areas(api_as, silver_draft, owner_a, areas):
    response = _set(api_as(owner_a), silver_draft, areas)

    assert response.status_code == 400
    assert "areas" in response.json()


def test_a_gold_application_has_no_improvement_areas(api_as, draft, owner_a):
    response = _set(api_as(owner_a), draft)

    assert response.status_code == 409
    assert response.json()["detail"] == "Only Silver applications document improvement areas."


def test_they_are_frozen_once_submitted(api_as, silver_in_review, owner_a):
    assert _set(api_as(owner_a), silver_in_review).status_code == 409


def test_viewers_cannot_set_them(api_as, silver_draft, viewer_a):
    assert _set(api_as(viewer_a), silver_draft).status_code == 403


def test_the_assessor_validates_an_area_by_its_position(api_as, silver_in_review, assessor2, owner_a):
    response = _validate(api_as(assessor2), silver_in_review, 2, validated=False, comment="Not started yet.")

    assert response.status_code == 200, response.json()
    areas = response.json()["improvement_areas"]
    assert [(a["validated"], a["assessor_comment"]) for a in areas] == [
        (None, ""),
        (False, "Not started yet."),
        (None, ""),
    ]
    # The organisation learns the verdicts with the decision, not before.
    own_view = api_as(owner_a).get(api_url(silver_in_review)).json()
    assert [a["validated"] for a in own_view["improvement_areas"]] == [None, None, None]


@pytest.mark.parametrize("position", [0, 4])
def test_an_unknown_position_is_not_found(api_as, silver_in_review, assessor2, position):
    assert _validate(api_as(assessor2), silver_in_review, position).status_code == 404


def test_validated_must_be_given(api_as, silver_in_review, assessor2):
    response = api_as(assessor2).post(api_url(silver_in_review, "improvements/1/validate/"), {}, format="json")

    assert response.status_code == 400
    assert "validated" in response.json()


@pytest.mark.parametrize("persona", ["owner_a", "board_member", "staff_user"])
def test_it_refuses_anyone_but_the_assigned_assessor(request, api_as, silver_in_review, persona):
    assert _validate(api_as(request.getfixturevalue(persona)), silver_in_review, 1).status_code == 403


def test_an_unassigned_assessor_does_not_see_it(api_as, silver_in_review, assessor3):
    assert _validate(api_as(assessor3), silver_in_review, 1).status_code == 404


def test_validation_is_refused_outside_the_review(api_as, silver_in_review, assessor2, framework):
    transitions.clarification_request(
        assessment=silver_in_review, indicators=[framework.indicators.get(code="T1")], message="?", by=assessor2
    )

    assert _validate(api_as(assessor2), silver_in_review, 1).status_code == 409
