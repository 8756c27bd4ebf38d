"""The members' directory: search by name, expertise and organisation, filtered by country, language
and sector. On PostgreSQL the search forgives typos (pg_trgm word similarity, with a trigram index
on `search_text`); SQLite has no trigrams, so there each word must appear, or its first letters."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from .models import Profile

# Word similarity from which a profile counts as a match ("Mobilty" finds "mobility"); pg_trgm's default.
TRIGRAM_THRESHOLD = 0.3
PREFIX_LENGTH = 4  # the SQLite fallback: a word of the query also matches by its first letters


@dataclass(frozen=True)
class DirectoryQuery:
    text: str = ""
    country: str = ""
    language: str = ""
    sector: str = ""


def _language(code: str) -> Q:
    # `languages` is "de,en,fr": the code alone, first, last or in the middle.
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code},")
        | Q(languages__endswith=f",{code}")
        | Q(languages__contains=f",{code},")
    )


def _text_fallback(queryset: QuerySet, text: str) -> QuerySet:
    for word in text.lower().split():
        matches = Q(search_text__contains=word)
        if len(word) > PREFIX_LENGTH:
            matches |= Q(search_text__contains=word[:PREFIX_LENGTH])
        queryset = queryset.filter(matches)
    return queryset


def _text_trigram(queryset: QuerySet, text: str) -> QuerySet:
    from django.contrib.postgres.search import TrigramWordSimilarity

    text = text.lower()
    return (
        queryset.annotate(similarity=TrigramWordSimilarity(text, "search_text"))
        .filter(Q(similarity__gte=TRIGRAM_THRESHOLD) | Q(search_text__contains=text))
        .order_by("-similarity", "name", "pk")
    )


def directory_search(queryset: QuerySet[Profile], query: DirectoryQuery) -> QuerySet[Profile]:
    """Narrow profiles the viewer may see (`Profile.objects.visible_to`) by the query; best matches first."""
    if query.country:
        queryset = queryset.filter(country=query.country)
    if query.sector:
        queryset = queryset.filter(sector=query.sector)
    if query.language:
        queryset = queryset.filter(_language(query.language))
    text = query.text.strip()[:100]
    if not text:
        return queryset.order_by("name", "pk")
    if connection.vendor == "postgresql":
        return _text_trigram(queryset, text)
    return _text_fallback(queryset, text).order_by("name", "pk")
