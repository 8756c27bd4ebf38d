"""Case studies: the fixed structure, the fictional mark, and the teaching note for instructors only."""

from tests.factories import CaseStudyFactory


def test_anyone_reads_the_structure_and_sees_it_is_fictional(client, db):
    case = CaseStudyFactory(title="Lakeside Food Valley")

    page = client.get(case.get_absolute_url()).content.decode()

    for heading in ("The cluster and its context", "The challenge", "What was done", "Results", "Lessons"):
        assert heading in page
    assert "Questions for discussion" in page and "Second question?" in page
    assert "Fictional case." in page


def test_the_teaching_note_is_for_instructors_only(client_as, outsider, staff_user, instructor):
    case = CaseStudyFactory()

    assert "Secret teaching note" not in client_as(None).get(case.get_absolute_url()).content.decode()
    assert "Secret teaching note" not in client_as(outsider).get(case.get_absolute_url()).content.decode()
    # staff grant the role; being staff is not the role
    assert "Secret teaching note" not in client_as(staff_user).get(case.get_absolute_url()).content.decode()
    assert "Secret teaching note" in client_as(instructor).get(case.get_absolute_url()).content.decode()


def test_a_draft_case_is_not_found_for_learners(client_as, outsider):
    case = CaseStudyFactory(is_published=False)

    assert client_as(outsider).get(case.get_absolute_url()).status_code == 404


def test_the_list_filters_by_field(client, db):
    from tests.factories import TrainingFieldFactory

    strategy = TrainingFieldFactory(slug="strategy")
    CaseStudyFactory(title="About strategy", field=strategy)
    CaseStudyFactory(title="About money")

    page = client.get("/training/case-studies/?field=strategy").content.decode()

    assert "About strategy" in page and "About money" not in page
