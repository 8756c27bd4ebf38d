"""Search across programmes, lessons and case studies.

On PostgreSQL: full-text search, English texts with the English configuration and German texts with
the German one (so "Finanzierungen" finds "Finanzierung"), ranked. On SQLite, which has no such
search, every word must occur somewhere in the texts (case-insensitive)."""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Q

from .models import CaseStudy, Lesson, Module, Programme

LIMIT = 20
QUERY_MAX = 200

# (model texts in English, their German versions) per kind.
ENGLISH = {
    "programme": ["title", "provider", "description"],
    "lesson": ["title", "body", "objectives"],
    "case_study": ["title", "cluster_name", "summary", "context", "challenge", "actions", "results", "lessons"],
}
GERMAN = {
    "programme": ["description_de"],
    "lesson": ["title_de", "body_de", "objectives_de"],
    "case_study": ["title_de", "summary_de", "context_de", "challenge_de", "actions_de", "results_de", "lessons_de"],
}


@dataclass(frozen=True)
class SearchResults:
    query: str
    programmes: list
    lessons: list
    case_studies: list

    @property
    def count(self) -> int:
        return len(self.programmes) + len(self.lessons) + len(self.case_studies)


def _querysets(user):
    return {
        "programme": Programme.objects.prefetch_related("fields"),
        "lesson": Lesson.objects.filter(module__in=Module.objects.visible_to(user)).select_related("module"),
        "case_study": CaseStudy.objects.visible_to(user),
    }


def _postgres(queryset, kind: str, text: str):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*ENGLISH[kind], config="english") + SearchVector(*GERMAN[kind], config="german")
    query = SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
        text, config="german", search_type="websearch"
    )
    return queryset.annotate(rank=SearchRank(vector, query)).filter(rank__gt=0).order_by("-rank", "pk")


def _fallback(queryset, kind: str, text: str):
    fields = ENGLISH[kind] + GERMAN[kind]
    words = text.split()[:10]
    each_word = [reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields)) for word in words]
    return queryset.filter(reduce(and_, each_word)).order_by("pk")


def search(text: str, *, user) -> SearchResults:
    """Up to LIMIT programmes, lessons and case studies matching the text (three queries plus prefetches)."""
    text = " ".join((text or "").split())[:QUERY_MAX]
    if not text:
        return SearchResults("", [], [], [])
    method = _postgres if connection.vendor == "postgresql" else _fallback
    found = {kind: list(method(queryset, kind, text)[:LIMIT]) for kind, queryset in _querysets(user).items()}
    return SearchResults(text, found["programme"], found["lesson"], found["case_study"])
