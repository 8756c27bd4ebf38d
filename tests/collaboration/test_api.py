"""The collaboration API: public reads, the poster's side of interests, follows, saved searches,
matchmaking, and the same refusals as the pages (403, 404, 409, 400)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from collaboration import postings
from collaboration.models import Follow, Interest, Meeting, SavedSearch

from .conftest import join


def posting_body(**overrides):
    body = {
        "organisation": "alpha-cluster", "kind": "offer", "title": "Pilot sites", "description": "Three sites.",
        "sectors": ["mobility"], "countries": ["at"], "topics": ["pilots"],
        "deadline": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }  # fmt: skip
    body.update(overrides)
    return body


def test_the_root_lists_the_collaboration_endpoints(api_client, db):
    body = api_client.get("/api/").json()
    for key in ("directory", "map", "postings", "follows", "partner-search", "saved-searches", "events", "meetings"):
        assert key in body


def test_the_public_reads_profiles_without_signing_in(api_client, org_a):
    data = api_client.get("/api/directory/alpha-cluster/").json()
    assert data["name"] == "Alpha Cluster" and data["contact"] is None and data["label"] is None


def test_owners_change_the_visibility_and_others_may_not(api_as, org_a, owner_a, viewer_a):
    response = api_as(viewer_a).patch("/api/directory/alpha-cluster/visibility/", {"region": False}, format="json")
    assert response.status_code == 403
    response = api_as(owner_a).patch("/api/directory/alpha-cluster/visibility/", {"region": False}, format="json")
    assert response.status_code == 200 and response.json()["region"] is False


def test_an_editor_publishes_a_posting(api_as, owner_a):
    response = api_as(owner_a).post("/api/postings/", posting_body(), format="json")
    assert response.status_code == 201
    assert response.json()["countries"] == ["AT"] and response.json()["status"] == "open"


def test_posting_for_someone_elses_organisation_is_a_403(api_as, owner_b, org_a):
    assert api_as(owner_b).post("/api/postings/", posting_body(), format="json").status_code == 403


def test_a_posting_without_a_sector_is_a_400(api_as, owner_a):
    response = api_as(owner_a).post("/api/postings/", posting_body(sectors=[]), format="json")
    assert response.status_code == 400 and "sectors" in response.json()


def test_anonymous_visitors_read_postings_but_do_not_write(api_client, posting):
    assert api_client.get("/api/postings/").json()["count"] == 1
    assert api_client.post("/api/postings/", posting_body(), format="json").status_code in (401, 403)


def test_interests_are_for_the_posters_side(api_as, posting, org_b, owner_b, viewer_a, outsider):
    response = api_as(owner_b).post(
        f"/api/postings/{posting.public_id}/interests/",
        {"organisation": "beta-cluster", "message": "Yes"},
        format="json",
    )
    assert response.status_code == 201
    assert len(api_as(viewer_a).get(f"/api/postings/{posting.public_id}/interests/").json()) == 1
    assert api_as(outsider).get(f"/api/postings/{posting.public_id}/interests/").json() == []


def test_a_second_interest_is_a_409(api_as, posting, org_b, owner_b):
    postings.interest_express(posting=posting, organisation=org_b, message="Yes", by=owner_b)
    response = api_as(owner_b).post(
        f"/api/postings/{posting.public_id}/interests/",
        {"organisation": "beta-cluster", "message": "Again"},
        format="json",
    )
    assert response.status_code == 409
    assert Interest.objects.count() == 1


def test_closing_twice_is_a_409(api_as, posting, owner_a):
    client = api_as(owner_a)
    assert client.post(f"/api/postings/{posting.public_id}/close/").json()["status"] == "closed"
    assert client.post(f"/api/postings/{posting.public_id}/close/").status_code == 409


def test_following_through_the_api(api_as, posting, outsider):
    client = api_as(outsider)
    assert client.post(f"/api/postings/{posting.public_id}/follow/").status_code == 201
    assert [row["posting"]["id"] for row in client.get("/api/follows/").json()] == [str(posting.public_id)]
    assert client.delete(f"/api/postings/{posting.public_id}/follow/").status_code == 204
    assert not Follow.objects.exists()


def test_saved_searches_through_the_api(api_as, outsider):
    client = api_as(outsider)
    response = client.post(
        "/api/saved-searches/", {"name": "Food", "filters": {"sector": ["food"], "country": ["es"]}}, format="json"
    )
    assert response.status_code == 201
    assert SavedSearch.objects.get().query == {"country": ["ES"], "sector": ["food"]}
    public_id = response.json()["id"]
    assert client.patch(f"/api/saved-searches/{public_id}/", {"notify": False}, format="json").json()["notify"] is False


def test_an_unknown_country_is_a_400(api_as, outsider):
    response = api_as(outsider).post(
        "/api/saved-searches/", {"name": "X", "filters": {"country": ["ZZ"]}}, format="json"
    )
    assert response.status_code == 400


def test_matchmaking_through_the_api(api_as, event, owner_a, owner_b, org_a):
    join(event, owner_b)
    a_client = api_as(owner_a)
    assert a_client.put(
        f"/api/events/{event.public_id}/participation/", {"organisation": "alpha-cluster", "offers": "Sites"},
        format="json",
    ).status_code == 200  # fmt: skip
    participants = a_client.get(f"/api/events/{event.public_id}/participants/").json()
    other = next(p for p in participants if p["organisation"] is None)
    slot = a_client.get(f"/api/events/{event.public_id}/").json()["slots"][0]["id"]
    response = a_client.post(
        "/api/meetings/", {"event": str(event.public_id), "recipient": other["id"], "slot": slot}, format="json"
    )
    assert response.status_code == 201
    meeting_id = response.json()["id"]
    b_client = api_as(owner_b)
    b_client.force_authenticate(owner_b)
    assert b_client.post(f"/api/meetings/{meeting_id}/accept/").json()["status"] == "accepted"
    assert b_client.post(f"/api/meetings/{meeting_id}/accept/").status_code == 409
    assert len(b_client.get("/api/schedule/").json()) == 1


def test_only_staff_create_events_through_the_api(api_as, owner_a, staff_user):
    start = timezone.now() + timedelta(days=3)
    body = {
        "title": "Days",
        "slots": [{"starts_at": start.isoformat(), "ends_at": (start + timedelta(minutes=20)).isoformat()}],
    }
    assert api_as(owner_a).post("/api/events/", body, format="json").status_code == 403
    client = api_as(staff_user)
    client.force_authenticate(staff_user)
    assert client.post("/api/events/", body, format="json").status_code == 201
    overlapping = {"title": "Bad", "slots": body["slots"] * 2}
    assert client.post("/api/events/", overlapping, format="json").status_code == 400


def test_a_meeting_outside_ones_own_is_a_404(api_as, event, owner_a, owner_b, outsider):
    _a, b = join(event, owner_a), join(event, owner_b)
    from collaboration import matchmaking

    meeting = matchmaking.meeting_request(event=event, by=owner_a, recipient=b, slot=event.slots.first())
    assert api_as(outsider).post(f"/api/meetings/{meeting.public_id}/accept/").status_code == 404
    assert Meeting.objects.get().status == "requested"


@pytest.mark.django_db
def test_the_collaboration_schema_generates_without_warnings():
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    SchemaGenerator(patterns=[path("api/", include("collaboration.api.urls"))]).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache
