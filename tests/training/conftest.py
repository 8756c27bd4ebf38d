"""Fixtures of the training tests: a module with lessons and a quiz, an instructor, a decided assessment
with red and yellow ratings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from labels import answers, reviews, transitions
from labels.selectors import indicator_key
from tests.factories import LessonFactory, ModuleFactory, QuestionFactory, UserFactory, shipped_catalogue_import
from training.models import InstructorGrant, LessonIndicator

# The demo catalogue's codes that the decided assessment rates red and yellow.
RED, YELLOW = "F6", "T2"


@pytest.fixture
def module(db):
    """A published module with three lessons and a quiz of two questions (passing mark 50 %)."""
    module = ModuleFactory(slug="strategy", title="Strategy and action plan", passing_percent=50)
    for n in range(3):
        LessonFactory(module=module, slug=f"lesson-{n}", title=f"Lesson {n}", position=n)
    QuestionFactory(module=module, position=0)
    QuestionFactory(module=module, position=1)
    return module


@pytest.fixture
def instructor(db):
    user = UserFactory(email="instructor@example.test")
    InstructorGrant.objects.create(user=user)
    return user


def correct_answers(module) -> dict[str, int]:
    """The form data of a quiz attempt with every answer right."""
    return {f"question_{q.pk}": q.choices.get(is_correct=True).pk for q in module.questions.all()}


def wrong_answers(module) -> dict[str, int]:
    return {f"question_{q.pk}": q.choices.filter(is_correct=False).first().pk for q in module.questions.all()}


@pytest.fixture
def framework(db):
    return shipped_catalogue_import()


def _value(indicator):
    if indicator.code == YELLOW:
        return indicator.yellow
    if indicator.code == RED:
        return indicator.yellow - 1 if indicator.direction == "higher" else indicator.yellow + 1
    return indicator.green


@pytest.fixture
def decided(framework, org_a, owner_a, staff_user, assessor, assessor2, board_member):
    """Organisation A's approved Bronze assessment: F6 rated red, T2 yellow, everything else green."""
    assessment = transitions.assessment_start(organisation=org_a, level="bronze", by=owner_a)
    for indicator in assessment.framework.indicators.all():
        answers.answer_save(assessment=assessment, indicator=indicator, value=_value(indicator), by=owner_a)
    transitions.assessment_submit(assessment=assessment, by=owner_a)
    transitions.assessment_assign(assessment=assessment, assessors=[assessor], by=staff_user)
    transitions.interview_record(assessment=assessment, on=timezone.localdate() - timedelta(days=1), by=assessor)
    reviews.review_confirm_declared(assessment=assessment, by=assessor)
    transitions.assessment_recommend(assessment=assessment, level="bronze", summary="Fine.", by=assessor)
    assessment.refresh_from_db()
    return transitions.assessment_decide(assessment=assessment, approve=True, reason="Met.", by=board_member)


def link(lesson, code: str) -> None:
    LessonIndicator.objects.create(lesson=lesson, indicator_key=indicator_key("cme-demo-2026", code))
