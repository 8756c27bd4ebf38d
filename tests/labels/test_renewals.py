"""Renewals: only a label of the same level, neither revoked nor renewed already, whose expiry lies
within the renewal window counts."""

import pytest
from django.utils import timezone

from labels.label_records import labels_issue_bulk
from labels.models import LabelStatus
from labels.renewals import renewable_label, renewal_refusal

from .test_eligibility import completed_bronze


def gold_label(organisation, framework, *, months_ago):
    """A Gold label whose interview was `months_ago` calendar months before today."""
    assessment = completed_bronze(organisation, framework, months_ago=months_ago, level="gold")
    (label,) = labels_issue_bulk([assessment])
    return label


# Validity 24 months from the interview's month, window 12 months: a label interviewed 12 to about
# 36 months ago may be renewed.
@pytest.mark.parametrize(
    ("months_ago", "counts"),
    [(11, False), (12, True), (23, True), (30, True), (35, True), (37, False), (50, False)],
)
def test_only_an_expiry_within_the_window_counts(framework, org_a, months_ago, counts):
    label = gold_label(org_a, framework, months_ago=months_ago)

    found = renewable_label(org_a, "gold", on=timezone.localdate(), framework=framework)

    assert found == (label if counts else None)


def test_a_label_of_another_level_does_not_count(framework, org_a):
    gold_label(org_a, framework, months_ago=20)

    assert renewable_label(org_a, "silver", on=timezone.localdate(), framework=framework) is None


def test_another_organisations_label_does_not_count(framework, org_a, org_b):
    gold_label(org_b, framework, months_ago=20)

    assert renewable_label(org_a, "gold", on=timezone.localdate(), framework=framework) is None


def test_a_revoked_label_does_not_count(framework, org_a):
    label = gold_label(org_a, framework, months_ago=20)
    label.status = LabelStatus.REVOKED
    label.save()

    assert renewable_label(org_a, "gold", on=timezone.localdate(), framework=framework) is None


def test_a_label_renewed_already_does_not_count_twice(framework, org_a):
    old = gold_label(org_a, framework, months_ago=20)
    newer = gold_label(org_a, framework, months_ago=1)
    newer.renews = old
    newer.save()

    assert renewable_label(org_a, "gold", on=timezone.localdate(), framework=framework) is None


def test_the_refusal_names_the_window(framework, org_a):
    gold_label(org_a, framework, months_ago=50)

    refusal = renewal_refusal(org_a, "gold", on=timezone.localdate(), framework=framework)

    assert refusal == (
        "A renewal needs an earlier Gold label of this organisation that expires, or expired, "
        "within 12 months of today."
    )


def test_starting_a_renewal_of_a_long_expired_label_is_refused(framework, org_a, owner_a):
    from labels import transitions

    gold_label(org_a, framework, months_ago=50)

    with pytest.raises(transitions.TransitionNotAllowed, match="within 12 months"):
        transitions.assessment_start(organisation=org_a, level="gold", renewal=True, by=owner_a)
