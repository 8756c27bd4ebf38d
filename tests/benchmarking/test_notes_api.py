"""The practice notes API: list (published, signed in), create and withdraw (owners, editors), moderation (staff)."""

import pytest

from benchmarking import practice_notes
from benchmarking.choices import NoteStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(framework, org_a):
    return {"organisation": org_a.slug, "indicator": f"{framework.code}:S1", "title": "Growth", "body": "Ask."}


def test_an_owner_creates_a_note(api_as, owner_a, decided_a, body):
    response = api_as(owner_a).post("/api/practice-notes/", body, format="json")

    assert response.status_code == 201
    assert response.json()["status"] == "pending" and response.json()["author"] is None


def test_create_refusals(api_as, viewer_a, outsider, owner_a, decided_a, body, framework, api_client):
    assert api_client.post("/api/practice-notes/", body, format="json").status_code in (401, 403)
    assert api_as(viewer_a).post("/api/practice-notes/", body, format="json").status_code == 403
    api_client.force_authenticate(None)
    assert api_as(outsider).post("/api/practice-notes/", body, format="json").status_code == 404
    api_client.force_authenticate(owner_a)
    red = {**body, "indicator": f"{framework.code}:G3"}
    assert api_client.post("/api/practice-notes/", red, format="json").status_code == 409
    assert api_client.post("/api/practice-notes/", {**body, "title": "x" * 121}, format="json").status_code == 400
    assert api_client.post("/api/practice-notes/", body, format="json").status_code == 201
    assert api_client.post("/api/practice-notes/", body, format="json").status_code == 409


def test_the_list_holds_published_notes_only(api_as, owner_a, outsider, staff_user, decided_a, framework, org_a):
    note = practice_notes.practice_note_create(
        organisation=org_a, indicator_key=f"{framework.code}:S1", title="T", body="B", attributed=True, by=owner_a
    )
    assert api_as(outsider).get("/api/practice-notes/").json()["results"] == []

    practice_notes.practice_note_publish(note=note, by=staff_user)
    results = api_as(outsider).get(f"/api/practice-notes/?indicator={framework.code}:S1").json()["results"]

    assert [(r["title"], r["author"]) for r in results] == [("T", org_a.name)]


def test_moderation_by_staff_only(api_as, owner_a, staff_user, decided_a, body, api_client):
    note_id = api_as(owner_a).post("/api/practice-notes/", body, format="json").json()["public_id"]

    assert api_client.get("/api/practice-notes/moderation/").status_code == 403
    assert api_client.post(f"/api/practice-notes/{note_id}/publish/").status_code == 403
    api_client.force_authenticate(staff_user)
    assert len(api_client.get("/api/practice-notes/moderation/").json()) == 1
    assert api_client.post(f"/api/practice-notes/{note_id}/reject/", {}, format="json").status_code == 400
    assert api_client.post(f"/api/practice-notes/{note_id}/publish/").json()["status"] == NoteStatus.PUBLISHED
    assert api_client.post(f"/api/practice-notes/{note_id}/publish/").status_code == 409


def test_withdraw_by_the_author_only(api_as, owner_a, viewer_a, outsider, decided_a, body, api_client):
    note_id = api_as(owner_a).post("/api/practice-notes/", body, format="json").json()["public_id"]

    api_client.force_authenticate(outsider)
    assert api_client.post(f"/api/practice-notes/{note_id}/withdraw/").status_code == 404
    api_client.force_authenticate(viewer_a)
    assert api_client.post(f"/api/practice-notes/{note_id}/withdraw/").status_code == 403
    api_client.force_authenticate(owner_a)
    assert api_client.post(f"/api/practice-notes/{note_id}/withdraw/").json()["status"] == "withdrawn"
    assert api_client.post(f"/api/practice-notes/{note_id}/withdraw/").status_code == 409
