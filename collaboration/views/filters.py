"""What the filtered pages share: the chosen filters in words, and the query string to page with."""

from django.utils.translation import gettext as _
from django_countries import countries

from accounts.choices import PARTICIPANT_TYPES, Sector

from ..choices import PostingKind, SearchScope
from ..search import SearchFilters


def level_label(level: str) -> str:
    return {"gold": _("Gold"), "silver": _("Silver"), "bronze": _("Bronze")}.get(level, level)


def filter_summary(filters: SearchFilters) -> list[str]:
    """The active filters as short phrases, for the heading of the results."""
    types = dict(PARTICIPANT_TYPES)
    parts = []
    if filters.q:
        parts.append(_("“%(text)s”") % {"text": filters.q})
    parts += [str(countries.name(code)) for code in filters.country]
    parts += [Sector(value).label for value in filters.sector]
    parts += [str(types[key]) for key in filters.participant_type]
    parts += [level_label(level) for level in filters.level]
    parts += [PostingKind(kind).label for kind in filters.kind]
    if filters.scope != SearchScope.ALL:
        parts.append(SearchScope(filters.scope).label)
    return [str(part) for part in parts]


def query_without_page(request) -> str:
    """The current filters as a query string, to which the pager adds `page=`."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
