"""Learner progress: marking lessons complete, and how far a learner got in each module and field."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from . import permissions
from .models import Lesson, LessonCompletion, Module, QuizAttempt


def _require_learner(user) -> None:
    if not permissions.can_learn(user):
        raise PermissionDenied(_("Sign in to record your progress."))


def lesson_complete(*, user, lesson: Lesson) -> LessonCompletion:
    """Mark the lesson complete for the learner; marking it again changes nothing."""
    _require_learner(user)
    try:
        with transaction.atomic():
            return LessonCompletion.objects.get_or_create(user=user, lesson=lesson)[0]
    except IntegrityError:  # a double click raced us to the same row
        return LessonCompletion.objects.get(user=user, lesson=lesson)


def lesson_uncomplete(*, user, lesson: Lesson) -> None:
    """Take the mark back (the learner wants to read it again before the quiz)."""
    _require_learner(user)
    LessonCompletion.objects.filter(user=user, lesson=lesson).delete()


@dataclass
class ModuleProgress:
    """How far one learner got in one module."""

    lessons_total: int = 0
    lessons_done: int = 0
    best_score: int | None = None
    passed: bool = False
    completed_lessons: set[int] = field(default_factory=set)

    @property
    def percent(self) -> int:
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0

    @property
    def lessons_complete(self) -> bool:
        return self.lessons_total > 0 and self.lessons_done >= self.lessons_total

    @property
    def complete(self) -> bool:
        """Every lesson marked complete and the quiz passed: a completion record may be issued."""
        return self.lessons_complete and self.passed


def progress_of(user, modules) -> dict[int, ModuleProgress]:
    """Progress per module id for the learner, in three queries whatever the number of modules."""
    modules = list(modules)
    ids = [module.pk for module in modules]
    result = {module_id: ModuleProgress() for module_id in ids}
    for row in Lesson.objects.filter(module_id__in=ids).values("module_id").annotate(n=Count("pk")):
        result[row["module_id"]].lessons_total = row["n"]
    if not user.is_authenticated or not ids:
        return result
    done = LessonCompletion.objects.filter(user=user, lesson__module_id__in=ids).values_list(
        "lesson__module_id", "lesson_id"
    )
    for module_id, lesson_id in done:
        result[module_id].completed_lessons.add(lesson_id)
    for progress in result.values():
        progress.lessons_done = len(progress.completed_lessons)
    attempts = (
        QuizAttempt.objects.filter(user=user, module_id__in=ids)
        .values("module_id")
        .annotate(best=Max("score_percent"), passes=Count("pk", filter=Q(passed=True)))
    )
    for row in attempts:
        result[row["module_id"]].best_score = row["best"]
        result[row["module_id"]].passed = row["passes"] > 0
    return result


def module_progress(user, module: Module) -> ModuleProgress:
    return progress_of(user, [module])[module.pk]


@dataclass(frozen=True)
class FieldProgress:
    field: object
    lessons_total: int
    lessons_done: int
    modules_complete: int
    modules_total: int

    @property
    def percent(self) -> int:
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


def progress_by_field(fields, modules, progress: dict[int, ModuleProgress]) -> list[FieldProgress]:
    """Sums of the module progress per field, for the fields that have modules."""
    result = []
    for field_ in fields:
        members = [progress[m.pk] for m in modules if m.field_id == field_.pk]
        if members:
            result.append(
                FieldProgress(
                    field=field_,
                    lessons_total=sum(p.lessons_total for p in members),
                    lessons_done=sum(p.lessons_done for p in members),
                    modules_complete=sum(1 for p in members if p.complete),
                    modules_total=len(members),
                )
            )
    return result
