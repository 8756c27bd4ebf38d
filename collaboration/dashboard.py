"""The collaboration section of the dashboard: new interests in the user's organisations' postings,
their open postings, and the user's upcoming meetings."""

from django.utils import timezone

from accounts.permissions import organisation_roles

from .choices import MeetingStatus
from .models import Interest, Meeting, Posting
from .permissions import acting_organisation_ids

SHOWN = 5


def collaboration_load(request) -> dict | None:
    """Five queries at most, whatever the number of postings."""
    user = request.user
    organisation_ids = list(organisation_roles(user))
    new_interests = []
    open_postings = []
    if organisation_ids:
        new_interests = list(
            Interest.objects.filter(posting__organisation_id__in=organisation_ids, seen_at__isnull=True)
            .select_related("posting", "organisation")
            .order_by("-created_at", "-pk")[:SHOWN]
        )
        open_postings = list(
            Posting.objects.open()
            .filter(organisation_id__in=organisation_ids)
            .select_related("organisation")
            .order_by("deadline", "pk")[:SHOWN]
        )
    meetings = list(
        Meeting.objects.filter(seats__user=user, status=MeetingStatus.ACCEPTED, slot__ends_at__gte=timezone.now())
        .select_related("slot", "event")
        .order_by("slot__starts_at")[:SHOWN]
    )
    if not (organisation_ids or meetings):
        return None
    return {
        "new_interests": new_interests,
        "open_postings": open_postings,
        "meetings": meetings,
        "is_member": bool(organisation_ids),
        "can_post": bool(acting_organisation_ids(user)),
    }
