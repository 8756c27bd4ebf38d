"""Who may do what in the club. Views, API views and the domain functions all ask these.

Membership is the club's own data (`ClubMembership`); the status is read once per request and
kept on the user object, so navigation, dashboard and page checks cost one query together."""

from .choices import MembershipStatus, RegistrationStatus, Visibility
from .models import Block, ClubMembership

_CACHE = "_club_membership_status"


def membership_status(user) -> str | None:
    """The user's club status (pending, approved, declined, left), or None (cached for the request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, _CACHE):
        setattr(user, _CACHE, ClubMembership.objects.filter(user=user).values_list("status", flat=True).first())
    return getattr(user, _CACHE)


def forget_membership_status(user) -> None:
    """Drop the per-request cache after the membership changed."""
    user.__dict__.pop(_CACHE, None)


def is_club_member(user) -> bool:
    """An approved member: the role `club-member` and every member-only page and endpoint."""
    return membership_status(user) == MembershipStatus.APPROVED


def is_not_club_member(user) -> bool:
    return not is_club_member(user)


def can_apply(user) -> bool:
    """Signed-in people who are neither members nor waiting for a decision (a declined applicant may apply
    again)."""
    return user.is_authenticated and membership_status(user) in (None, MembershipStatus.DECLINED)


def can_rejoin(user) -> bool:
    """A former member comes back without a new application: their approval stands."""
    return membership_status(user) == MembershipStatus.LEFT


def can_leave(user) -> bool:
    return is_club_member(user)


def can_decide_applications(user) -> bool:
    """The secretariat approves and declines applications."""
    return user.is_authenticated and user.is_staff


def can_edit_profile(user) -> bool:
    return is_club_member(user)


def can_contact(sender, recipient) -> bool:
    """Members write to other members who have not blocked them."""
    if not (is_club_member(sender) and sender.pk != recipient.pk):
        return False
    if membership_status(recipient) != MembershipStatus.APPROVED:
        return False
    return not Block.objects.filter(blocker=recipient, blocked=sender).exists()


def can_contact_profile(sender, profile) -> bool:
    """The "Contact" button: a profile the sender may see (never a hidden one), of someone else."""
    return profile.visibility != Visibility.HIDDEN and is_club_member(sender) and profile.user_id != sender.pk


def can_read_message(user, message) -> bool:
    return user.is_authenticated and user.pk in (message.sender_id, message.recipient_id)


def can_reply(user, message) -> bool:
    """The recipient answers the sender, whatever the sender's profile shows."""
    return user.pk == message.recipient_id and is_club_member(user)


def can_report(user, message) -> bool:
    return user.pk == message.recipient_id


def can_see_events(user) -> bool:
    return is_club_member(user)


def can_register(user) -> bool:
    return is_club_member(user)


def can_see_event_link(user, registration) -> bool:
    """The online link is for members with a place, not for the waiting list."""
    return (
        registration is not None
        and registration.user_id == user.pk
        and registration.status == RegistrationStatus.REGISTERED
        and is_club_member(user)
    )
