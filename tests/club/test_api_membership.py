"""The membership API: apply, status, the secretariat's decision, leave and rejoin."""

from club.choices import MembershipStatus

APPLY = {"name": "Olga", "organisation": "Gamma", "role": "Manager", "motivation": "Networking"}


def test_a_user_applies_and_reads_the_status(api_as, outsider):
    api = api_as(outsider)
    assert api.get("/api/club/membership/").status_code == 404

    response = api.post("/api/club/membership/", APPLY, format="json")

    assert response.status_code == 201
    assert response.json()["status"] == MembershipStatus.PENDING
    assert api.post("/api/club/membership/", APPLY, format="json").status_code == 409
    assert api.post("/api/club/membership/", {**APPLY, "motivation": "x" * 2001}, format="json").status_code == 400


def test_staff_decide_through_the_api(api_as, staff_user, applicant, club_member):
    api = api_as(staff_user)
    (row,) = api.get("/api/club/applications/").json()["results"]
    assert row["name"] == "Ada Applicant" and "email" not in row

    url = f"/api/club/applications/{row['id']}/decide/"
    assert api.post(url, {"decision": "decline"}, format="json").status_code == 400
    assert api.post(url, {"decision": "approve"}, format="json").json()["status"] == MembershipStatus.APPROVED
    assert api.post(url, {"decision": "approve"}, format="json").status_code == 409


def test_only_staff_decide(api_as, club_member, applicant):
    api = api_as(club_member)
    assert api.get("/api/club/applications/").status_code == 403
    url = f"/api/club/applications/{applicant.club_membership.public_id}/decide/"
    assert api.post(url, {"decision": "approve"}, format="json").status_code == 403


def test_a_member_leaves_and_rejoins_through_the_api(api_as, club_member):
    api = api_as(club_member)
    assert api.post("/api/club/membership/leave/").json()["status"] == MembershipStatus.LEFT
    assert api.get("/api/club/members/").status_code == 403
    assert api.post("/api/club/membership/leave/").status_code == 409
    assert api.post("/api/club/membership/rejoin/").json()["status"] == MembershipStatus.APPROVED


def test_the_club_schema_generates_without_warnings(db):
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    patterns = [path("api/club/", include("club.api.urls"))]
    SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache
