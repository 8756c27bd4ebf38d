"""The training API: public reads, the learner's progress, quiz and record, the survey; every refusal."""

import pytest
from django.utils import timezone

from tests.factories import CaseStudyFactory, ModuleFactory, ProgrammeFactory, TrainingFieldFactory
from training.models import LessonCompletion, NeedsResponse, QuizAttempt

API = "/api/training/"


def test_the_root_lists_the_training_endpoints(api_client, db):
    body = api_client.get("/api/").json()

    assert body["training-programmes"].endswith("/api/training/programmes/")
    assert body["training-modules"].endswith("/api/training/modules/")


def test_programmes_are_public_and_filtered(api_as, db):
    ProgrammeFactory(slug="in-german", language="de")
    ProgrammeFactory(slug="in-french", language="fr")

    body = api_as(None).get(API + "programmes/?language=de").json()

    assert [p["slug"] for p in body["results"]] == ["in-german"]


def test_fields_and_modules_are_public_without_drafts(api_as, module):
    ModuleFactory(slug="hidden", is_published=False)

    fields = api_as(None).get(API + "fields/").json()
    modules = api_as(None).get(API + "modules/").json()

    assert [m["slug"] for m in modules["results"]] == ["strategy"]
    assert any(f["modules"] == ["strategy"] for f in fields)
    assert api_as(None).get(API + "modules/hidden/").status_code == 404


def test_a_module_lists_its_lessons_and_a_lesson_its_sanitised_text(api_as, module):
    lesson = module.lessons.first()
    lesson.body = "Hi <script>alert(1)</script>"
    lesson.save()

    detail = api_as(None).get(API + "modules/strategy/").json()
    text = api_as(None).get(API + "modules/strategy/lessons/lesson-0/").json()

    assert [item["slug"] for item in detail["lessons"]] == ["lesson-0", "lesson-1", "lesson-2"]
    assert detail["question_count"] == 2 and detail["passing_percent"] == 50
    assert "<script" not in text["body_html"] and text["completed"] is False


def test_a_case_study_has_its_teaching_note_only_for_instructors(api_as, outsider, instructor):
    CaseStudyFactory(slug="lakeside")

    assert api_as(outsider).get(API + "case-studies/lakeside/").json()["teaching_note"] is None
    assert api_as(instructor).get(API + "case-studies/lakeside/").json()["teaching_note"] == "Secret teaching note."


def test_the_quiz_never_sends_the_answers_before_the_attempt(api_as, outsider, module):
    body = api_as(outsider).get(API + "modules/strategy/quiz/").json()

    text = str(body)
    assert len(body["questions"]) == 2
    assert "correct" not in text and "feedback" not in text.lower() and "Feedback" not in text


def test_an_attempt_is_checked_and_returns_feedback_per_answer(api_as, outsider, module):
    answers = [{"question": q.pk, "choice": q.choices.get(is_correct=True).pk} for q in module.questions.all()]

    response = api_as(outsider).post(API + "modules/strategy/quiz/attempts/", {"answers": answers}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["passed"] and body["score_percent"] == 100
    assert body["answers"][0]["feedback"] == "Feedback 1" and body["answers"][0]["correct"]


def test_an_attempt_with_a_missing_answer_is_a_400(api_as, outsider, module):
    question = module.questions.first()
    answers = [{"question": question.pk, "choice": question.choices.first().pk}]

    response = api_as(outsider).post(API + "modules/strategy/quiz/attempts/", {"answers": answers}, format="json")

    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_a_quiz_without_questions_is_a_409(api_as, outsider):
    ModuleFactory(slug="empty")

    assert api_as(outsider).get(API + "modules/empty/quiz/").status_code == 409


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "progress/"),
        ("get", "modules/strategy/quiz/"),
        ("post", "modules/strategy/quiz/attempts/"),
        ("put", "modules/strategy/lessons/lesson-0/completion/"),
        ("post", "modules/strategy/record/"),
        ("post", "needs/responses/"),
        ("get", "recommendations/"),
    ],
)
def test_learner_endpoints_refuse_anonymous_callers(api_as, module, method, path):
    assert getattr(api_as(None), method)(API + path).status_code in (401, 403)


def test_lesson_completion_is_marked_and_taken_back(api_as, outsider, module):
    client = api_as(outsider)
    url = API + "modules/strategy/lessons/lesson-0/completion/"

    assert client.put(url).json() == {"lesson": "lesson-0", "completed": True}
    assert LessonCompletion.objects.filter(user=outsider).count() == 1
    assert client.delete(url).status_code == 200
    assert not LessonCompletion.objects.exists()


def test_progress_is_reported_per_module_and_field(api_as, outsider, module):
    LessonCompletion.objects.create(user=outsider, lesson=module.lessons.first())

    body = api_as(outsider).get(API + "progress/").json()

    assert body["modules"][0]["lessons_done"] == 1 and body["modules"][0]["lessons_total"] == 3
    assert body["fields"][0]["lessons_done"] == 1


def test_a_record_before_completion_is_a_409_with_the_reason(api_as, outsider, module):
    response = api_as(outsider).post(API + "modules/strategy/record/")

    assert response.status_code == 409
    assert "Mark every lesson" in response.json()["detail"]


def test_a_record_is_issued_and_its_pdf_served_to_its_learner_only(
    api_as, outsider, owner_a, module, django_capture_on_commit_callbacks
):
    from rest_framework.test import APIClient

    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=outsider, lesson=lesson) for lesson in module.lessons.all()
    )
    answers = [{"question": q.pk, "choice": q.choices.get(is_correct=True).pk} for q in module.questions.all()]
    client = api_as(outsider)
    client.post(API + "modules/strategy/quiz/attempts/", {"answers": answers}, format="json")

    with django_capture_on_commit_callbacks(execute=True):
        issued = client.post(API + "modules/strategy/record/")

    assert issued.status_code == 202
    record = client.get(API + f"records/{issued.json()['id']}/").json()
    assert record["job_status"] == "done" and record["pdf_url"]
    assert client.get(record["pdf_url"]).status_code == 200
    other = APIClient()
    other.force_authenticate(owner_a)
    assert other.get(API + f"records/{record['id']}/").status_code == 404
    assert other.get(record["pdf_url"]).status_code == 404
    assert APIClient().get(API + f"records/{record['id']}/verify/").json()["valid"] is True


def test_the_survey_answer_is_saved_once_and_refused_to_outsiders(api_as, owner_a, outsider, db):
    TrainingFieldFactory(slug="financing")
    payload = {"needs": {"financing": 3}, "formats": ["online"], "languages": ["en"]}

    assert api_as(outsider).post(API + "needs/responses/", payload, format="json").status_code == 403
    client = api_as(owner_a)
    assert client.post(API + "needs/responses/", payload, format="json").status_code == 201
    assert client.post(API + "needs/responses/", payload, format="json").status_code == 409
    assert NeedsResponse.objects.count() == 1


def test_a_survey_answer_with_an_unknown_field_or_missing_field_is_a_400(api_as, owner_a, db):
    TrainingFieldFactory(slug="financing")
    TrainingFieldFactory(slug="strategy")
    client = api_as(owner_a)

    unknown = {"needs": {"nonsense": 3}, "formats": ["online"], "languages": ["en"]}
    missing = {"needs": {"financing": 3}, "formats": ["online"], "languages": ["en"]}

    assert client.post(API + "needs/responses/", unknown, format="json").status_code == 400
    assert client.post(API + "needs/responses/", missing, format="json").status_code == 400


def test_survey_results_are_suppressed_below_the_minimum(api_as, owner_a, settings, db):
    settings.PEER_GROUP_MIN_SIZE = 5
    NeedsResponse.objects.create(user=owner_a, year=timezone.localdate().year, formats=["online"], languages=["en"])

    body = api_as(None).get(API + "needs/results/").json()

    assert body["suppressed"] is True and body["respondents"] == 1 and body["fields"] == []


def test_search_is_public(api_as, module):
    body = api_as(None).get(API + "search/?q=lesson").json()

    assert {hit["kind"] for hit in body} == {"lesson"}


def test_recommendations_list_the_users_organisations(api_as, decided, owner_a):
    from .test_recommendations import _content

    _content()
    body = api_as(owner_a).get(API + "recommendations/").json()

    assert body[0]["organisation"] == "alpha-cluster"
    assert body[0]["recommendations"][0]["indicators"] == ["cme-demo-2026:F6"]
