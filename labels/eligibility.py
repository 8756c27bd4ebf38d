"""Whether an organisation may open an application for a level now."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation

from .choices import Level
from .level_rules import previous_bronze_refusal
from .models import Assessment, AssessmentStatus
from .renewals import renewal_refusal


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
    today = timezone.localdate()
    if level == Level.SILVER:
        # Applying, the Silver has no interview yet: today stands in for its benchmarking date.
        refusal = previous_bronze_refusal(organisation, on=today, framework=framework)
        if refusal:
            return refusal
    if renewal:
        return renewal_refusal(organisation, level, on=today, framework=framework)
    return None
