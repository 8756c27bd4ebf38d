"""Who may do what on the collaboration platform. Views, API views and domain functions ask these.

Each predicate answers for the person only; whether the state allows the action (a closed posting,
an answered meeting) is checked by the domain function (a 409 rather than a 403)."""

from accounts.choices import MembershipRole
from accounts.permissions import can_edit_organisation, is_member, organisation_roles

_ACTING_ROLES = (MembershipRole.OWNER, MembershipRole.EDITOR)


def acting_organisation_ids(user) -> list[int]:
    """Organisations the user may act for (owner or editor): post, express interest."""
    return [org_id for org_id, role in organisation_roles(user).items() if role in _ACTING_ROLES]


def can_edit_visibility(user, organisation) -> bool:
    return can_edit_organisation(user, organisation)


def can_post(user, organisation) -> bool:
    """Owners and editors publish postings for their organisation."""
    return can_edit_organisation(user, organisation)


def can_edit_posting(user, posting) -> bool:
    return can_edit_organisation(user, posting.organisation)


def can_see_interests(user, posting) -> bool:
    """A posting's interests are for the poster's members only."""
    return is_member(user, posting.organisation)


def can_express_interest(user, posting, organisation) -> bool:
    """Owners and editors of another organisation answer a posting on its behalf."""
    return organisation.pk != posting.organisation_id and can_edit_organisation(user, organisation)


def can_follow(user) -> bool:
    return user.is_authenticated


def can_save_search(user) -> bool:
    return user.is_authenticated


def can_manage_events(user) -> bool:
    """The secretariat creates matchmaking events and their time slots."""
    return user.is_authenticated and user.is_staff


def can_take_part(user) -> bool:
    return user.is_authenticated


def can_see_participants(user) -> bool:
    """Participants publish what they offer and look for to signed-in users."""
    return user.is_authenticated


def can_answer_meeting(user, meeting) -> bool:
    """Only the person asked accepts or declines."""
    return user.is_authenticated and meeting.recipient.user_id == user.pk


def can_cancel_meeting(user, meeting) -> bool:
    return user.is_authenticated and user.pk in (meeting.requester.user_id, meeting.recipient.user_id)
