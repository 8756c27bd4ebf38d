"""The collaboration app's models, one module per topic; import them from here."""

from .matchmaking import Event, Meeting, MeetingSeat, Participant, TimeSlot
from .postings import Follow, Interest, Posting, PostingTag
from .profiles import ProfileVisibility
from .searches import SavedSearch, SavedSearchMatch

__all__ = [
    "Event",
    "Follow",
    "Interest",
    "Meeting",
    "MeetingSeat",
    "Participant",
    "Posting",
    "PostingTag",
    "ProfileVisibility",
    "SavedSearch",
    "SavedSearchMatch",
    "TimeSlot",
]
