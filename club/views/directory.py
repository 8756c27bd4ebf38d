"""The members' directory: search and filters over the profiles the member may see, paginated."""

from django.core.paginator import Paginator
from django.shortcuts import render

from clusterexcellence.page_cache import cached_page

from ..directory import DirectoryQuery, directory_search
from ..forms import DirectoryForm
from ..models import Profile
from .access import member_required

PAGE_SIZE = 20


@cached_page  # outside: the membership check is among what the page is kept with
@member_required
def directory(request):
    form = DirectoryForm(request.GET or None)
    form.is_valid()  # an invalid filter (an unknown country code) is left out, the others still apply
    data = getattr(form, "cleaned_data", {})
    query = DirectoryQuery(
        **{name: data.get(name) or "" for name in ("country", "language", "sector")}, text=data.get("q") or ""
    )
    profiles = directory_search(Profile.objects.visible_to(request.user), query)
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {"form": form, "page": page, "query": params.urlencode(), "searched": any(vars(query).values())}
    return render(request, "club/directory.html", context)
