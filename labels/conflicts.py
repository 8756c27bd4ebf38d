"""Conflicts of interest: who may not assess an organisation."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation

CONFLICT_YEARS = 3


def assessor_conflict(assessor, organisation: Organisation) -> str | None:
    """The reason this person may not assess the organisation, or None when they may."""
    if not assessor.is_assessor:
        return _("%(person)s is not a certified assessor.") % {"person": assessor}
    since = timezone.now() - timedelta(days=365 * CONFLICT_YEARS)
    memberships = Membership.objects.filter(user=assessor, organisation=organisation).filter(
        Q(left_at__isnull=True) | Q(left_at__gte=since)
    )
    if memberships.exists():
        return _("%(person)s is or was a member of %(organisation)s within the last %(years)s years.") % {
            "person": assessor,
            "organisation": organisation,
            "years": CONFLICT_YEARS,
        }
    profile = getattr(assessor, "assessor_profile", None)
    if profile is not None and profile.declared_conflicts.filter(pk=organisation.pk).exists():
        return _("%(person)s has declared a conflict of interest with %(organisation)s.") % {
            "person": assessor,
            "organisation": organisation,
        }
    return None
