"""Club membership rules: apply, approve, decline, leave and rejoin; each locks the row, checks the
state and the actor, writes the history and tells the applicant."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from clusterexcellence.errors import StateConflict
from clusterexcellence.notifications import notify

from . import permissions
from .choices import MembershipStatus
from .events import registrations_cancel_all
from .models import ClubMembership, MembershipEvent, Profile
from .profiles import search_text_of

Status = MembershipStatus


class MembershipNotAllowed(StateConflict):
    """The membership's state forbids the change; the message is shown to the user."""


def _move(membership: ClubMembership, to: str, *, by: User, note: str = "") -> MembershipEvent:
    event = MembershipEvent.objects.create(
        membership=membership, actor=by, from_status=membership.status, to_status=to, note=note
    )
    membership.status = to
    membership.save()
    permissions.forget_membership_status(membership.user)
    return event


def _lock(membership: ClubMembership) -> ClubMembership:
    return ClubMembership.objects.select_for_update().select_related("user").get(pk=membership.pk)


@transaction.atomic
def membership_apply(*, user: User, name: str, motivation: str, organisation: str, role: str) -> ClubMembership:
    """Apply to join (or again after a declined application); the secretariat is told."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to apply."))
    membership = ClubMembership.objects.select_for_update().filter(user=user).first()
    if membership is not None and membership.status != Status.DECLINED:
        raise MembershipNotAllowed(_status_refusal(membership.status))
    fields = {
        "name": name,
        "motivation": motivation,
        "organisation": organisation,
        "role": role,
        "applied_at": timezone.now(),
    }
    if membership is None:
        try:
            with transaction.atomic():  # a double submit: the second insert meets the first's row
                membership = ClubMembership.objects.create(user=user, **fields)
        except IntegrityError:
            raise MembershipNotAllowed(_status_refusal(Status.PENDING)) from None
        MembershipEvent.objects.create(membership=membership, actor=user, to_status=Status.PENDING)
    else:
        for field, value in fields.items():
            setattr(membership, field, value)
        membership.decided_at = membership.decided_by = None
        membership.decision_message = ""
        _move(membership, Status.PENDING, by=user)
    permissions.forget_membership_status(user)
    staff = get_user_model().objects.filter(is_staff=True, is_active=True)
    notify("club.application", target=membership, recipients=staff, key=membership.applied_at.isoformat())
    return membership


def _status_refusal(status: str) -> str:
    return {
        Status.PENDING: _("Your application is waiting for the secretariat's decision."),
        Status.APPROVED: _("You are already a member of the club."),
        Status.LEFT: _("You were a member: rejoin instead of applying again."),
    }.get(status, _("This is not possible now."))


def _decide(membership: ClubMembership, to: str, *, by: User, message: str) -> ClubMembership:
    if not permissions.can_decide_applications(by):
        raise PermissionDenied(_("Only the secretariat decides on applications."))
    membership = _lock(membership)
    if membership.status != Status.PENDING:
        raise MembershipNotAllowed(_("This application was already decided."))
    membership.decided_at, membership.decided_by, membership.decision_message = timezone.now(), by, message
    event = _move(membership, to, by=by, note=message)
    if to == Status.APPROVED and not Profile.objects.filter(user=membership.user).exists():
        profile = Profile(user=membership.user, name=membership.name, organisation=membership.organisation)
        profile.search_text = search_text_of(profile)
        profile.save()
    notify(f"club.{to}", target=membership, recipients=[membership.user], key=str(event.pk))
    return membership


@transaction.atomic
def membership_approve(*, membership: ClubMembership, by: User, message: str = "") -> ClubMembership:
    """Admit the applicant; they get a profile (visible to members only until they change it)."""
    return _decide(membership, Status.APPROVED, by=by, message=message)


@transaction.atomic
def membership_decline(*, membership: ClubMembership, by: User, message: str) -> ClubMembership:
    """Decline the application with a message the applicant receives."""
    if not message.strip():
        raise ValidationError({"message": _("Tell the applicant why.")})
    return _decide(membership, Status.DECLINED, by=by, message=message)


@transaction.atomic
def membership_leave(*, user: User) -> ClubMembership:
    """Leave the club: the profile disappears from every page; waiting-list places and seats are given up."""
    membership = ClubMembership.objects.select_for_update().filter(user=user).first()
    if membership is None or membership.status != Status.APPROVED:
        raise MembershipNotAllowed(_("You are not a member of the club."))
    _move(membership, Status.LEFT, by=user)
    permissions.forget_membership_status(user)
    registrations_cancel_all(user=user)
    return membership


@transaction.atomic
def membership_rejoin(*, user: User) -> ClubMembership:
    """A former member comes back; the earlier approval stands, the profile is as they left it."""
    membership = ClubMembership.objects.select_for_update().filter(user=user).first()
    if membership is None or membership.status != Status.LEFT:
        raise MembershipNotAllowed(_("Only former members can rejoin; apply instead."))
    _move(membership, Status.APPROVED, by=user)
    permissions.forget_membership_status(user)
    return membership
