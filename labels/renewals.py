"""Renewals: which earlier label a renewal application continues.

A renewal continues a label of the same level, not revoked and not renewed already, whose last day
lies within the catalogue's `renewal_window_months` of the day the renewal starts: the window opens
that many months before the label's last day and closes that many months after it. Approved, the
renewal's label starts the day after the old one's last day (labels/label_records.py), so the
organisation holds the label without a gap; outside the window an application earns a new label.
"""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from accounts.models import Organisation

from .choices import Level
from .models import Framework, Label, LabelStatus
from .scoring import add_months

DEFAULT_VALIDITY_MONTHS = 24


def renewable_label(organisation: Organisation, level: str, *, on: date, framework: Framework) -> Label | None:
    """The label of this level a renewal started on `on` continues, or None."""
    window = framework.renewal_window_months
    # The label's expiry is the day after its last day.
    earliest, latest = add_months(on, -window) - timedelta(days=1), add_months(on, window) - timedelta(days=1)
    return (
        Label.objects.filter(organisation=organisation, level=level, renewed_by__isnull=True)
        .exclude(status=LabelStatus.REVOKED)
        .filter(valid_until__gte=earliest, valid_until__lte=latest)
        .order_by("-valid_until", "-pk")
        .first()
    )


def renewal_refusal(organisation: Organisation, level: str, *, on: date, framework: Framework) -> str | None:
    """Why a renewal of this level cannot start on `on`, in words; None when it can."""
    if renewable_label(organisation, level, on=on, framework=framework) is not None:
        return None
    return _(
        "A renewal needs an earlier %(level)s label of this organisation that expires, or expired, "
        "within %(months)s months of today."
    ) % {"level": Level(level).label, "months": framework.renewal_window_months}
