"""The quiz: the questions without their answers, checked on the server, with feedback per answer."""

from tests.factories import ModuleFactory, QuestionFactory
from training.models import QuizAttempt

from .conftest import correct_answers, wrong_answers


def _url(module):
    return f"/training/modules/{module.slug}/quiz/"


def test_the_quiz_page_never_reveals_the_correct_answers_or_feedback(client_as, outsider, module):
    page = client_as(outsider).get(_url(module)).content.decode()

    assert "Answer 0" in page and "Answer 1" in page
    assert "Feedback" not in page
    assert "is_correct" not in page and "data-correct" not in page
    # every choice is rendered alike: the correct one carries nothing the others do not
    assert page.count('type="radio"') == 6


def test_a_correct_attempt_passes_and_shows_feedback_per_answer(client_as, outsider, module):
    client = client_as(outsider)

    response = client.post(_url(module), correct_answers(module))

    attempt = QuizAttempt.objects.get(user=outsider, module=module)
    assert attempt.passed and attempt.score_percent == 100
    assert response["Location"] == attempt.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Passed" in page and "Feedback 1" in page


def test_a_wrong_attempt_fails_and_names_the_correct_answer(client_as, outsider, module):
    client = client_as(outsider)

    response = client.post(_url(module), wrong_answers(module))

    attempt = QuizAttempt.objects.get(user=outsider, module=module)
    assert not attempt.passed and attempt.score_percent == 0
    page = client.get(response["Location"]).content.decode()
    assert "Not passed yet" in page and "Feedback 0" in page and "The correct answer:" in page


def test_the_passing_mark_is_the_modules(client_as, outsider):
    strict = ModuleFactory(passing_percent=100)
    QuestionFactory(module=strict)
    QuestionFactory(module=strict)
    answers = correct_answers(strict)
    first = strict.questions.first()
    answers[f"question_{first.pk}"] = first.choices.filter(is_correct=False).first().pk

    client_as(outsider).post(_url(strict), answers)

    attempt = QuizAttempt.objects.get(module=strict)
    assert attempt.score_percent == 50 and not attempt.passed and attempt.passing_percent == 100


def test_an_unanswered_question_is_a_400_and_stores_nothing(client_as, outsider, module):
    answers = correct_answers(module)
    answers.popitem()

    response = client_as(outsider).post(_url(module), answers)

    assert response.status_code == 400
    assert "Choose one of the answers to this question." in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_a_choice_of_another_question_is_refused(client_as, outsider, module):
    first, second = module.questions.all()
    answers = correct_answers(module)
    answers[f"question_{first.pk}"] = second.choices.get(is_correct=True).pk

    response = client_as(outsider).post(_url(module), answers)

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_a_module_without_questions_says_so(client_as, outsider):
    empty = ModuleFactory()

    assert "This module has no quiz yet." in client_as(outsider).get(_url(empty)).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, module):
    response = client.get(_url(module))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_learners_attempt_is_not_found(client_as, outsider, owner_a, module):
    client_as(owner_a).post(_url(module), correct_answers(module))
    attempt = QuizAttempt.objects.get(user=owner_a)
    client_as(None).logout()

    assert client_as(outsider).get(attempt.get_absolute_url()).status_code == 404
