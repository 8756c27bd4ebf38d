"""The organisation's side of an assessment: answers, evidence and Silver improvement areas.

Answers may change while the assessment is a draft, and during a clarification round only for
the indicators the assessors named; after the first submission every change is kept as a revision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User

from . import permissions
from .choices import Level
from .evidence import evidence_content_type
from .models import Answer, AnswerRevision, Assessment, AssessmentStatus, Evidence, ImprovementArea, Indicator
from .transitions import TransitionNotAllowed, open_clarification
from .values import parse_value


def editable_codes(assessment: Assessment) -> set[str] | None:
    """Codes the organisation may change now: None means all, an empty set means none."""
    if assessment.status == AssessmentStatus.DRAFT:
        return None
    if assessment.status == AssessmentStatus.CLARIFICATION:
        request = open_clarification(assessment)
        return {i.code for i in request.indicators.all()} if request else set()
    return set()


def _check_editable(assessment: Assessment, indicator: Indicator, by: User) -> None:
    if not permissions.can_edit_answers(by, assessment):
        raise PermissionDenied(_("Only the organisation's owners and editors can change answers."))
    if indicator.framework_id != assessment.framework_id:
        raise ValidationError(_("This indicator does not belong to the assessment's catalogue."))
    codes = editable_codes(assessment)
    if codes is not None and indicator.code not in codes:
        raise TransitionNotAllowed(
            _("Indicator %(code)s cannot be changed now: the answers are frozen.") % {"code": indicator.code}
            if assessment.status != AssessmentStatus.CLARIFICATION
            else _("Only the indicators named in the clarification request can be changed.")
        )


@transaction.atomic
def answer_save(*, assessment: Assessment, indicator: Indicator, value, comment: str = "", by: User) -> Answer:
    """Validate and store one answer; raises ValidationError with a message for the field."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)  # serialise with submit
    _check_editable(assessment, indicator, by)
    parsed = parse_value(indicator, value)
    comment = (comment or "").strip()
    answer, created = Answer.objects.get_or_create(
        assessment=assessment, indicator=indicator, defaults={"value": parsed, "comment": comment, "updated_by": by}
    )
    if created:
        return answer
    if answer.value == parsed and answer.comment == comment:
        return answer
    if assessment.submitted_at is not None:
        AnswerRevision.objects.create(
            answer=answer,
            old_value=answer.value,
            new_value=parsed,
            old_comment=answer.comment,
            new_comment=comment,
            changed_by=by,
        )
    answer.value, answer.comment, answer.updated_by = parsed, comment, by
    answer.save(update_fields=["value", "comment", "updated_by", "updated_at"])
    return answer


@transaction.atomic
def evidence_add(*, assessment: Assessment, indicator: Indicator, upload, by: User) -> Evidence:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _check_editable(assessment, indicator, by)
    content_type = evidence_content_type(upload)
    return Evidence.objects.create(
        assessment=assessment,
        indicator=indicator,
        file=upload,
        original_name=(upload.name or "evidence")[-255:],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by: User) -> None:
    _check_editable(evidence.assessment, evidence.indicator, by)
    # Remove the file only once the row is gone for good.
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def improvement_areas_set(*, assessment: Assessment, items: list[tuple[Indicator, str]], by: User) -> None:
    """Replace a Silver draft's improvement areas (indicator and description each)."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not permissions.can_edit_answers(by, assessment):
        raise PermissionDenied(_("Only the organisation's owners and editors can change the application."))
    if assessment.level != Level.SILVER:
        raise TransitionNotAllowed(_("Only Silver applications document improvement areas."))
    if assessment.status != AssessmentStatus.DRAFT:
        raise TransitionNotAllowed(_("The improvement areas are frozen once the application is submitted."))
    required = int(assessment.level_rules.get("improvement_areas", 3))
    items = [(indicator, description.strip()) for indicator, description in items if indicator and description.strip()]
    if len(items) > required:
        raise ValidationError(_("Describe at most %(count)s improvement areas.") % {"count": required})
    if len({indicator.pk for indicator, _d in items}) != len(items):
        raise ValidationError(_("Choose a different indicator for each improvement area."))
    if any(indicator.framework_id != assessment.framework_id for indicator, _d in items):
        raise ValidationError(_("Those indicators do not belong to this assessment's catalogue."))
    assessment.improvement_areas.all().delete()
    ImprovementArea.objects.bulk_create(
        ImprovementArea(assessment=assessment, indicator=indicator, description=description)
        for indicator, description in items
    )
