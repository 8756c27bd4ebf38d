"""The public page on the cluster manager profession, with members who chose to be featured."""

from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from .. import permissions
from ..choices import Visibility
from ..models import Profile

FEATURED_SHOWN = 6


@cached_page
def profession(request):
    # Public profiles only, whoever looks: the page is the same for visitors and members.
    featured = Profile.objects.of_members().filter(visibility=Visibility.PUBLIC, featured=True).order_by("-updated_at")
    context = {
        "featured": list(featured[:FEATURED_SHOWN]),
        "is_member": permissions.is_club_member(request.user),
        "can_apply": permissions.can_apply(request.user),
        "can_rejoin": permissions.can_rejoin(request.user),
    }
    return render(request, "club/profession.html", context)
