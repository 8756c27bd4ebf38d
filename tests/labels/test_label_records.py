"""The awarded label: issued by the approving decision in its transaction, numbered without gaps or
reuse, valid for the level's months, continued by a renewal inside the window, and suspended,
reinstated or revoked by the board with a public reason, every change in its history."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Organisation
from labels import transitions
from labels.label_records import (
    LabelNotAllowed,
    certificate_numbers_draw,
    label_reinstate,
    label_revoke,
    label_suspend,
    label_validity,
)
from labels.models import Assessment, Label, LabelAction, LabelState, LabelStatus
from labels.scoring import add_months
from tests.factories import UserFactory, assessment_in
from tests.labels import built_fixtures

draft, submitted = built_fixtures.draft, built_fixtures.submitted
in_review, recommended = built_fixtures.in_review, built_fixtures.recommended


def _approve(assessment, board_member, reason="Met."):
    return transitions.assessment_decide(assessment=assessment, approve=True, reason=reason, by=board_member)


def test_approving_issues_the_label_in_the_same_decision(recommended, board_member, org_a):
    approved = _approve(recommended, board_member)

    label = Label.objects.get(assessment=approved)
    assert label.organisation == org_a
    assert label.level == "gold"
    assert label.framework_id == approved.framework_id
    assert label.status == LabelStatus.VALID
    assert label.state == LabelState.VALID
    assert [(e.action, e.actor, e.reason) for e in label.history.all()] == [(LabelAction.ISSUED, board_member, "Met.")]


def test_the_label_counts_the_levels_months_from_the_interviews_month(recommended, board_member):
    approved = _approve(recommended, board_member)

    label = approved.label
    start = approved.interview_date.replace(day=1)
    assert label.valid_from == start
    assert label.valid_until == add_months(start, 24) - timedelta(days=1)


def test_without_an_interview_the_decision_month_counts(framework, org_a):
    assessment = Assessment(framework=framework, organisation=org_a, decided_at=timezone.now(), awarded_level="gold")

    valid_from, valid_until = label_validity(assessment, "gold")

    assert valid_from == timezone.localdate().replace(day=1)
    assert valid_until == add_months(valid_from, 24) - timedelta(days=1)


def test_the_certificate_number_names_country_level_year_and_sequence(recommended, board_member):
    approved = _approve(recommended, board_member)

    year = timezone.localdate().year
    assert approved.label.certificate_number == f"DEU-GOLD-{year}-0001"


def test_rejecting_issues_no_label(recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="No.", by=board_member)

    assert not Label.objects.exists()


def test_numbers_continue_per_series_and_are_never_reused(db):
    assert certificate_numbers_draw("DEU", "gold", 2026) == ["DEU-GOLD-2026-0001"]
    assert certificate_numbers_draw("DEU", "gold", 2026, 2) == ["DEU-GOLD-2026-0002", "DEU-GOLD-2026-0003"]
    assert certificate_numbers_draw("DEU", "silver", 2026) == ["DEU-SILVER-2026-0001"]
    assert certificate_numbers_draw("FRA", "gold", 2026) == ["FRA-GOLD-2026-0001"]
    assert certificate_numbers_draw("DEU", "gold", 2027) == ["DEU-GOLD-2027-0001"]
    # A revoked label keeps its number: the series moves on.
    assert certificate_numbers_draw("DEU", "gold", 2026) == ["DEU-GOLD-2026-0004"]


# --- renewals ------------------------------------------------------------------------------------


def _old_label(org, framework, *, last_day: date, level="gold") -> Label:
    from labels.label_records import labels_issue_bulk

    interview = add_months(last_day + timedelta(days=1), -24)
    old = Assessment.objects.create(
        organisation=org,
        framework=framework,
        level=level,
        status="approved",
        awarded_level=level,
        interview_date=interview,
        decided_at=timezone.now() - timedelta(days=700),
    )
    (label,) = labels_issue_bulk([old])
    assert label.valid_until == last_day
    return label


def _renewal(org, owner, staff, assessors, board, *, level="gold") -> Assessment:
    assessment = assessment_in(
        "recommended", organisation=org, owner=owner, level=level, staff=staff, assessors=assessors, board=board
    )
    Assessment.objects.filter(pk=assessment.pk).update(renewal=True)
    assessment.refresh_from_db()
    return assessment


def test_a_renewal_inside_the_window_continues_from_the_old_expiry(
    framework, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    expired_on = add_months(timezone.localdate(), -3).replace(day=1) - timedelta(days=1)
    old = _old_label(org_a, framework, last_day=expired_on)
    renewal = _renewal(org_a, owner_a, staff_user, [assessor, assessor2], board_member)

    label = _approve(renewal, board_member).label

    assert label.renews == old
    assert label.valid_from == expired_on + timedelta(days=1)
    assert label.valid_until == add_months(label.valid_from, 24) - timedelta(days=1)


def test_a_renewal_of_another_level_is_a_new_label(
    framework, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    expired_on = add_months(timezone.localdate(), -3).replace(day=1) - timedelta(days=1)
    _old_label(org_a, framework, last_day=expired_on, level="bronze")
    renewal = _renewal(org_a, owner_a, staff_user, [assessor, assessor2], board_member, level="gold")

    label = _approve(renewal, board_member).label

    assert label.renews is None
    assert label.valid_from == renewal.interview_date.replace(day=1)


def test_a_renewal_started_after_the_window_is_a_new_label(
    framework, org_a, owner_a, staff_user, assessor, assessor2, board_member
):
    long_ago = add_months(timezone.localdate(), -14).replace(day=1) - timedelta(days=1)
    _old_label(org_a, framework, last_day=long_ago)
    renewal = _renewal(org_a, owner_a, staff_user, [assessor, assessor2], board_member)

    label = _approve(renewal, board_member).label

    assert label.renews is None
    assert label.valid_from == renewal.interview_date.replace(day=1)


# --- states and the board's changes ----------------------------------------------------------------


@pytest.fixture
def label(recommended, board_member) -> Label:
    return _approve(recommended, board_member).label


def test_a_label_past_its_last_day_is_expired_without_any_job(label):
    Label.objects.filter(pk=label.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    label.refresh_from_db()

    assert label.state == LabelState.EXPIRED
    assert label.status == LabelStatus.VALID
    assert not Label.objects.valid_on().exists()
    assert list(Label.objects.in_state("expired")) == [label]
    assert Label.objects.with_state().get().current_state == "expired"


def test_the_board_suspends_and_reinstates_with_a_public_reason(label, board_member):
    label_suspend(label=label, reason="Complaint under review.", by=board_member)
    label.refresh_from_db()
    assert (label.state, label.public_reason) == (LabelState.SUSPENDED, "Complaint under review.")
    assert not Label.objects.valid_on().exists()

    label_reinstate(label=label, reason="Complaint unfounded.", by=board_member)
    label.refresh_from_db()
    assert (label.state, label.public_reason) == (LabelState.VALID, "")
    assert [(e.action, e.reason) for e in label.history.all()] == [
        ("issued", "Met."),
        ("suspended", "Complaint under review."),
        ("reinstated", "Complaint unfounded."),
    ]
    assert all(e.actor == board_member for e in label.history.all())


def test_the_board_revokes_for_good(label, board_member):
    label_revoke(label=label, reason="False statements in the application.", by=board_member)
    label.refresh_from_db()

    assert label.state == LabelState.REVOKED
    assert label.public_reason == "False statements in the application."
    with pytest.raises(LabelNotAllowed):
        label_reinstate(label=label, reason="Changed our mind.", by=board_member)
    with pytest.raises(LabelNotAllowed):
        label_suspend(label=label, reason="Again.", by=board_member)


def test_only_a_suspended_label_is_reinstated(label, board_member):
    with pytest.raises(LabelNotAllowed, match="valid"):
        label_reinstate(label=label, reason="Why?", by=board_member)


def test_an_expired_label_is_neither_suspended_nor_revoked(label, board_member):
    Label.objects.filter(pk=label.pk).update(valid_until=timezone.localdate() - timedelta(days=1))

    with pytest.raises(LabelNotAllowed, match="expired"):
        label_suspend(label=label, reason="Late.", by=board_member)
    with pytest.raises(LabelNotAllowed, match="expired"):
        label_revoke(label=label, reason="Late.", by=board_member)


@pytest.mark.parametrize("persona", ["owner_a", "staff_user", "assessor", "outsider"])
def test_only_the_board_changes_a_label(request, label, persona):
    with pytest.raises(PermissionDenied, match="label board"):
        label_suspend(label=label, reason="No.", by=request.getfixturevalue(persona))
    assert Label.objects.get().status == LabelStatus.VALID


def test_a_board_member_with_a_conflict_does_not_change_the_label(label, org_a):
    conflicted = UserFactory(is_board_member=True)
    conflicted.declared_conflicts.add(org_a)

    with pytest.raises(PermissionDenied, match="conflict of interest"):
        label_revoke(label=label, reason="No.", by=conflicted)


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_change_needs_a_public_reason_of_sensible_length(label, board_member, reason):
    with pytest.raises(ValidationError):
        label_suspend(label=label, reason=reason, by=board_member)
    assert Label.objects.get().status == LabelStatus.VALID


def test_the_organisation_the_label_names_is_not_deleted_with_it(label):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Organisation.objects.filter(pk=label.organisation_id).delete()
