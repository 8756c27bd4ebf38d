"""Who reaches the club's member-only pages: everyone else gets a page that says why (403)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..models import ClubMembership
from ..permissions import is_club_member


def member_required(view):
    """Signed in (else the login page) and an approved member (else a 403 page that explains the status
    and offers to apply or rejoin)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_club_member(request.user):
            membership = ClubMembership.objects.filter(user=request.user).first()
            return render(request, "club/not_member.html", {"membership": membership}, status=403)
        return view(request, *args, **kwargs)

    return wrapper
