"""Marking a lesson complete: for signed-in learners, idempotent, reversible, and on to the next lesson."""

from training.models import LessonCompletion


def _url(lesson):
    return f"/training/modules/{lesson.module.slug}/lessons/{lesson.slug}/complete/"


def test_it_marks_the_lesson_complete_and_goes_to_the_next(client_as, outsider, module):
    first, second = list(module.lessons.order_by("position"))[:2]

    response = client_as(outsider).post(_url(first))

    assert response.status_code == 302
    assert response["Location"] == second.get_absolute_url()
    assert LessonCompletion.objects.filter(user=outsider, lesson=first).exists()


def test_marking_twice_keeps_one_mark(client_as, outsider, module):
    lesson = module.lessons.first()
    client = client_as(outsider)

    client.post(_url(lesson))
    client.post(_url(lesson))

    assert LessonCompletion.objects.filter(user=outsider, lesson=lesson).count() == 1


def test_the_last_lesson_leads_back_to_the_module(client_as, outsider, module):
    last = module.lessons.order_by("position").last()

    assert client_as(outsider).post(_url(last))["Location"] == module.get_absolute_url()


def test_undo_takes_the_mark_back(client_as, outsider, module):
    lesson = module.lessons.first()
    client = client_as(outsider)
    client.post(_url(lesson))

    client.post(_url(lesson), {"undo": "1"})

    assert not LessonCompletion.objects.filter(user=outsider, lesson=lesson).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, module):
    response = client.post(_url(module.lessons.first()))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not LessonCompletion.objects.exists()


def test_it_refuses_get(client_as, outsider, module):
    assert client_as(outsider).get(_url(module.lessons.first())).status_code == 405
