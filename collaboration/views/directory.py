"""The public directory: the list of organisations with filters, their public profiles, and the
page where owners and editors choose what the public sees."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation
from clusterexcellence.page_cache import cached_page
from labels.selectors import current_labels

from .. import permissions
from ..forms import SearchForm, VisibilityForm
from ..models import Posting
from ..profiles import public_profile, visibility_of, visibility_update
from ..search import organisations_matching
from .filters import filter_summary, query_without_page

PAGE_SIZE = 25
POSTINGS_ON_PROFILE = 10


@cached_page
def directory(request):
    """Every organisation's public profile, filtered and searched; one page at a time."""
    form = SearchForm(request.GET or None)
    form.is_valid()
    filters = form.filters()
    organisations = organisations_matching(filters).select_related("profile_visibility").order_by("name", "pk")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = current_labels([organisation.pk for organisation in page])
    rows = [
        public_profile(organisation, label=labels.get(organisation.pk), visibility=visibility_of(organisation))
        for organisation in page
    ]
    return render(
        request,
        "collaboration/directory.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "summary": filter_summary(filters),
            "query": query_without_page(request),
        },
    )


@cached_page
def profile(request, slug):
    """An organisation's public profile, its current label and its open postings."""
    organisation = get_object_or_404(Organisation.objects.select_related("profile_visibility"), slug=slug)
    label = current_labels([organisation.pk]).get(organisation.pk)
    postings = list(
        Posting.objects.open().filter(organisation=organisation).order_by("deadline", "pk")[:POSTINGS_ON_PROFILE]
    )
    return render(
        request,
        "collaboration/profile.html",
        {
            "organisation": organisation,
            "profile": public_profile(organisation, label=label, visibility=visibility_of(organisation)),
            "postings": postings,
            "can_edit_visibility": permissions.can_edit_visibility(request.user, organisation),
            "today": timezone.localdate(),
        },
    )


@login_required
def visibility_edit(request, slug):
    """Owners and editors tick the optional parts of the profile that the public sees."""
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), slug=slug)
    if not permissions.can_edit_visibility(request.user, organisation):
        raise PermissionDenied(_("Only the organisation's owners and editors choose what is public."))
    visibility = visibility_of(organisation)
    form = VisibilityForm(request.POST if request.method == "POST" else None, visibility=visibility)
    if request.method == "POST" and form.is_valid():
        visibility_update(organisation=organisation, public=form.cleaned_data, by=request.user)
        messages.success(request, _("Your choices were saved. The public profile shows them now."))
        return redirect("collaboration:profile", slug=organisation.slug)
    return render(request, "collaboration/visibility.html", {"organisation": organisation, "form": form})
