"""The yearly training-needs survey: one answer per manager and year, and its aggregated results.

Results are published only as aggregates, and only for a year with at least PEER_GROUP_MIN_SIZE
answers (the rule benchmarking applies to peer groups), so no single answer can be read off them."""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterexcellence.errors import StateConflict

from . import permissions
from .choices import LANGUAGE_CHOICES, NeedLevel, ProgrammeFormat
from .models import Field, FieldNeed, NeedsResponse


class AlreadyAnswered(StateConflict):
    """The manager answered this year's survey already."""


def survey_year() -> int:
    return timezone.localdate().year


def has_answered(user, year: int | None = None) -> bool:
    return user.is_authenticated and NeedsResponse.objects.filter(user=user, year=year or survey_year()).exists()


def needs_response_submit(*, user, needs: dict[int, int], formats: list[str], languages: list[str]) -> NeedsResponse:
    """Store the manager's answers for this year: a need level for every field, formats and languages."""
    if not permissions.can_answer_needs_survey(user):
        raise PermissionDenied(_("The survey asks cluster managers: people who belong to a cluster organisation."))
    fields = list(Field.objects.all())
    errors = {}
    missing = [f.title_i18n for f in fields if needs.get(f.pk) not in NeedLevel.values]
    if missing:
        errors["needs"] = _("Rate your need in every field (missing: %(fields)s).") % {"fields": ", ".join(missing)}
    if not formats or set(formats) - set(ProgrammeFormat.values):
        errors["formats"] = _("Choose at least one format from the list.")
    known_languages = {code for code, _name in LANGUAGE_CHOICES}
    if not languages or set(languages) - known_languages:
        errors["languages"] = _("Choose at least one language from the list.")
    if errors:
        raise ValidationError(errors)
    year = survey_year()
    try:
        with transaction.atomic():
            response = NeedsResponse.objects.create(
                user=user, year=year, formats=sorted(set(formats)), languages=sorted(set(languages))
            )
            FieldNeed.objects.bulk_create(FieldNeed(response=response, field=f, level=needs[f.pk]) for f in fields)
    except IntegrityError:
        raise AlreadyAnswered(
            _("You answered the survey for %(year)s already; it opens again next year.") % {"year": year}
        ) from None
    return response


@dataclass(frozen=True)
class FieldResult:
    field: Field
    average: float
    counts: list[tuple[str, int, int]]  # (level label, count, percent)

    @property
    def average_percent(self) -> int:
        return round(100 * self.average / NeedLevel.HIGH)


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class NeedsResults:
    year: int
    respondents: int
    minimum: int
    fields: list[FieldResult]
    formats: list[Share]
    languages: list[Share]

    @property
    def suppressed(self) -> bool:
        return self.respondents < self.minimum


def survey_years() -> list[tuple[int, int]]:
    """(year, respondents) of every year with answers, newest first."""
    rows = NeedsResponse.objects.values("year").annotate(n=Count("pk")).order_by("-year")
    return [(row["year"], row["n"]) for row in rows]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def needs_results(year: int) -> NeedsResults:
    """The aggregated answers of one year; empty when fewer than the minimum answered (four queries)."""
    minimum = settings.PEER_GROUP_MIN_SIZE
    respondents = NeedsResponse.objects.filter(year=year).count()
    if respondents < minimum:
        return NeedsResults(year, respondents, minimum, [], [], [])
    counts: dict[int, Counter] = {}
    rows = FieldNeed.objects.filter(response__year=year).values("field_id", "level").annotate(n=Count("pk"))
    for row in rows:
        counts.setdefault(row["field_id"], Counter())[row["level"]] = row["n"]
    fields = []
    for field in Field.objects.all():
        tally = counts.get(field.pk, Counter())
        answered = sum(tally.values())
        average = sum(level * n for level, n in tally.items()) / answered if answered else 0.0
        fields.append(
            FieldResult(
                field=field,
                average=round(average, 2),
                counts=[
                    (level.label, tally[level.value], _percent(tally[level.value], answered)) for level in NeedLevel
                ],
            )
        )
    fields.sort(key=lambda result: -result.average)
    formats, languages = Counter(), Counter()
    for chosen_formats, chosen_languages in NeedsResponse.objects.filter(year=year).values_list("formats", "languages"):
        formats.update(chosen_formats)
        languages.update(chosen_languages)
    format_labels = dict(ProgrammeFormat.choices)
    language_labels = dict(LANGUAGE_CHOICES)
    return NeedsResults(
        year=year,
        respondents=respondents,
        minimum=minimum,
        fields=fields,
        formats=[
            Share(str(format_labels[code]), n, _percent(n, respondents))
            for code, n in formats.most_common()
            if code in format_labels
        ],
        languages=[
            Share(str(language_labels[code]), n, _percent(n, respondents))
            for code, n in languages.most_common()
            if code in language_labels
        ],
    )
