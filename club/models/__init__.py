"""The club's data: memberships, profiles, messages and events."""

from .events import Event, EventQuerySet, Registration
from .membership import ClubMembership, MembershipEvent
from .messages import AbuseReport, Block, Message
from .profiles import Profile, ProfileQuerySet

__all__ = [
    "AbuseReport",
    "Block",
    "ClubMembership",
    "Event",
    "EventQuerySet",
    "MembershipEvent",
    "Message",
    "Profile",
    "ProfileQuerySet",
    "Registration",
]
