"""The label's own page: for the organisation's members, the board and staff; the board's
suspension, reinstatement and revocation from it, each refusal shown."""

import pytest
from django.urls import reverse

from labels.models import LabelStatus
from tests.factories import UserFactory


def _url(label, name="labels:label_detail"):
    return reverse(name, args=[label.public_id])


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "board_member", "staff_user"])
def test_members_board_and_staff_see_the_label(request, client_as, label, persona):
    response = client_as(request.getfixturevalue(persona)).get(_url(label))

    assert response.status_code == 200
    assert label.certificate_number in response.content.decode()
    assert "Issued" in response.content.decode()


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "assessor"])
def test_others_get_404(request, client_as, label, persona):
    assert client_as(request.getfixturevalue(persona)).get(_url(label)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, label):
    assert client.get(_url(label)).status_code == 302


def test_only_the_board_sees_the_lifecycle_forms(client_as, label, owner_a, board_member):
    assert "Suspend the label" not in client_as(owner_a).get(_url(label)).content.decode()
    page = client_as(board_member).get(_url(label)).content.decode()
    assert "Suspend the label" in page
    assert "Revoke the label" in page
    assert "Reinstate the label" not in page


def test_the_board_suspends_reinstates_and_revokes(client_as, label, board_member):
    client = client_as(board_member)

    response = client.post(_url(label, "labels:label_suspend"), {"reason": "Complaint under review."})
    assert response.status_code == 302
    label.refresh_from_db()
    assert label.status == LabelStatus.SUSPENDED
    assert "Reinstate the label" in client.get(_url(label)).content.decode()

    client.post(_url(label, "labels:label_reinstate"), {"reason": "Unfounded."})
    label.refresh_from_db()
    assert label.status == LabelStatus.VALID

    client.post(_url(label, "labels:label_revoke"), {"reason": "False statements."})
    label.refresh_from_db()
    assert (label.status, label.public_reason) == (LabelStatus.REVOKED, "False statements.")


def test_a_change_the_state_forbids_is_refused_with_a_message(client_as, label, board_member):
    response = client_as(board_member).post(_url(label, "labels:label_reinstate"), {"reason": "Why?"}, follow=True)

    assert "not possible while the label is valid" in response.content.decode()
    label.refresh_from_db()
    assert label.status == LabelStatus.VALID


def test_a_change_without_a_reason_is_refused(client_as, label, board_member):
    response = client_as(board_member).post(_url(label, "labels:label_suspend"), {"reason": ""}, follow=True)

    assert "This field is required" in response.content.decode()
    label.refresh_from_db()
    assert label.status == LabelStatus.VALID


@pytest.mark.parametrize("persona", ["owner_a", "staff_user"])
def test_members_and_staff_may_not_change_the_label(request, client_as, label, persona):
    response = client_as(request.getfixturevalue(persona)).post(_url(label, "labels:label_revoke"), {"reason": "x"})

    assert response.status_code == 403
    label.refresh_from_db()
    assert label.status == LabelStatus.VALID


def test_a_board_member_with_a_conflict_may_not_change_the_label(client_as, label, org_a):
    conflicted = UserFactory(is_board_member=True)
    conflicted.declared_conflicts.add(org_a)

    response = client_as(conflicted).post(_url(label, "labels:label_suspend"), {"reason": "x"})

    assert response.status_code == 403
    assert "conflict of interest" in client_as(conflicted).get(_url(label)).content.decode()


def test_actions_answer_only_post(client_as, label, board_member):
    assert client_as(board_member).get(_url(label, "labels:label_suspend")).status_code == 405
