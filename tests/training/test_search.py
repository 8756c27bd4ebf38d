"""Search across programmes, lessons and case studies: full text on PostgreSQL, words on SQLite."""

from django.db import connection

from tests.factories import CaseStudyFactory, LessonFactory, ModuleFactory, ProgrammeFactory
from tests.services import require_postgres
from training.search import search


def test_it_finds_lessons_case_studies_and_programmes(client, db):
    LessonFactory(title="Pricing services", body="Calculate the full cost of a service.")
    CaseStudyFactory(title="Life after the grant", challenge="The most popular service was losing money.")
    ProgrammeFactory(title="Financing Cluster Organisations", description="Pricing a service and costs.")
    LessonFactory(title="Unrelated", body="Nothing to see.")

    page = client.get("/training/search/?q=service").content.decode()

    assert "Pricing services" in page
    assert "Life after the grant" in page
    assert "Financing Cluster Organisations" in page
    assert "Unrelated" not in page


def test_it_never_finds_drafts_for_learners(outsider):
    LessonFactory(title="Secret draft lesson", module=ModuleFactory(is_published=False))

    assert search("secret draft", user=outsider).lessons == []


def test_an_empty_query_finds_nothing(db, outsider):
    assert search("   ", user=outsider).count == 0


def test_on_postgresql_german_words_are_stemmed(db, outsider):
    require_postgres()
    LessonFactory(title="Finanzen", body="x", body_de="Die Finanzierung der Clusterorganisation sichern.")

    found = search("Finanzierungen", user=outsider)

    assert [lesson.title for lesson in found.lessons] == ["Finanzen"]
    assert connection.vendor == "postgresql"


def test_on_postgresql_english_words_are_stemmed_and_ranked(db, outsider):
    require_postgres()
    LessonFactory(title="Monitoring", body="We monitored the plan; monitoring matters.")
    LessonFactory(title="Once", body="The plan was monitored once.")

    found = search("monitor", user=outsider)

    assert [lesson.title for lesson in found.lessons] == ["Monitoring", "Once"]
