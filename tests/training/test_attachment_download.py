"""Attachments are served only through the view: the lesson must be visible, instructor files need the role."""

from tests.factories import LessonFactory, ModuleFactory

from .test_lesson_page import PDF, _attachment


def test_anyone_downloads_a_published_lessons_attachment(client, db):
    item = _attachment(LessonFactory())

    response = client.get(item.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


def test_an_instructor_file_is_refused_to_others(client_as, outsider):
    item = _attachment(LessonFactory(), for_instructors=True)

    assert client_as(outsider).get(item.get_absolute_url()).status_code == 403
    assert client_as(None).get(item.get_absolute_url()).status_code == 403


def test_an_instructor_downloads_an_instructor_file(client_as, instructor):
    item = _attachment(LessonFactory(), for_instructors=True)

    assert client_as(instructor).get(item.get_absolute_url()).status_code == 200


def test_a_draft_modules_attachment_is_not_found(client_as, outsider):
    item = _attachment(LessonFactory(module=ModuleFactory(is_published=False)))

    assert client_as(outsider).get(item.get_absolute_url()).status_code == 404


def test_the_stored_file_has_no_public_url_of_its_own(client, db):
    item = _attachment(LessonFactory())

    assert client.get("/media/" + item.file.name).status_code == 404
