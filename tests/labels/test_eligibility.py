"""Whether an organisation may apply for a level now: the catalogue, open applications, the
Silver window after a Bronze benchmarking, and renewals (their window: test_renewals.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labels import transitions
from labels.eligibility import application_refusal
from labels.level_rules import last_completed_bronze
from labels.models import Assessment, AssessmentStatus
from labels.scoring import add_months
from labels.transitions import TransitionNotAllowed


def completed_bronze(organisation, framework, *, months_ago: int, level="bronze", **fields) -> Assessment:
    """An approved benchmarking whose interview was `months_ago` calendar months before today.

    Written directly: only its state and dates matter here; the path to it is tested in test_transitions."""
    interview = add_months(timezone.localdate(), -months_ago)
    fields = {"decided_at": timezone.now() - timedelta(days=30 * months_ago - 10), **fields}
    return Assessment.objects.create(
        organisation=organisation,
        framework=framework,
        level=level,
        status=AssessmentStatus.APPROVED,
        awarded_level=level,
        interview_date=interview,
        **fields,
    )


def test_it_refuses_every_application_without_a_published_catalogue(db, org_a):
    refusal = application_refusal(org_a, "bronze", renewal=False, framework=None)

    assert "No indicator catalogue" in refusal


def test_starting_without_a_catalogue_is_refused(no_catalogue, org_a, owner_a):
    with pytest.raises(TransitionNotAllowed, match="catalogue"):
        transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)


@pytest.mark.parametrize("level", ["bronze", "gold"])
def test_bronze_and_gold_are_open_to_anyone(framework, org_a, level):
    assert application_refusal(org_a, level, renewal=False, framework=framework) is None


def test_it_refuses_an_unknown_level(framework, org_a):
    assert (
        application_refusal(org_a, "platinum", renewal=False, framework=framework) == "Choose Bronze, Silver or Gold."
    )


def test_silver_without_a_bronze_is_refused_with_the_reason(framework, org_a):
    refusal = application_refusal(org_a, "silver", renewal=False, framework=framework)

    assert refusal == (
        "Silver needs a completed Bronze benchmarking 18 to 24 months earlier; Alpha Cluster has none yet. "
        "Apply for Bronze first."
    )


@pytest.mark.parametrize("months_ago, allowed", [(17, False), (18, True), (20, True), (24, True), (25, False)])
def test_silver_needs_the_bronze_18_to_24_months_earlier(framework, org_a, months_ago, allowed):
    bronze = completed_bronze(org_a, framework, months_ago=months_ago)

    refusal = application_refusal(org_a, "silver", renewal=False, framework=framework)

    if allowed:
        assert refusal is None
    else:
        assert f"the last one was completed on {bronze.interview_date.isoformat()}" in refusal


def test_the_silver_window_counts_from_the_interview_not_the_decision(framework, org_a):
    # Interview 25 months ago, decided 20 months ago: the interview is what counts.
    completed_bronze(org_a, framework, months_ago=25, decided_at=timezone.now() - timedelta(days=600))

    assert application_refusal(org_a, "silver", renewal=False, framework=framework) is not None


def test_a_rejected_bronze_does_not_count(framework, org_a):
    bronze = completed_bronze(org_a, framework, months_ago=20)
    Assessment.objects.filter(pk=bronze.pk).update(status=AssessmentStatus.REJECTED, awarded_level="")

    assert last_completed_bronze(org_a) is None
    assert "has none yet" in application_refusal(org_a, "silver", renewal=False, framework=framework)


def test_the_latest_bronze_counts(framework, org_a):
    completed_bronze(org_a, framework, months_ago=40)
    recent = completed_bronze(org_a, framework, months_ago=19)

    assert last_completed_bronze(org_a) == recent
    assert application_refusal(org_a, "silver", renewal=False, framework=framework) is None


def test_another_organisations_bronze_does_not_count(framework, org_a, org_b):
    completed_bronze(org_b, framework, months_ago=20)

    assert "has none yet" in application_refusal(org_a, "silver", renewal=False, framework=framework)


def test_an_owner_starts_silver_after_a_bronze_20_months_ago(framework, org_a, owner_a):
    completed_bronze(org_a, framework, months_ago=20)

    assert transitions.assessment_start(organisation=org_a, level="silver", by=owner_a).level == "silver"


def test_a_silver_start_too_early_is_refused(framework, org_a, owner_a):
    completed_bronze(org_a, framework, months_ago=17)

    with pytest.raises(TransitionNotAllowed, match="18 to 24 months"):
        transitions.assessment_start(organisation=org_a, level="silver", by=owner_a)
    assert Assessment.objects.filter(level="silver").count() == 0


def test_a_renewal_needs_an_earlier_label_of_that_level(framework, org_a):
    refusal = application_refusal(org_a, "gold", renewal=True, framework=framework)

    assert refusal == (
        "A renewal needs an earlier Gold label of this organisation that expires, or expired, "
        "within 12 months of today."
    )


def test_a_renewal_of_a_lower_label_is_refused(framework, org_a):
    completed_bronze(org_a, framework, months_ago=20)

    assert "earlier Gold label" in application_refusal(org_a, "gold", renewal=True, framework=framework)


def test_a_renewal_after_an_earlier_label_is_allowed(framework, org_a):
    from labels.label_records import labels_issue_bulk

    labels_issue_bulk([completed_bronze(org_a, framework, months_ago=23, level="gold")])

    assert application_refusal(org_a, "gold", renewal=True, framework=framework) is None


@pytest.mark.parametrize("status", sorted(AssessmentStatus.open()))
def test_an_open_application_blocks_another(framework, org_a, status, owner_a):
    Assessment.objects.create(organisation=org_a, framework=framework, level="bronze", status=status)

    refusal = application_refusal(org_a, "gold", renewal=False, framework=framework)

    assert refusal.startswith("Alpha Cluster already has an open Bronze application")


@pytest.mark.parametrize("status", sorted(AssessmentStatus.terminal()))
def test_a_finished_application_does_not_block(framework, org_a, status):
    Assessment.objects.create(organisation=org_a, framework=framework, level="gold", status=status)

    assert application_refusal(org_a, "gold", renewal=False, framework=framework) is None


def test_another_organisations_application_does_not_block(framework, org_a, org_b):
    Assessment.objects.create(organisation=org_b, framework=framework, level="gold")

    assert application_refusal(org_a, "gold", renewal=False, framework=framework) is None
