"""The club's dashboard sections: members see upcoming events and unread messages, the
secretariat the applications waiting for a decision."""

from django.db.models import Count, Q
from django.utils import timezone

from .choices import MembershipStatus, RegistrationStatus
from .models import ClubMembership, Event, Message

UPCOMING_SHOWN = 3


def member_load(request) -> dict:
    user = request.user
    events = (
        Event.objects.filter(ends_at__gte=timezone.now())
        .annotate(
            mine=Count(
                "registrations",
                filter=Q(registrations__user=user)
                & Q(registrations__status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]),
            )
        )
        .order_by("starts_at", "pk")[:UPCOMING_SHOWN]
    )
    unread = Message.objects.filter(recipient=user, read_at__isnull=True).count()
    return {"events": list(events), "unread": unread}


def staff_load(request) -> dict:
    pending = ClubMembership.objects.filter(status=MembershipStatus.PENDING).count()
    return {"pending": pending}


def join_load(request) -> dict:
    """Everyone else: an invitation to apply, or where their application stands."""
    membership = ClubMembership.objects.filter(user=request.user).first()
    return {"membership": membership}
