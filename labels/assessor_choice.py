"""What the secretariat weighs when choosing assessors, beside conflicts of interest (conflicts.py):

- national or foreign: an assessor is national for an organisation when its country is among the
  countries of the assessor's profile (AssessorProfile.countries, filled by the demo for every
  assessor); the scheme asks Gold to be assessed by one national and one foreign assessor where
  possible, that is where both kinds are available without a conflict of interest;
- workload: each assessor's open assignments (assessments not yet decided or withdrawn);
- languages: the profile's language codes as names in the page's language.

Nothing here refuses an assignment: the Gold rule says "where possible", so the page shows who is
national and whether the rule can be met, and the secretariat decides."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from accounts.models import Organisation, User

from .choices import Level
from .models import Assessment, AssessmentStatus


def is_national(person: User, organisation: Organisation) -> bool:
    """Whether the person counts as a national assessor for the organisation (by the profile's countries)."""
    profile = getattr(person, "assessor_profile", None)
    if profile is None or not organisation.country:
        return False
    return organisation.country.code in {country.code for country in profile.countries}


def with_open_assignments(people: QuerySet) -> QuerySet:
    """The people with `open_assignments`: how many assessments assigned to them are still open;
    counted in the same query as the people."""
    return people.annotate(
        open_assignments=Count("assignments", filter=Q(assignments__assessment__status__in=AssessmentStatus.open()))
    )


def language_names(codes) -> list[str]:
    """Language codes as names in the active language ("de" → "German", "Deutsch" in German)."""
    names = []
    for code in codes or []:
        try:
            names.append(str(get_language_info(code)["name_translated"]))
        except KeyError:
            names.append(code)
    return names


@dataclass(frozen=True)
class NationalRule:
    """Whether the Gold rule of one national and one foreign assessor applies, and if it can be met."""

    applies: bool
    nationals: tuple[User, ...]  # without a conflict of interest
    foreigners: tuple[User, ...]  # without a conflict of interest
    message: str

    @property
    def possible(self) -> bool:
        return bool(self.nationals and self.foreigners)


def national_rule(assessment: Assessment, candidates, conflicts: dict[int, str]) -> NationalRule:
    """The rule for this assessment, given the candidates and their conflicts (by person id)."""
    organisation = assessment.organisation
    free = [person for person in candidates if person.pk not in conflicts]
    nationals = tuple(person for person in free if is_national(person, organisation))
    foreigners = tuple(person for person in free if not is_national(person, organisation))
    applies = assessment.level == Level.GOLD and assessment.required_assessors >= 2
    country = organisation.country.name if organisation.country else _("its country")
    if not applies:
        message = _("One assessor; national or foreign as the secretariat sees fit.")
    elif nationals and foreigners:
        message = _(
            "Gold: choose one national assessor (for %(country)s) and one foreign assessor. "
            "Available without a conflict: %(nationals)s national, %(foreigners)s foreign."
        ) % {"country": country, "nationals": len(nationals), "foreigners": len(foreigners)}
    elif not nationals:
        message = _(
            "Gold asks for one national and one foreign assessor where possible; no assessor for "
            "%(country)s is available without a conflict of interest, so choose two foreign assessors."
        ) % {"country": country}
    else:
        message = _(
            "Gold asks for one national and one foreign assessor where possible; every assessor "
            "available without a conflict is national for %(country)s."
        ) % {"country": country}
    return NationalRule(applies=applies, nationals=nationals, foreigners=foreigners, message=message)
