"""The appeals panel on the application page (a page panel, "labels.assessment") and on the label's
page (`{% label_appeal_panel label %}`): the appeals filed and, for an owner within the period, the
link to appeal. A fixed number of queries."""

from django.urls import reverse

from . import appeals
from .models import Assessment, Label


def appeals_panel_load(request, subject: Assessment | Label) -> dict | None:
    user = request.user
    if isinstance(subject, Label):
        filed = list(subject.appeals.all())
        contested = appeals.contested_decision(label=subject)
        url = reverse("labels:appeal_label", args=[subject.public_id])
    else:
        filed = list(subject.appeals.filter(label__isnull=True))
        contested = appeals.contested_decision(assessment=subject)
        url = reverse("labels:appeal_rejection", args=[subject.public_id])
    may_appeal = (
        contested is not None
        and appeals.can_appeal(user, subject.organisation)
        and appeals.appeal_state_refusal(contested) is None
    )
    if not filed and not may_appeal:
        return None
    return {"appeals": filed, "may_appeal": may_appeal, "contested": contested, "appeal_url": url}
