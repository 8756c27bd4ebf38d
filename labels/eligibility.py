"""Whether an organisation may open an application for a level now."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation

from .choices import Level
from .models import Assessment, AssessmentStatus
from .scoring import months_between_ok


def last_completed_bronze(organisation: Organisation) -> Assessment | None:
    """The organisation's latest approved Bronze benchmarking, if any."""
    bronzes = Assessment.objects.filter(
        organisation=organisation, level=Level.BRONZE, status=AssessmentStatus.APPROVED
    ).order_by("-decided_at")
    return next((a for a in bronzes if a.completed_on), None)


def application_refusal(organisation: Organisation, level: str, *, renewal: bool, framework) -> str | None:
    """Why the organisation may not apply for this level now, or None when it may."""
    if framework is None:
        return _("No indicator catalogue is published yet; applications open once it is.")
    if level not in Level.values:
        return _("Choose Bronze, Silver or Gold.")
    open_application = Assessment.objects.filter(organisation=organisation, status__in=AssessmentStatus.open()).first()
    if open_application is not None:
        return _("%(organisation)s already has an open %(level)s application (%(status)s).") % {
            "organisation": organisation,
            "level": open_application.get_level_display(),
            "status": open_application.get_status_display().lower(),
        }
    if level == Level.SILVER:
        window = tuple(framework.level_rules(Level.SILVER).get("previous_bronze_months", (18, 24)))
        bronze = last_completed_bronze(organisation)
        if bronze is None:
            return _(
                "Silver needs a completed Bronze benchmarking %(min)s to %(max)s months earlier; "
                "%(organisation)s has none yet. Apply for Bronze first."
            ) % {"min": window[0], "max": window[1], "organisation": organisation}
        if not months_between_ok(bronze.completed_on, timezone.localdate(), window):
            return _(
                "Silver needs a completed Bronze benchmarking %(min)s to %(max)s months earlier; "
                "the last one was completed on %(date)s."
            ) % {"min": window[0], "max": window[1], "date": bronze.completed_on.isoformat()}
    if (
        renewal
        and not Assessment.objects.filter(
            organisation=organisation, level=level, status=AssessmentStatus.APPROVED, awarded_level=level
        ).exists()
    ):
        return _("A renewal needs an earlier %(level)s label of this organisation.") % {"level": Level(level).label}
    return None
