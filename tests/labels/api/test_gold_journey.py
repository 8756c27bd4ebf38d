"""The whole Gold process through the API, as each persona's program would drive it."""

from django.core import mail

from labels.models import AnswerRevision, Assessment, AssessmentStatus

from .conftest import api_url, json_value, pdf_upload, yesterday


def test_a_gold_label_goes_from_application_to_decision_through_the_api(
    api_as, framework, org_a, owner_a, staff_user, assessor, assessor2, board_member, django_capture_on_commit_callbacks
):
    # The manager applies and answers every indicator.
    response = api_as(owner_a).post(api_url(), {"organisation": "alpha-cluster", "level": "gold"}, format="json")
    assert response.status_code == 201, response.json()
    assessment = Assessment.objects.get(public_id=response.json()["id"])
    assert response.json()["status"] == "draft"
    for indicator in framework.indicators.all():
        body = {"value": json_value(indicator, indicator.green), "comment": f"About {indicator.code}."}
        response = api_as(owner_a).put(api_url(assessment, f"answers/{indicator.code}/"), body, format="json")
        assert response.status_code == 200, (indicator.code, response.json())
        assert response.json()["provisional_rating"] == "green"
    upload = api_as(owner_a).post(
        api_url(assessment, "evidence/"), {"indicator": "G1", "file": pdf_upload("staff.pdf")}, format="multipart"
    )
    assert upload.status_code == 201, upload.json()
    with django_capture_on_commit_callbacks(execute=True):
        submitted = api_as(owner_a).post(api_url(assessment, "submit/"))
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "submitted"
    assessment.refresh_from_db()
    assert assessment.provisional_score == 100  # scored by the background job after commit

    # The secretariat assigns two assessors.
    assign = api_as(staff_user).post(
        api_url(assessment, "assign/"), {"assessors": [assessor.email, assessor2.email]}, format="json"
    )
    assert assign.status_code == 200, assign.json()
    assert assign.json()["status"] == "in_review"

    # Both assessors review; one corrects T6 (less is better: 3 is yellow), both recommend Gold.
    review = api_as(assessor).put(
        api_url(assessment, "reviews/T6/"), {"verified_value": 3, "comment": "Costs were higher."}, format="json"
    )
    assert review.status_code == 200, review.json()
    assert review.json()["rating"] == "yellow"
    assert review.json()["verified_score"] == 97.1  # 68 of 70 Gold points
    interview = api_as(assessor2).post(api_url(assessment, "interview/"), {"date": str(yesterday())}, format="json")
    assert interview.status_code == 200, interview.json()
    assert interview.json()["verification"]["verified"] == 1
    early = api_as(assessor).post(
        api_url(assessment, "recommend/"), {"level": "gold", "summary": "Convincing."}, format="json"
    )
    assert early.status_code == 409
    assert early.json()["detail"].startswith("Verify every indicator first: 1 of 36 are verified")
    # They confirm the remaining declared values area by area.
    for area in framework.areas.all():
        confirmed = api_as(assessor2).post(api_url(assessment, f"areas/{area.code}/confirm/"))
        assert confirmed.status_code == 200, confirmed.json()
    assert confirmed.json()["verification"]["complete"] is True
    assert confirmed.json()["requirements"][-1] == {"level": "gold", "met": True, "unmet": [], "basis": "verified"}
    for person in (assessor, assessor2):
        recommend = api_as(person).post(
            api_url(assessment, "recommend/"), {"level": "gold", "summary": "Convincing."}, format="json"
        )
        assert recommend.status_code == 200, recommend.json()
    assert recommend.json()["status"] == "recommended"
    assert recommend.json()["recommendations_disagree"] is False

    # The board approves.
    with django_capture_on_commit_callbacks(execute=True):
        decision = api_as(board_member).post(
            api_url(assessment, "decide/"), {"approve": True, "reason": "All criteria met."}, format="json"
        )
    assert decision.status_code == 200, decision.json()

    # The manager sees the decision, the verified ratings and the whole history.
    detail = api_as(owner_a).get(api_url(assessment)).json()
    assert detail["status"] == "approved"
    assert detail["decision"]["approved"] is True
    assert detail["decision"]["awarded_level"] == "gold"
    assert detail["decision"]["reason"] == "All criteria met."
    assert detail["score"] == {
        "points_possible": 70,
        "provisional": 100.0,
        "provisional_points": 70,
        "verified": 97.1,
        "verified_points": 68,
    }
    t6 = next(r for r in detail["ratings"] if r["indicator"] == "T6")
    assert t6["provisional"]["rating"] == "green"
    assert t6["verified"]["rating"] == "yellow"
    assert t6["verified"]["comment"] == "Costs were higher."
    assert [a["recommended_level"] for a in detail["assignments"]] == ["gold", "gold"]
    assert [(e["from"], e["to"]) for e in detail["history"]] == [
        (None, "draft"),
        ("draft", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "recommended"),
        ("recommended", "approved"),
    ]
    assert detail["history"][-1]["actor"] == board_member.email
    g1 = next(a for a in detail["answers"] if a["indicator"] == "G1")
    assert [e["name"] for e in g1["evidence"]] == ["staff.pdf"]
    assert g1["evidence"][0]["download_url"].endswith(f"/labels/evidence/{g1['evidence'][0]['id']}/")
    assert not AnswerRevision.objects.exists()
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.APPROVED
    assert any(owner_a.email in m.to for m in mail.outbox)
