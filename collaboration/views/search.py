"""The partner search over organisations and postings together, with facets, and saved searches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries import countries

from accounts.choices import PARTICIPANT_TYPES, Sector
from clusterexcellence.actions import attempt
from labels.selectors import current_labels

from .. import saved_searches
from ..choices import PostingKind
from ..forms import SavedSearchForm, SearchForm
from ..models import Posting, SavedSearch
from ..profiles import public_profile, visibility_of
from ..search import (
    SearchFilters,
    organisation_facets,
    organisations_matching,
    posting_facets,
    postings_matching,
)
from .filters import filter_summary, level_label

RESULTS_SHOWN = 10
TOPICS_SHOWN = 12


def _facet_links(request, key: str, counts: dict, labels: dict, *, postings: dict | None = None) -> list[dict]:
    """Facet values with their counts, each a link that adds (or removes) the value as a filter."""
    chosen = request.GET.getlist(key)
    rows = []
    for value, label in labels.items():
        organisations = counts.get(value, 0)
        in_postings = (postings or {}).get(value, 0)
        if not organisations and not in_postings and value not in chosen:
            continue
        query = request.GET.copy()
        query.pop("page", None)
        values = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
        query.setlist(key, values)
        rows.append(
            {
                "label": label,
                "organisations": organisations,
                "postings": in_postings,
                "chosen": value in chosen,
                "url": "?" + query.urlencode(),
            }
        )
    return sorted(rows, key=lambda row: (not row["chosen"], -(row["organisations"] + row["postings"]), row["label"]))


def partner_search(request):
    """Facets over organisations and open postings at once; signed-in users can save the search."""
    form = SearchForm(request.GET or None)
    form.is_valid()
    filters = form.filters()
    organisations = organisations_matching(filters) if filters.includes_organisations and not filters.kind else None
    postings = postings_matching(filters, Posting.objects.open()) if filters.includes_postings else None
    org_facets = organisation_facets(organisations) if organisations is not None else {}
    post_facets = posting_facets(postings) if postings is not None else {}
    organisation_rows = []
    if organisations is not None:
        found = list(organisations.select_related("profile_visibility").order_by("name", "pk")[:RESULTS_SHOWN])
        labels = current_labels([organisation.pk for organisation in found])
        organisation_rows = [
            public_profile(org, label=labels.get(org.pk), visibility=visibility_of(org)) for org in found
        ]
    posting_rows = []
    if postings is not None:
        posting_rows = list(
            postings.select_related("organisation")
            .prefetch_related("tags")
            .order_by("-created_at", "-pk")[:RESULTS_SHOWN]
        )
    country_names = {
        code: str(countries.name(code))
        for code in {*org_facets.get("country", {}), *post_facets.get("country", {}), *filters.country}
    }
    topics = dict(sorted(post_facets.get("topic", {}).items(), key=lambda item: -item[1])[:TOPICS_SHOWN])
    facets = [
        (_("Country"), _facet_links(request, "country", org_facets.get("country", {}), country_names,
                                    postings=post_facets.get("country"))),
        (_("Sector"), _facet_links(request, "sector", org_facets.get("sector", {}), dict(Sector.choices),
                                   postings=post_facets.get("sector"))),
        (_("Participant types"), _facet_links(request, "participant_type", org_facets.get("participant_type", {}),
                                              dict(PARTICIPANT_TYPES))),
        (_("Label"), _facet_links(request, "level", org_facets.get("level", {}),
                                  {level: level_label(level) for level in ("gold", "silver", "bronze")})),
        (_("Posting type"), _facet_links(request, "kind", {}, dict(PostingKind.choices),
                                         postings=post_facets.get("kind"))),
        (_("Topics"), [{"label": topic, "organisations": 0, "postings": count, "chosen": False,
                        "url": "?" + _querystring(SearchFilters(q=topic, scope="postings"))}
                       for topic, count in topics.items()]),
    ]  # fmt: skip
    return render(
        request,
        "collaboration/search.html",
        {
            "form": form,
            "filters": filters,
            "summary": filter_summary(filters),
            "facets": [(title, rows) for title, rows in facets if rows],
            "organisations": organisation_rows,
            "organisation_count": organisations.count() if organisations is not None else None,
            "postings": posting_rows,
            "posting_count": postings.count() if postings is not None else None,
            "query": filters.as_query(),
            "querystring": _querystring(filters),
            "save_form": SavedSearchForm(initial={"name": ", ".join(filter_summary(filters))[:120]}),
            "can_save": request.user.is_authenticated and bool(filters.as_query()),
        },
    )


def _querystring(filters: SearchFilters) -> str:
    query = QueryDict(mutable=True)
    for key, value in filters.as_query().items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query.urlencode()


@login_required
@require_POST
def saved_search_create(request):
    """Save the search whose filters come with the form (as the search page's query string)."""
    search_form = SearchForm(QueryDict(request.POST.get("query", "")))
    search_form.is_valid()
    form = SavedSearchForm(request.POST)
    if form.is_valid():
        saved, _status = attempt(
            form,
            lambda: saved_searches.saved_search_create(
                user=request.user,
                name=form.cleaned_data["name"],
                filters=search_form.filters(),
                notify=form.cleaned_data["notify"],
            ),
        )
        if saved:
            messages.success(request, _("The search was saved. New matches are e-mailed to you once a day."))
            return redirect("collaboration:saved_search_list")
    for error in [*form.non_field_errors(), *[e for field in form for e in field.errors]]:
        messages.error(request, error)
    return redirect(reverse("collaboration:partner_search") + "?" + _querystring(search_form.filters()))


@login_required
def saved_search_list(request):
    searches = list(SavedSearch.objects.visible_to(request.user).order_by("name", "pk"))
    rows = [
        {"search": search, "summary": filter_summary(SearchFilters.from_query(search.query)),
         "querystring": _querystring(SearchFilters.from_query(search.query))}
        for search in searches
    ]  # fmt: skip
    return render(request, "collaboration/saved_searches.html", {"rows": rows})


@login_required
def saved_search_detail(request, public_id):
    """Rename a saved search, switch its e-mails on or off, or delete it."""
    search = get_object_or_404(SavedSearch.objects.visible_to(request.user), public_id=public_id)
    if request.method == "POST" and request.POST.get("delete"):
        saved_searches.saved_search_delete(saved_search=search)
        messages.success(request, _("The saved search was deleted."))
        return redirect("collaboration:saved_search_list")
    form = SavedSearchForm(
        request.POST if request.method == "POST" else None, initial={"name": search.name, "notify": search.notify}
    )
    if request.method == "POST" and form.is_valid():
        _result, status = attempt(
            form,
            lambda: saved_searches.saved_search_update(
                saved_search=search, name=form.cleaned_data["name"], notify=form.cleaned_data["notify"]
            ),
        )
        if status == 200:
            messages.success(request, _("The saved search was changed."))
            return redirect("collaboration:saved_search_list")
    filters = SearchFilters.from_query(search.query)
    return render(
        request,
        "collaboration/saved_search_detail.html",
        {"search": search, "form": form, "summary": filter_summary(filters), "querystring": _querystring(filters)},
    )
