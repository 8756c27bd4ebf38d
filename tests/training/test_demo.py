"""The content written for the portal loads completely, once, and the demo hook adds an instructor and
survey answers without repeating itself."""

import random

from accounts.choices import MembershipRole
from labels.selectors import current_indicators
from tests.factories import MembershipFactory
from training import demo
from training.content import content_load
from training.models import CaseStudy, FieldNeed, InstructorGrant, Lesson, Module, NeedsResponse, Programme


def test_the_content_covers_every_area_with_substance(framework):
    loaded = content_load()

    assert loaded.modules == 6 and loaded.case_studies == 6 and loaded.fields == 11
    areas = {indicator.key: indicator.area_code for indicator in current_indicators()}
    covered = set()
    for module in Module.objects.prefetch_related("lessons__indicator_links", "questions__choices"):
        lessons = list(module.lessons.all())
        assert len(lessons) >= 3
        assert all(len(lesson.body.split()) > 120 for lesson in lessons)
        assert len(module.questions.all()) >= 4
        for question in module.questions.all():
            assert sum(choice.is_correct for choice in question.choices.all()) == 1
            assert all(choice.feedback for choice in question.choices.all())
        keys = {link.indicator_key for lesson in lessons for link in lesson.indicator_links.all()}
        assert keys <= set(areas), keys - set(areas)
        covered |= {areas[key] for key in keys}
    assert covered == {"S", "G", "F", "T", "C", "A"}
    assert all(case.is_fictional and "(fictional)" in case.cluster_name for case in CaseStudy.objects.all())
    assert all(case.teaching_note for case in CaseStudy.objects.all())


def test_loading_again_creates_nothing(framework):
    content_load()
    counts = (Module.objects.count(), Lesson.objects.count(), CaseStudy.objects.count(), Programme.objects.count())

    again = content_load()

    assert (again.modules, again.case_studies, again.programmes, again.fields) == (0, 0, 0, 0)
    assert counts == (
        Module.objects.count(),
        Lesson.objects.count(),
        CaseStudy.objects.count(),
        Programme.objects.count(),
    )


def test_the_demo_hook_adds_an_instructor_and_survey_answers_idempotently(framework, staff_user, settings):
    owners = [MembershipFactory(role=MembershipRole.OWNER).user for _ in range(12)]
    users = {"staff@example.org": staff_user}

    demo.seed(random.Random(1), [], users)
    responses = NeedsResponse.objects.count()
    demo.seed(random.Random(1), [], users)

    assert InstructorGrant.objects.filter(user__email="instructor@example.org").exists()
    assert responses == 2 * len(owners) and NeedsResponse.objects.count() == responses
    assert FieldNeed.objects.count() == responses * 11
    assert Module.objects.count() == 6
