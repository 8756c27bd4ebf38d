"""The training home: fields with their modules; drafts only for staff and instructors; flat queries."""

from tests.factories import LessonFactory, ModuleFactory, TrainingFieldFactory
from training.models import LessonCompletion


def _content(fields=3, modules_per_field=3, lessons=3):
    created = []
    for f in range(fields):
        field = TrainingFieldFactory(slug=f"f-{f}", position=f)
        for _m in range(modules_per_field):
            module = ModuleFactory(field=field)
            for n in range(lessons):
                LessonFactory(module=module, position=n)
            created.append(module)
    return created


def test_it_lists_published_modules_by_field_for_anyone(client, db):
    ModuleFactory(title="Visible module")
    ModuleFactory(title="Draft module", is_published=False)

    response = client.get("/training/")

    assert response.status_code == 200
    assert "Visible module" in response.content.decode()
    assert "Draft module" not in response.content.decode()


def test_staff_and_instructors_see_drafts(client_as, staff_user, instructor):
    ModuleFactory(title="Draft module", is_published=False)

    for user in (staff_user, instructor):
        assert "Draft module" in client_as(user).get("/training/").content.decode()


def test_a_learner_sees_progress_per_module_and_field(client_as, outsider):
    module = _content(fields=1, modules_per_field=1)[0]
    LessonCompletion.objects.create(user=outsider, lesson=module.lessons.first())

    page = client_as(outsider).get("/training/").content.decode()

    assert "1 of 3 lessons complete" in page
    assert "Your progress in this field: 1 of 3 lessons" in page


def test_its_query_count_does_not_grow_with_content(client_as, outsider, django_assert_max_num_queries):
    client = client_as(outsider)
    _content(fields=1, modules_per_field=1)
    client.get("/training/")  # warm the session
    with django_assert_max_num_queries(9) as few:
        client.get("/training/")
    _content(fields=4, modules_per_field=4, lessons=4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/training/")
    assert response.status_code == 200


def test_the_status_quo_page_links_the_catalogue_and_what_helps_per_indicator(client, framework, module):
    from .conftest import link

    link(module.lessons.first(), "T2")

    with_content = client.get("/training/status-quo/").content.decode()

    assert 'href="/labels/catalogue/"' in with_content
    assert "T2 · Action plan and monitoring" in with_content
    assert module.get_absolute_url() in with_content
