"""Conflicts of interest: who may neither assess an organisation nor decide on its label.

The same rules bind the assessors (at assignment) and the board member who decides: a membership
of the organisation now or within the last CONFLICT_YEARS years, or a conflict the person declared."""

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Organisation, User

CONFLICT_YEARS = 3


def conflicts_of_interest(person: User, organisations: Iterable[Organisation]) -> dict[int, str]:
    """The reason for each of the organisations (by id) the person has a conflict with; two queries."""
    by_id = {organisation.pk: organisation for organisation in organisations}
    if not by_id:
        return {}
    since = timezone.now() - timedelta(days=365 * CONFLICT_YEARS)
    members = set(
        Membership.objects.filter(user=person, organisation_id__in=by_id)
        .filter(Q(left_at__isnull=True) | Q(left_at__gte=since))
        .values_list("organisation_id", flat=True)
    )
    declared = set(person.declared_conflicts.filter(pk__in=by_id).values_list("pk", flat=True))
    reasons = {}
    for pk, organisation in by_id.items():
        params = {"person": person, "organisation": organisation, "years": CONFLICT_YEARS}
        if pk in members:
            reasons[pk] = (
                _("%(person)s is or was a member of %(organisation)s within the last %(years)s years.") % params
            )
        elif pk in declared:
            reasons[pk] = _("%(person)s has declared a conflict of interest with %(organisation)s.") % params
    return reasons


def conflict_of_interest(person: User, organisation: Organisation) -> str | None:
    """Why this person may neither assess nor decide on the organisation, or None."""
    return conflicts_of_interest(person, [organisation]).get(organisation.pk)


def assessor_conflict(assessor: User, organisation: Organisation) -> str | None:
    """The reason this person may not assess the organisation, or None when they may."""
    if not assessor.is_assessor:
        return _("%(person)s is not a certified assessor.") % {"person": assessor}
    return conflict_of_interest(assessor, organisation)
