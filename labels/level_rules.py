"""Whether an assessment meets a label level: the one answer the pages, the API and the
transitions (assessment_recommend, assessment_decide) all ask for.

The rules themselves are the pure `scoring.level_outcome`; this module gathers the facts they
rest on from the database, each in one place:

- the values: the assessors' verified values (the declared ones only for the organisation's
  provisional outlook);
- verification: labels/verification.py;
- Silver's earlier Bronze: an approved Bronze benchmarking of the same organisation whose
  benchmarking date lies `previous_bronze_months` (18 to 24) calendar months before the Silver's
  benchmarking date. A benchmarking's date is its interview or visit date (`benchmarking_date`);
  before one is recorded, as when applying, today stands in for it;
- Silver's improvement areas: those the assessor validated.
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation

from .assessment_scores import provisional_result, verified_result
from .choices import Level
from .models import Assessment, AssessmentStatus, Framework
from .scoring import LevelOutcome, ScoreResult, level_outcome, months_between_ok
from .verification import VerificationProgress, verification_progress

DEFAULT_BRONZE_WINDOW = (18, 24)


def benchmarking_date(assessment: Assessment) -> date:
    """The one date a benchmarking is measured from: its interview or visit date (for an older
    approval without one, its decision date); today while none is recorded."""
    return assessment.completed_on or timezone.localdate()


def bronze_window(framework: Framework) -> tuple[int, int]:
    return tuple(framework.level_rules(Level.SILVER).get("previous_bronze_months", DEFAULT_BRONZE_WINDOW))


def _approved_bronzes(organisation: Organisation) -> list[Assessment]:
    bronzes = Assessment.objects.filter(
        organisation=organisation, level=Level.BRONZE, status=AssessmentStatus.APPROVED
    ).order_by("-decided_at", "-pk")
    return [bronze for bronze in bronzes if bronze.completed_on]


def last_completed_bronze(organisation: Organisation) -> Assessment | None:
    """The organisation's latest approved Bronze benchmarking, if any."""
    return next(iter(_approved_bronzes(organisation)), None)


def previous_bronze(organisation: Organisation, *, on: date, framework: Framework) -> Assessment | None:
    """The approved Bronze benchmarking a Silver benchmarked on `on` builds on, or None."""
    window = bronze_window(framework)
    return next((b for b in _approved_bronzes(organisation) if months_between_ok(b.completed_on, on, window)), None)


def previous_bronze_refusal(organisation: Organisation, *, on: date, framework: Framework) -> str | None:
    """Why a Silver benchmarked on `on` has no earlier Bronze to build on, in words; None when it has."""
    if previous_bronze(organisation, on=on, framework=framework) is not None:
        return None
    low, high = bronze_window(framework)
    latest = last_completed_bronze(organisation)
    if latest is None:
        return _(
            "Silver needs a completed Bronze benchmarking %(min)s to %(max)s months earlier; "
            "%(organisation)s has none yet. Apply for Bronze first."
        ) % {"min": low, "max": high, "organisation": organisation}
    return _(
        "Silver needs a completed Bronze benchmarking %(min)s to %(max)s months earlier; "
        "the last one was completed on %(date)s."
    ) % {"min": low, "max": high, "date": latest.completed_on.isoformat()}


def level_check(
    assessment: Assessment,
    level: str,
    *,
    declared: bool = False,
    result: ScoreResult | None = None,
    verification: VerificationProgress | None = None,
) -> LevelOutcome:
    """Whether the assessment meets `level`, with every unmet rule in words.

    By default on the verified values: what a recommendation and a decision rest on. With
    `declared=True`, the organisation's provisional outlook: its own values, its described
    improvement areas counting as validated, verification not asked yet. `result` and
    `verification` save queries when the caller has them already."""
    level = Level(level)
    if result is None:
        result = provisional_result(assessment) if declared else verified_result(assessment)
    facts = {}
    if level in (Level.BRONZE, Level.SILVER) and not declared:
        facts["all_verified"] = (verification or verification_progress(assessment)).complete
    if level == Level.SILVER:
        on = benchmarking_date(assessment)
        facts["previous_bronze_ok"] = (
            previous_bronze(assessment.organisation, on=on, framework=assessment.framework) is not None
        )
        # Only a Silver application describes improvement areas; the others need no query.
        areas = list(assessment.improvement_areas.all()) if assessment.level == Level.SILVER else []
        facts["improvement_areas_validated"] = len(areas) if declared else sum(1 for a in areas if a.validated)
    return level_outcome(level, result, rules=assessment.framework.level_rules(level), **facts)


def level_refusal(outcome: LevelOutcome) -> str:
    """The sentence a refused recommendation or decision shows, naming every unmet rule."""
    return _("The verified values do not meet %(level)s: %(reasons)s") % {
        "level": outcome.level.label,
        "reasons": " ".join(outcome.reasons),
    }
