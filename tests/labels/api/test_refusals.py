"""Every assessment endpoint refuses callers outside its scope the same way.

Anonymous callers are refused (401/403), people who may not see the assessment get 404 (its
existence is not revealed), and viewers, who see it, get 403 on every change."""

import pytest

from labels.models import Assessment

from .conftest import api_url, pdf_upload, yesterday

WRITES = [
    ("put", "answers/S1/", {"value": 1}),
    ("post", "evidence/", None),  # multipart, built in _call
    ("post", "improvements/", {"areas": [{"indicator": "T1", "description": "More."}]}),
    ("post", "submit/", {}),
    ("post", "resubmit/", {}),
    ("post", "withdraw/", {}),
    ("post", "assign/", {"assessors": ["assessor@example.test", "assessor2@example.test"]}),
    ("put", "reviews/S1/", {"verified_value": 1}),
    ("post", "clarifications/", {"indicators": ["S1"], "message": "Why?"}),
    ("post", "interview/", {"date": "2025-01-01"}),
    ("post", "improvements/1/validate/", {"validated": True}),
    ("post", "recommend/", {"level": "none", "summary": "No."}),
    ("post", "decide/", {"approve": False, "reason": "No."}),
]
ENDPOINTS = [("get", "", None), *WRITES]


def _call(client, assessment, method, suffix, body):
    if suffix == "evidence/":
        return client.post(api_url(assessment, suffix), {"indicator": "S1", "file": pdf_upload()}, format="multipart")
    return getattr(client, method)(api_url(assessment, suffix), body, format="json")


@pytest.mark.parametrize(("method", "suffix", "body"), ENDPOINTS)
def test_anonymous_callers_are_refused(api_as, in_review, method, suffix, body):
    assert _call(api_as(None), in_review, method, suffix, body).status_code in (401, 403)


@pytest.mark.parametrize(("method", "suffix", "body"), ENDPOINTS)
def test_people_outside_the_scope_get_404(request, api_as, in_review, method, suffix, body):
    before = in_review.history.count()

    for persona in ["outsider", "owner_b", "club_member", "assessor3"]:
        response = _call(api_as(request.getfixturevalue(persona)), in_review, method, suffix, body)

        assert response.status_code == 404, persona
    assert in_review.history.count() == before


@pytest.mark.parametrize(("method", "suffix", "body"), WRITES)
def test_viewers_may_look_but_change_nothing(api_as, in_review, viewer_a, method, suffix, body):
    before = in_review.history.count()

    response = _call(api_as(viewer_a), in_review, method, suffix, body)

    assert response.status_code == 403
    assert response.json()["detail"]
    assert in_review.history.count() == before


def test_viewers_may_read(api_as, in_review, viewer_a):
    assert api_as(viewer_a).get(api_url(in_review)).status_code == 200


def test_an_unknown_assessment_is_not_found(api_as, in_review, staff_user):
    response = api_as(staff_user).get("/api/assessments/00000000-0000-0000-0000-000000000000/")

    assert response.status_code == 404


def test_a_malformed_id_is_not_found(api_as, in_review, staff_user):
    assert api_as(staff_user).get("/api/assessments/not-a-uuid/").status_code == 404


@pytest.mark.parametrize(
    ("persona", "suffix", "body"),
    [
        ("owner_a", "assign/", {"assessors": ["assessor@example.test", "assessor2@example.test"]}),
        ("board_member", "recommend/", {"level": "gold", "summary": "Fine."}),
        ("board_member", "interview/", {"date": str(yesterday())}),
        ("assessor", "decide/", {"approve": True, "reason": "Fine."}),
        ("staff_user", "decide/", {"approve": True, "reason": "Fine."}),
        ("owner_a", "decide/", {"approve": True, "reason": "Fine."}),
    ],
)
def test_roles_cannot_do_each_others_work(request, api_as, in_review, persona, suffix, body):
    response = api_as(request.getfixturevalue(persona)).post(api_url(in_review, suffix), body, format="json")

    assert response.status_code == 403
    assert Assessment.objects.get(pk=in_review.pk).status == "in_review"
    assert Assessment.objects.get(pk=in_review.pk).interview_date is None
