"""Cooperation postings: the list, publishing, the posting's page with its interests, changing,
closing, expressing interest and following."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from accounts.choices import Sector
from accounts.models import Organisation
from clusterexcellence.actions import attempt
from clusterexcellence.page_cache import cached_page

from .. import permissions, postings
from ..choices import PostingStatus
from ..forms import InterestForm, PostingForm, PostingOrganisationForm, SearchForm
from ..models import Follow, Interest, Posting
from ..search import postings_matching
from .filters import filter_summary, query_without_page

PAGE_SIZE = 20


def _posting_for(public_id) -> Posting:
    queryset = Posting.objects.select_related("organisation").prefetch_related("tags")
    return get_object_or_404(queryset, public_id=public_id)


def _acting_organisations(user):
    return Organisation.objects.filter(pk__in=permissions.acting_organisation_ids(user)).order_by("name")


@cached_page
def posting_list(request):
    """Open postings by default (closed and expired on request), filtered like the partner search."""
    form = SearchForm(request.GET or None)
    form.is_valid()
    filters = form.filters()
    status = request.GET.get("status") if request.GET.get("status") in PostingStatus.values else PostingStatus.OPEN
    queryset = postings_matching(filters, Posting.objects.with_status(status))
    queryset = queryset.select_related("organisation").prefetch_related("tags").order_by("-created_at", "-pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "collaboration/posting_list.html",
        {
            "form": form,
            "page": page,
            "status": status,
            "statuses": PostingStatus.choices,
            "summary": filter_summary(filters),
            "query": query_without_page(request),
            "can_post": bool(permissions.acting_organisation_ids(request.user)),
            "today": timezone.localdate(),
        },
    )


@login_required
def posting_new(request):
    organisations = _acting_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied(_("Only owners and editors of an organisation publish postings."))
    data = request.POST if request.method == "POST" else None
    form = PostingForm(data)
    organisation_form = PostingOrganisationForm(data, organisations=organisations)
    status = 200
    if request.method == "POST" and form.is_valid() and organisation_form.is_valid():
        posting, status = attempt(
            form,
            lambda: postings.posting_create(
                organisation=organisation_form.cleaned_data["organisation"], by=request.user, **form.cleaned_data
            ),
        )
        if posting:
            messages.success(request, _("Your posting is published."))
            return redirect(posting)
    context = {"form": form, "organisation_form": organisation_form, "posting": None}
    return render(request, "collaboration/posting_form.html", context, status=status)


@cached_page
def posting_detail(request, public_id):
    """The posting; the poster's members also see the interests (which are then no longer new)."""
    posting = _posting_for(public_id)
    context = _detail_context(request, posting)
    if context["can_see_interests"]:
        postings.interests_mark_seen(posting=posting, by=request.user)
    return render(request, "collaboration/posting_detail.html", context)


def _detail_context(request, posting: Posting, interest_form: InterestForm | None = None) -> dict:
    user = request.user
    can_see_interests = permissions.can_see_interests(user, posting)
    own_interests = []
    if user.is_authenticated:
        acting = _acting_organisations(user).exclude(pk=posting.organisation_id)
        own_interests = list(
            Interest.objects.filter(posting=posting, organisation__in=acting).select_related("organisation")
        )
        available = acting.exclude(pk__in=[interest.organisation_id for interest in own_interests])
        if interest_form is None and posting.is_open and available.exists():
            interest_form = InterestForm(organisations=available)
    return {
        "posting": posting,
        "sector_labels": [Sector(value).label for value in posting.sectors if value in Sector.values],
        "country_names": [str(countries.name(code)) for code in posting.countries],
        "interests": list(posting.interests.select_related("organisation", "created_by")) if can_see_interests else [],
        "can_see_interests": can_see_interests,
        "can_edit": permissions.can_edit_posting(user, posting),
        "own_interests": own_interests,
        "interest_form": interest_form,
        "following": user.is_authenticated and Follow.objects.filter(posting=posting, user=user).exists(),
        "follower_count": posting.follows.count(),
    }


@login_required
def posting_edit(request, public_id):
    posting = _posting_for(public_id)
    if not permissions.can_edit_posting(request.user, posting):
        raise PermissionDenied(_("Only the organisation's owners and editors change its postings."))
    initial = {
        "kind": posting.kind,
        "title": posting.title,
        "description": posting.description,
        "deadline": posting.deadline,
        "sectors": posting.sectors,
        "countries": posting.countries,
        "topics": ", ".join(posting.topics),
    }
    form = PostingForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        result, status = attempt(
            form, lambda: postings.posting_update(posting=posting, by=request.user, **form.cleaned_data)
        )
        if result:
            messages.success(request, _("The posting was changed. Its followers are told."))
            return redirect(result)
    return render(request, "collaboration/posting_form.html", {"form": form, "posting": posting}, status=status)


@login_required
@require_POST
def posting_close(request, public_id):
    posting = _posting_for(public_id)
    if not permissions.can_edit_posting(request.user, posting):
        raise PermissionDenied(_("Only the organisation's owners and editors close its postings."))
    try:
        postings.posting_close(posting=posting, by=request.user)
    except postings.PostingConflict as refusal:
        messages.error(request, str(refusal))
        return redirect(posting)
    messages.success(request, _("The posting is closed. Its followers are told."))
    return redirect(posting)


@login_required
@require_POST
def interest_create(request, public_id):
    """Express interest on behalf of one of the user's organisations; a refusal is shown on the page."""
    posting = _posting_for(public_id)
    acting = _acting_organisations(request.user).exclude(pk=posting.organisation_id)
    if not acting.exists():
        raise PermissionDenied(_("Only owners and editors of another organisation can express interest."))
    form = InterestForm(request.POST, organisations=acting)
    status = 400
    if form.is_valid():
        _interest, status = attempt(
            form,
            lambda: postings.interest_express(
                posting=posting,
                organisation=form.cleaned_data["organisation"],
                message=form.cleaned_data["message"],
                by=request.user,
            ),
        )
        if status == 200:
            messages.success(request, _("Your interest was sent. The poster is told by e-mail."))
            return redirect(posting)
    context = _detail_context(request, posting, interest_form=form)
    return render(request, "collaboration/posting_detail.html", context, status=status)


@login_required
@require_POST
def follow(request, public_id):
    posting = _posting_for(public_id)
    try:
        postings.follow_start(posting=posting, by=request.user)
    except postings.PostingConflict as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("You follow this posting: you hear when it changes or closes."))
    return redirect(posting)


@login_required
@require_POST
def unfollow(request, public_id):
    posting = _posting_for(public_id)
    postings.follow_stop(posting=posting, by=request.user)
    messages.success(request, _("You no longer follow this posting."))
    return redirect(posting)
