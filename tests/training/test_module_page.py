"""A module's page: its lessons (the lesson list), the learner's progress, the quiz and the record."""

import pytest

from tests.factories import LessonFactory, ModuleFactory
from training.models import LessonCompletion

from .conftest import link


def test_anyone_sees_a_published_module_with_its_lessons(client, module):
    page = client.get(module.get_absolute_url()).content.decode()

    assert "Lesson 0" in page and "Lesson 2" in page
    assert "Sign in to take the quiz" in page


def test_a_draft_is_not_found_for_the_public_and_learners(client_as, outsider):
    draft = ModuleFactory(is_published=False)

    assert client_as(None).get(draft.get_absolute_url()).status_code == 404
    assert client_as(outsider).get(draft.get_absolute_url()).status_code == 404


def test_an_instructor_previews_a_draft(client_as, instructor):
    draft = ModuleFactory(is_published=False)

    assert client_as(instructor).get(draft.get_absolute_url()).status_code == 200


def test_it_names_the_indicators_the_lessons_help_with(client, module, framework):
    link(module.lessons.first(), "T2")

    assert "T2 Action plan and monitoring" in client.get(module.get_absolute_url()).content.decode()


def test_the_learner_sees_progress(client_as, outsider, module):
    LessonCompletion.objects.create(user=outsider, lesson=module.lessons.first())

    assert "1 of 3 lessons complete" in client_as(outsider).get(module.get_absolute_url()).content.decode()


@pytest.mark.parametrize("lessons", [2, 12])
def test_its_query_count_does_not_grow_with_lessons(client_as, outsider, lessons, django_assert_max_num_queries):
    module = ModuleFactory()
    for n in range(lessons):
        LessonFactory(module=module, position=n)
        LessonCompletion.objects.create(user=outsider, lesson=module.lessons.last())
    client = client_as(outsider)
    with django_assert_max_num_queries(12):
        response = client.get(module.get_absolute_url())
    assert response.status_code == 200
