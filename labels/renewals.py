"""Renewals: which earlier label a renewal application continues.

Until labels are records of their own, a label is an approved assessment: it is valid from its
benchmarking date (level_rules.benchmarking_date) for the level's `validity_months`. A renewal
counts only a label of the same level whose expiry lies within the catalogue's
`renewal_window_months` of the day the renewal starts, before or after it: the window opens that
many months before the expiry and closes that many months after it.
"""

from datetime import date

from django.utils.translation import gettext as _

from accounts.models import Organisation

from .choices import Level
from .models import Assessment, AssessmentStatus, Framework
from .scoring import add_months

DEFAULT_VALIDITY_MONTHS = 24


def label_expiry(assessment: Assessment) -> date | None:
    """The day the label of an approved assessment expires, or None when it awarded none."""
    if assessment.status != AssessmentStatus.APPROVED or not assessment.awarded_level or not assessment.completed_on:
        return None
    rules = assessment.framework.level_rules(assessment.awarded_level)
    return add_months(assessment.completed_on, int(rules.get("validity_months", DEFAULT_VALIDITY_MONTHS)))


def renewable_label(organisation: Organisation, level: str, *, on: date, framework: Framework) -> Assessment | None:
    """The approved label of this level a renewal started on `on` continues, or None."""
    window = framework.renewal_window_months
    earliest, latest = add_months(on, -window), add_months(on, window)
    labels = Assessment.objects.filter(
        organisation=organisation, status=AssessmentStatus.APPROVED, awarded_level=level
    ).select_related("framework")
    for label in labels.order_by("-decided_at", "-pk"):
        expiry = label_expiry(label)
        if expiry is not None and earliest <= expiry <= latest:
            return label
    return None


def renewal_refusal(organisation: Organisation, level: str, *, on: date, framework: Framework) -> str | None:
    """Why a renewal of this level cannot start on `on`, in words; None when it can."""
    if renewable_label(organisation, level, on=on, framework=framework) is not None:
        return None
    return _(
        "A renewal needs an earlier %(level)s label of this organisation that expires, or expired, "
        "within %(months)s months of today."
    ) % {"level": Level(level).label, "months": framework.renewal_window_months}
