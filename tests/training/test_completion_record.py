"""The completion record: refused until every lesson is complete and the quiz passed, then issued once,
its PDF rendered by a job, downloadable by its learner only, and publicly verifiable."""

from django.contrib.contenttypes.models import ContentType

from clusterexcellence.models import Job, JobStatus
from training.models import CompletionRecord, LessonCompletion

from .conftest import correct_answers


def _complete_lessons(user, module):
    LessonCompletion.objects.bulk_create(LessonCompletion(user=user, lesson=lesson) for lesson in module.lessons.all())


def _request(client, module):
    return client.post(f"/training/modules/{module.slug}/record/")


def _jobs(record):
    return Job.objects.filter(
        content_type=ContentType.objects.get_for_model(CompletionRecord), object_id=str(record.pk)
    )


def test_it_is_refused_with_the_reason_before_the_lessons_are_complete(client_as, outsider, module):
    client = client_as(outsider)
    client.post(f"/training/modules/{module.slug}/quiz/", correct_answers(module))

    response = _request(client, module)

    assert response.status_code == 303
    assert not CompletionRecord.objects.exists()
    assert (
        "Mark every lesson of this module complete first (0 of 3 so far)."
        in client.get(response["Location"]).content.decode()
    )


def test_it_is_refused_before_the_quiz_is_passed(client_as, outsider, module):
    client = client_as(outsider)
    _complete_lessons(outsider, module)

    response = _request(client, module)

    assert "Pass the module&#x27;s quiz first" in client.get(response["Location"]).content.decode()
    assert not CompletionRecord.objects.exists()


def test_it_is_issued_and_its_pdf_rendered_by_a_job(client_as, outsider, module, django_capture_on_commit_callbacks):
    client = client_as(outsider)
    _complete_lessons(outsider, module)
    client.post(f"/training/modules/{module.slug}/quiz/", correct_answers(module))

    with django_capture_on_commit_callbacks(execute=True):
        response = _request(client, module)

    record = CompletionRecord.objects.get(user=outsider, module=module)
    assert response["Location"] == record.get_absolute_url()
    assert record.pdf  # tests run tasks in-process once the request's transaction commits
    assert _jobs(record).get().status == JobStatus.DONE
    assert record.score_percent == 100 and record.module_title == module.title
    page = client.get(record.get_absolute_url()).content.decode()
    assert "Download the PDF" in page and record.get_verification_url() in page
    pdf = client.get(f"/training/records/{record.public_id}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_asking_again_issues_no_second_record_and_renders_nothing_twice(client_as, outsider, module):
    client = client_as(outsider)
    _complete_lessons(outsider, module)
    client.post(f"/training/modules/{module.slug}/quiz/", correct_answers(module))

    _request(client, module)
    _request(client, module)

    record = CompletionRecord.objects.get()
    assert _jobs(record).count() == 1


def test_another_learner_cannot_see_or_download_the_record(client_as, outsider, owner_a, module):
    _complete_lessons(owner_a, module)
    client_as(owner_a).post(f"/training/modules/{module.slug}/quiz/", correct_answers(module))
    _request(client_as(owner_a), module)
    record = CompletionRecord.objects.get()
    client = client_as(outsider)

    assert client.get(record.get_absolute_url()).status_code == 404
    assert client.get(f"/training/records/{record.public_id}/pdf/").status_code == 404
    assert client.get(f"/training/records/{record.public_id}/status/").status_code == 404


def test_anyone_with_the_link_verifies_it(client_as, outsider, module):
    _complete_lessons(outsider, module)
    client_as(outsider).post(f"/training/modules/{module.slug}/quiz/", correct_answers(module))
    _request(client_as(outsider), module)
    record = CompletionRecord.objects.get()
    client_as(None).logout()

    page = client_as(None).get(record.get_verification_url()).content.decode()

    assert "Completion record verified" in page and record.module_title in page


def test_an_unknown_record_does_not_verify(client, db):
    assert client.get("/training/verify/00000000-0000-0000-0000-000000000000/").status_code == 404
