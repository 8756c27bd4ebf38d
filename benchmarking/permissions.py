"""Who may see an organisation's benchmark, write and moderate practice notes, and see the
scheme's statistics. Views, API views and domain functions all ask these."""

from accounts.choices import MembershipRole
from accounts.models import Organisation
from accounts.permissions import membership_role, organisation_roles
from labels import selectors


def _assessed(user) -> set[int]:
    """Organisations the user is assigned to as assessor (cached for the request)."""
    if not (user.is_authenticated and user.is_assessor):
        return set()
    cached = getattr(user, "_benchmark_assessed", None)
    if cached is None:
        cached = user._benchmark_assessed = selectors.organisations_assessed_by(user.pk)
    return cached


def benchmarkable_organisations(user):
    """Organisations whose benchmark the user may see: their own (any role), those they are
    assigned to as assessor, every one for staff. Outside this scope a benchmark is a 404."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=set(organisation_roles(user)) | _assessed(user))


def can_view_benchmark(user, organisation) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or membership_role(user, organisation) is not None or organisation.pk in _assessed(user)


def can_write_note(user, organisation) -> bool:
    """Owners and editors write and withdraw their organisation's practice notes."""
    return membership_role(user, organisation) in (MembershipRole.OWNER, MembershipRole.EDITOR)


def can_moderate_notes(user) -> bool:
    return user.is_authenticated and user.is_staff


def can_see_statistics(user) -> bool:
    """The scheme statistics show every indicator's full distribution: for the secretariat only."""
    return user.is_authenticated and user.is_staff


def can_use_benchmarking(user) -> bool:
    """Whether benchmarking has anything for the user (the navigation entry)."""
    return user.is_authenticated and (user.is_staff or bool(organisation_roles(user)) or bool(_assessed(user)))
