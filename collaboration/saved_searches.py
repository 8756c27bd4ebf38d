"""Saved partner searches: keeping one, and the daily check that e-mails each new match once.

A match is a posting or an organisation that appears after the search was saved and fits its
filters. The check records matches in SavedSearchMatch (unique per search and object) under a
lock on the search, so however often it runs, and even when two runs overlap, a match is
recorded, and e-mailed, once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User

from . import permissions
from .models import Posting, SavedSearch, SavedSearchMatch
from .models.searches import NAME_MAX
from .notifications import saved_search_notify
from .search import SearchFilters, organisations_matching, postings_matching

SAVED_SEARCHES_MAX = 20
MATCHES_LISTED = 20


def saved_search_create(*, user: User, name: str, filters: SearchFilters, notify: bool = True) -> SavedSearch:
    if not permissions.can_save_search(user):
        raise PermissionDenied
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("Give the search a name of at most %(count)s characters.") % {"count": NAME_MAX}}
        )
    if not filters.as_query():
        raise ValidationError(_("Choose at least one filter or search term before saving the search."))
    if SavedSearch.objects.filter(user=user).count() >= SAVED_SEARCHES_MAX:
        raise ValidationError(_("You can keep at most %(count)s saved searches.") % {"count": SAVED_SEARCHES_MAX})
    return SavedSearch.objects.create(user=user, name=name, query=filters.as_query(), notify=notify)


def saved_search_update(*, saved_search: SavedSearch, name: str, notify: bool) -> SavedSearch:
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise ValidationError(
            {"name": _("Give the search a name of at most %(count)s characters.") % {"count": NAME_MAX}}
        )
    saved_search.name, saved_search.notify = name, notify
    saved_search.save(update_fields=["name", "notify"])
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


def _new_postings(saved_search: SavedSearch, filters: SearchFilters):
    if not filters.includes_postings:
        return Posting.objects.none()
    known = SavedSearchMatch.objects.filter(saved_search=saved_search, posting__isnull=False).values("posting_id")
    return (
        postings_matching(filters, Posting.objects.open())
        .filter(created_at__gt=saved_search.created_at)
        .exclude(pk__in=known)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )


def _new_organisations(saved_search: SavedSearch, filters: SearchFilters):
    if not filters.includes_organisations or filters.kind:  # a posting type says postings are wanted
        return Organisation.objects.none()
    known = SavedSearchMatch.objects.filter(saved_search=saved_search, organisation__isnull=False).values(
        "organisation_id"
    )
    return (
        organisations_matching(filters)
        .filter(created_at__gt=saved_search.created_at)
        .exclude(pk__in=known)
        .order_by("created_at", "pk")
    )


@transaction.atomic
def saved_search_check(*, saved_search: SavedSearch) -> list[SavedSearchMatch]:
    """Record the new matches of one saved search and e-mail them in one message (none: no e-mail)."""
    saved_search = SavedSearch.objects.select_for_update().select_related("user").get(pk=saved_search.pk)
    filters = SearchFilters.from_query(saved_search.query)
    postings = list(_new_postings(saved_search, filters))
    organisations = list(_new_organisations(saved_search, filters))
    matches = SavedSearchMatch.objects.bulk_create(
        [SavedSearchMatch(saved_search=saved_search, posting=posting) for posting in postings]
        + [SavedSearchMatch(saved_search=saved_search, organisation=org) for org in organisations]
    )
    saved_search.last_checked_at = timezone.now()
    saved_search.save(update_fields=["last_checked_at"])
    if matches and saved_search.notify and saved_search.user.is_active:
        listed = [
            {"kind": "posting", "title": p.title, "by": p.organisation.name, "url": p.get_absolute_url()}
            for p in postings
        ] + [{"kind": "organisation", "title": o.name, "by": "", "url": _profile_url(o)} for o in organisations]
        # An object matches a search once, so the batch's first object names the batch: sent once.
        key = f"posting-{postings[0].pk}" if postings else f"organisation-{organisations[0].pk}"
        saved_search_notify(
            saved_search, key=key, matches=listed[:MATCHES_LISTED], more=max(0, len(listed) - MATCHES_LISTED)
        )
    return matches


def _profile_url(organisation: Organisation) -> str:
    from django.urls import reverse

    return reverse("collaboration:profile", args=[organisation.slug])


def saved_searches_check_all() -> dict:
    """The daily run: every saved search that wants e-mails, each in its own transaction."""
    checked = matched = 0
    for saved_search in SavedSearch.objects.filter(notify=True, user__is_active=True).order_by("pk").iterator():
        matched += len(saved_search_check(saved_search=saved_search))
        checked += 1
    return {"checked": checked, "matches": matched}
