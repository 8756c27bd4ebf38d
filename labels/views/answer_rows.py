"""What the organisation's pages show per indicator, and lookups they share: who may change which
answer now, the open clarification, the latest scoring job."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusterexcellence.jobs import job_latest
from clusterexcellence.models import Job

from .. import answers, permissions, transitions
from ..choices import IndicatorKind, Rating
from ..models import Assessment, AssessmentStatus, Indicator
from ..scoring import rate
from ..values import SCALE_MAX, format_number, format_value

KIND_HINTS = {
    IndicatorKind.INTEGER: gettext_lazy("A whole number, 0 or more."),
    IndicatorKind.DECIMAL: gettext_lazy("A number, 0 or more, with a point for decimals."),
    IndicatorKind.PERCENT: gettext_lazy("A percentage from 0 to 100."),
}


@dataclass
class AnswerRow:
    """One indicator on an area page: the saved answer, or what was typed when it was refused."""

    indicator: Indicator
    value: Decimal | None = None
    text: str = ""  # what the value field shows
    comment: str = ""
    editable: bool = False
    named: bool = False  # named in the open clarification request
    error: str = ""
    saved: bool = False
    evidence: list = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def rating(self) -> Rating | None:
        """The provisional traffic light of the saved value; None while unanswered."""
        return None if self.value is None else rate(self.indicator, self.value)

    @property
    def display(self) -> str:
        return format_value(self.indicator, self.value)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """Radio buttons (value, text) for yes/no and scale indicators; empty for numbers."""
        if self.indicator.kind == IndicatorKind.BOOLEAN:
            return [("1", _("Yes")), ("0", _("No"))]
        if self.indicator.kind == IndicatorKind.SCALE:
            steps = list(self.indicator.levels_i18n or [])
            return [(str(step), steps[step] if step < len(steps) else "") for step in range(SCALE_MAX + 1)]
        return []

    @property
    def hint(self) -> str:
        return KIND_HINTS.get(self.indicator.kind, "")

    @property
    def inputmode(self) -> str:
        return "numeric" if self.indicator.kind == IndicatorKind.INTEGER else "decimal"


def answer_row(indicator, answer=None, *, editable=False, named=False, evidence=()) -> AnswerRow:
    value = answer.value if answer else None
    return AnswerRow(
        indicator=indicator,
        value=value,
        text="" if value is None else format_number(value),
        comment=answer.comment if answer else "",
        editable=editable,
        named=named,
        evidence=list(evidence),
    )


def editable_for(user, assessment: Assessment):
    """A predicate on indicator codes: may this user change that answer now?"""
    if not permissions.can_edit_answers(user, assessment):
        return lambda code: False
    codes = answers.editable_codes(assessment)
    return lambda code: codes is None or code in codes


def score_job(assessment: Assessment) -> Job | None:
    """The latest provisional-scoring job of the assessment."""
    from ..tasks import score_assessment

    return job_latest(assessment, kind=score_assessment.name)


def clarification_of(assessment: Assessment):
    """The open clarification request and the codes it names (None and an empty set outside one)."""
    if assessment.status != AssessmentStatus.CLARIFICATION:
        return None, set()
    request = transitions.open_clarification(assessment)
    return request, ({i.code for i in request.indicators.all()} if request else set())
