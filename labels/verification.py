"""How far the assessors have verified an assessment: the one count the review page, the board's
decision page, the API and the transitions share.

An indicator is verified once an assessor has confirmed or changed its value (Review.verified_at);
the copy of the declared value made at assignment is not a verification."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .assessment_scores import indicators_of
from .models import Area, Assessment, Review

CODES_SHOWN = 12  # a refusal names the first few open indicators; the review page shows them all


@dataclass(frozen=True)
class AreaVerification:
    area: Area
    verified: int
    total: int

    @property
    def remaining(self) -> int:
        return self.total - self.verified

    @property
    def complete(self) -> bool:
        return self.verified == self.total


@dataclass(frozen=True)
class VerificationProgress:
    areas: tuple[AreaVerification, ...]
    unverified: tuple[str, ...]  # indicator codes in catalogue order

    @property
    def total(self) -> int:
        return sum(area.total for area in self.areas)

    @property
    def verified(self) -> int:
        return sum(area.verified for area in self.areas)

    @property
    def remaining(self) -> int:
        return len(self.unverified)

    @property
    def complete(self) -> bool:
        return not self.unverified

    @property
    def percent(self) -> int:
        return round(100 * self.verified / self.total) if self.total else 0


def verified_indicator_ids(assessment: Assessment) -> set[int]:
    return set(
        Review.objects.filter(assessment=assessment, verified_at__isnull=False).values_list("indicator_id", flat=True)
    )


def verification_progress(assessment: Assessment, verified_ids: set[int] | None = None) -> VerificationProgress:
    """Verified indicators per area and in all; `verified_ids` saves the query when already known."""
    if verified_ids is None:
        verified_ids = verified_indicator_ids(assessment)
    areas: dict[int, list] = {}
    unverified = []
    for indicator in indicators_of(assessment):
        entry = areas.setdefault(indicator.area_id, [indicator.area, 0, 0])
        entry[2] += 1
        if indicator.pk in verified_ids:
            entry[1] += 1
        else:
            unverified.append(indicator.code)
    return VerificationProgress(
        areas=tuple(AreaVerification(area, verified, total) for area, verified, total in areas.values()),
        unverified=tuple(unverified),
    )


def verification_refusal(progress: VerificationProgress) -> str | None:
    """Why the assessment cannot be recommended or approved yet for want of verification, or None."""
    if progress.complete:
        return None
    codes = ", ".join(progress.unverified[:CODES_SHOWN])
    if len(progress.unverified) > CODES_SHOWN:
        codes += " …"
    return ngettext(
        "Verify every indicator first: %(verified)s of %(total)s are verified; %(count)s is still open: %(codes)s.",
        "Verify every indicator first: %(verified)s of %(total)s are verified; %(count)s are still open: %(codes)s.",
        len(progress.unverified),
    ) % {"verified": progress.verified, "total": progress.total, "count": len(progress.unverified), "codes": codes}


def area_confirmed_message(area: Area, count: int) -> str:
    if not count:
        return _("Every indicator of %(area)s was already verified; nothing changed.") % {"area": area.title_i18n}
    return ngettext(
        "%(count)s declared value of %(area)s confirmed as verified.",
        "%(count)s declared values of %(area)s confirmed as verified.",
        count,
    ) % {"count": count, "area": area.title_i18n}
