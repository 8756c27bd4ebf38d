"""Who hears of which collaboration event; sent through clusterexcellence.notifications with the
e-mail templates in templates/collaboration/email/. Each call is unique per event and recipient."""

from accounts.choices import MembershipRole
from accounts.models import User
from clusterexcellence.notifications import notify, register_notification

from .models import Interest, Meeting, Posting, SavedSearch

KINDS = ("interest", "posting_changed", "posting_closed", "saved_search", "meeting_requested", "meeting_answered")


def register() -> None:
    for kind in KINDS:
        register_notification(f"collaboration.{kind}", template=f"collaboration/email/{kind}")


def _acting_members(posting: Posting) -> list[User]:
    memberships = posting.organisation.memberships.active().filter(
        role__in=[MembershipRole.OWNER, MembershipRole.EDITOR]
    )
    return [membership.user for membership in memberships.select_related("user")]


def interest_notify(interest: Interest) -> None:
    """The poster's owners and editors hear of a new expression of interest, once."""
    notify("collaboration.interest", target=interest, recipients=_acting_members(interest.posting))


def followers_notify(posting: Posting, *, closed: bool) -> None:
    """Followers hear of each change (one per revision) and of the closing (once)."""
    followers = [follow.user for follow in posting.follows.select_related("user")]
    if closed:
        notify("collaboration.posting_closed", target=posting, recipients=followers, key="closed")
    else:
        notify("collaboration.posting_changed", target=posting, recipients=followers, key=f"r{posting.revision}")


def saved_search_notify(saved_search: SavedSearch, *, key: str, matches: list[dict], more: int) -> None:
    notify(
        "collaboration.saved_search",
        target=saved_search,
        recipients=[saved_search.user],
        key=key,
        context={"matches": matches, "more": more},
    )


def meeting_requested_notify(meeting: Meeting) -> None:
    notify("collaboration.meeting_requested", target=meeting, recipients=[meeting.recipient.user])


def meeting_answered_notify(meeting: Meeting, *, tell: User) -> None:
    """The other person hears of an acceptance, a decline or a cancellation, once per outcome."""
    notify("collaboration.meeting_answered", target=meeting, recipients=[tell], key=meeting.status)
