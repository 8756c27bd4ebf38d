"""The label API: a public list with filters and a detail, the certificate's URL only for the
organisation's members and staff, the board's suspension, reinstatement and revocation (403 for
others, 409 in the wrong state, 400 without a reason), reflected at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labels import transitions
from labels.models import Label
from tests.factories import UserFactory

from ..views.test_label_register import _labels


@pytest.fixture
def label(recommended, board_member):
    return transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member).label


def _detail(label, action=""):
    return f"/api/labels/{label.public_id}/{action}"


def test_anyone_lists_the_labels(api_client, label):
    data = api_client.get("/api/labels/").json()

    assert data["count"] == 1
    row = data["results"][0]
    assert row["certificate_number"] == label.certificate_number
    assert row["status"] == "valid"
    assert row["organisation"]["name"] == "Alpha Cluster"
    assert row["verify_url"].endswith(f"/labels/verify/{label.public_id}/")
    assert row["assertion_url"].endswith(f"/labels/badges/assertions/{label.public_id}/")
    assert "score" not in str(row)


def test_the_list_filters_by_country_sector_level_and_status(api_client, framework, board_member):
    french = _labels(framework, 2, country="FR", sector="food")
    _labels(framework, 1, level="silver")
    transitions_done = french[0]
    from labels.label_records import label_revoke

    label_revoke(label=transitions_done, reason="Fraud.", by=board_member)
    Label.objects.filter(pk=french[1].pk).update(valid_until=timezone.localdate() - timedelta(days=1))

    def count(**query):
        return api_client.get("/api/labels/", query).json()["count"]

    assert count(country="FR") == 2
    assert count(sector="food") == 2
    assert count(level="silver") == 1
    assert count(status="revoked") == 1
    assert count(status="expired") == 1
    assert count(status="valid") == 1
    assert api_client.get("/api/labels/", {"status": "lost"}).status_code == 400


@pytest.mark.parametrize("count", [2, 30])
def test_the_lists_query_count_does_not_grow(api_client, framework, count, django_assert_max_num_queries):
    _labels(framework, count)

    with django_assert_max_num_queries(2):
        assert api_client.get("/api/labels/").status_code == 200


def test_the_detail_is_public_without_the_certificate(api_client, label):
    data = api_client.get(_detail(label)).json()

    assert data["level"] == "gold"
    assert data["valid_until"] == label.valid_until.isoformat()
    assert data["certificate_url"] is None


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user"])
def test_members_and_staff_get_the_certificate_url(request, api_as, label, persona):
    data = api_as(request.getfixturevalue(persona)).get(_detail(label)).json()

    assert data["certificate_url"].endswith(f"/labels/label/{label.public_id}/certificate/")


@pytest.mark.parametrize("persona", ["owner_b", "board_member", "outsider"])
def test_others_do_not_get_the_certificate_url(request, api_as, label, persona):
    assert api_as(request.getfixturevalue(persona)).get(_detail(label)).json()["certificate_url"] is None


def test_an_unknown_label_is_404(api_client, db):
    assert api_client.get("/api/labels/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_board_suspends_reinstates_and_revokes(api_as, api_client, label, board_member):
    client = api_as(board_member)

    response = client.post(_detail(label, "suspend/"), {"reason": "Under review."})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["public_reason"]) == ("suspended", "Under review.")
    assert api_client.get("/api/labels/", {"status": "valid"}).json()["count"] == 0

    assert client.post(_detail(label, "reinstate/"), {"reason": "Cleared."}).json()["status"] == "valid"
    assert client.post(_detail(label, "revoke/"), {"reason": "Fraud."}).json()["status"] == "revoked"


def test_the_wrong_state_is_a_409(api_as, label, board_member):
    response = api_as(board_member).post(_detail(label, "reinstate/"), {"reason": "Why?"})

    assert response.status_code == 409
    assert "valid" in response.json()["detail"]


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "x" * 2001}])
def test_a_missing_or_long_reason_is_a_400(api_as, label, board_member, body):
    response = api_as(board_member).post(_detail(label, "suspend/"), body)

    assert response.status_code == 400
    assert "reason" in response.json()


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "assessor"])
def test_only_the_board_changes_a_label(request, api_as, label, persona):
    response = api_as(request.getfixturevalue(persona)).post(_detail(label, "revoke/"), {"reason": "x"})

    assert response.status_code == 403
    assert Label.objects.get().status == "valid"


def test_a_board_member_with_a_conflict_is_refused(api_as, label, org_a):
    conflicted = UserFactory(is_board_member=True)
    conflicted.declared_conflicts.add(org_a)

    assert api_as(conflicted).post(_detail(label, "suspend/"), {"reason": "x"}).status_code == 403


def test_anonymous_callers_may_not_change_a_label(api_client, label):
    assert api_client.post(_detail(label, "suspend/"), {"reason": "x"}).status_code in (401, 403)


def test_the_api_root_lists_the_labels(api_client, db):
    assert api_client.get("/api/").json()["labels"].endswith("/api/labels/")


def test_the_assessment_detail_links_its_label(api_as, label, owner_a):
    data = api_as(owner_a).get(f"/api/assessments/{label.assessment.public_id}/").json()

    assert data["label"] == str(label.public_id)
