"""Membership rules: inviting, accepting, changing roles and leaving, each in a transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterexcellence.errors import StateConflict
from clusterexcellence.notifications import notify

from .choices import MembershipRole
from .models import Invitation, Membership, Organisation, User
from .permissions import forget_membership_roles
from .slugs import suggest_slug

# Each refused insert means another creator took that slug, so n people creating one name at the
# same moment need at most n attempts.
SLUG_ATTEMPTS = 20


class MembershipError(StateConflict):
    """A membership change the rules forbid; the message is shown to the user."""


def _active_owner_count(organisation) -> int:
    return Membership.objects.active().filter(organisation=organisation, role=MembershipRole.OWNER).count()


class SlugTaken(MembershipError):
    """The chosen short name belongs to another organisation (perhaps created a moment ago)."""


@transaction.atomic
def organisation_create(*, by: User, slug: str = "", **fields) -> Organisation:
    """Create an organisation; its creator becomes the first owner.

    Without a slug one is derived from the name. Two people creating the same name at once both
    succeed: the unique index refuses the later insert, which then takes the next free slug."""
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                organisation = Organisation.objects.create(slug=slug or suggest_slug(fields["name"]), **fields)
            break
        except IntegrityError:
            if slug or attempt == SLUG_ATTEMPTS:
                raise SlugTaken(_("This short name is already taken. Please choose another.")) from None
    Membership.objects.create(user=by, organisation=organisation, role=MembershipRole.OWNER)
    forget_membership_roles(by)
    return organisation


def invitation_create(*, organisation: Organisation, email: str, role: str, by: User) -> Invitation:
    """Invite someone by e-mail; inviting a current member is an error in the address given."""
    email = email.strip().lower()
    if Membership.objects.active().filter(organisation=organisation, user__email__iexact=email).exists():
        message = _("%(email)s is already a member of this organisation.") % {"email": email}
        raise ValidationError({"email": message})
    invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=by)
    notify("accounts.invitation", target=invitation, recipients=[email], context={"inviter": str(by)})
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Accept an open invitation addressed to the user's e-mail address."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise MembershipError(_("This invitation has expired or was already used."))
    if invitation.email.lower() != user.email.lower():
        raise MembershipError(_("This invitation was sent to another e-mail address."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    membership = Membership.objects.active().filter(organisation=invitation.organisation, user=user).first()
    if membership is None:
        membership = Membership.objects.create(organisation=invitation.organisation, user=user, role=invitation.role)
    forget_membership_roles(user)
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    # Lock the organisation's owners so two concurrent demotions cannot remove the last owner.
    list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id, left_at=None))
    membership.refresh_from_db()
    if (
        membership.role == MembershipRole.OWNER
        and role != MembershipRole.OWNER
        and _active_owner_count(membership.organisation) <= 1
    ):
        raise MembershipError(_("The last owner cannot be demoted. Make someone else owner first."))
    membership.role = role
    membership.save(update_fields=["role"])
    forget_membership_roles(membership.user)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership) -> None:
    """End a membership (leaving or removal); the last owner cannot go."""
    list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id, left_at=None))
    membership.refresh_from_db()
    if membership.left_at is not None:
        return
    if membership.role == MembershipRole.OWNER and _active_owner_count(membership.organisation) <= 1:
        raise MembershipError(_("The last owner cannot leave. Make someone else owner first."))
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    forget_membership_roles(membership.user)
