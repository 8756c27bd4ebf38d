"""A module's quiz: questions without their answers before an attempt, checked on the server."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusterexcellence.errors import StateConflict

from . import permissions
from .models import Choice, Module, Question, QuizAttempt


class QuizUnavailable(StateConflict):
    """The module has no quiz yet."""


def questions_of(module: Module) -> list[Question]:
    """The quiz's questions with their choices, in order (two queries)."""
    return list(module.questions.order_by("position", "pk").prefetch_related("choices"))


def quiz_attempt_submit(*, user, module: Module, answers: dict) -> QuizAttempt:
    """Check the chosen answers ({question id: choice id}), store the attempt and say whether it passed.

    Every question must be answered with one of its own choices; the passing mark is the module's."""
    if not permissions.can_learn(user):
        raise PermissionDenied(_("Sign in to take the quiz."))
    questions = questions_of(module)
    if not questions:
        raise QuizUnavailable(_("This module has no quiz yet."))
    chosen: dict[str, int] = {}
    errors = {}
    correct = 0
    for question in questions:
        raw = answers.get(question.pk, answers.get(str(question.pk)))
        choice = next((c for c in question.choices.all() if str(c.pk) == str(raw)), None) if raw is not None else None
        if choice is None:
            errors[f"question_{question.pk}"] = _("Choose one of the answers to this question.")
            continue
        chosen[str(question.pk)] = choice.pk
        correct += choice.is_correct
    if errors:
        raise ValidationError(errors)
    score = round(100 * correct / len(questions))
    with transaction.atomic():
        return QuizAttempt.objects.create(
            user=user,
            module=module,
            answers=chosen,
            correct=correct,
            total=len(questions),
            score_percent=score,
            passing_percent=module.passing_percent,
            passed=score >= module.passing_percent,
        )


@dataclass(frozen=True)
class AnswerFeedback:
    """One question after an attempt: what was chosen, whether it was right, and why."""

    question: Question
    chosen: Choice | None
    correct_choice: Choice | None

    @property
    def is_correct(self) -> bool:
        return self.chosen is not None and self.chosen.is_correct


def attempt_feedback(attempt: QuizAttempt) -> list[AnswerFeedback]:
    """The feedback per answer of an attempt (the correct answers are shown only now, after it)."""
    feedback = []
    for question in questions_of(attempt.module):
        choices = list(question.choices.all())
        chosen_id = attempt.answers.get(str(question.pk))
        feedback.append(
            AnswerFeedback(
                question=question,
                chosen=next((c for c in choices if c.pk == chosen_id), None),
                correct_choice=next((c for c in choices if c.is_correct), None),
            )
        )
    return feedback
