"""A lesson: its text, time, objectives, linked indicators and attachments; drafts hidden."""

from django.core.files.base import ContentFile

from tests.factories import LessonFactory, ModuleFactory
from training.models import Attachment

from .conftest import link

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _attachment(lesson, *, for_instructors=False, title="Worksheet"):
    item = Attachment(lesson=lesson, title=title, for_instructors=for_instructors, content_type="application/pdf")
    item.file.save("worksheet.pdf", ContentFile(PDF), save=False)
    item.original_name, item.size = "worksheet.pdf", len(PDF)
    item.save()
    return item


def test_anyone_reads_a_lesson_with_time_objectives_and_indicators(client, framework):
    lesson = LessonFactory(minutes=25, objectives="Draw a results chain\nChoose indicators")
    link(lesson, "T2")

    page = client.get(lesson.get_absolute_url()).content.decode()

    assert "25 minutes" in page
    assert "Draw a results chain" in page and "Choose indicators" in page
    assert "T2 Action plan and monitoring" in page
    assert "Sign in to record your progress." in page


def test_a_lesson_of_a_draft_module_is_not_found(client_as, outsider):
    lesson = LessonFactory(module=ModuleFactory(is_published=False))

    assert client_as(outsider).get(lesson.get_absolute_url()).status_code == 404


def test_the_german_text_is_shown_in_german_and_english_without_it(client, db):
    lesson = LessonFactory(title="Strategy", title_de="Strategie", body="English text", body_de="Deutscher Text")

    german = client.get(lesson.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    english = client.get(lesson.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Deutscher Text" in german and "Strategie" in german
    assert "English text" in english


def test_instructor_files_are_listed_only_for_instructors(client_as, outsider, instructor):
    lesson = LessonFactory()
    _attachment(lesson, title="Worksheet")
    _attachment(lesson, title="Solutions", for_instructors=True)

    learner_page = client_as(outsider).get(lesson.get_absolute_url()).content.decode()
    instructor_page = client_as(instructor).get(lesson.get_absolute_url()).content.decode()

    assert "Worksheet" in learner_page and "Solutions" not in learner_page
    assert "Solutions" in instructor_page
