"""The programme catalogue: public, filtered and searched, with a query count that stays flat."""

from tests.factories import ProgrammeFactory, TrainingFieldFactory


def test_anyone_sees_the_programmes(client, db):
    ProgrammeFactory(title="Cluster Management Foundations", provider="Danube Academy")

    page = client.get("/training/programmes/").content.decode()

    assert "Cluster Management Foundations" in page
    assert "Danube Academy" in page


def test_it_filters_by_language_format_level_country_and_field(client, db):
    finance = TrainingFieldFactory(slug="financing")
    wanted = ProgrammeFactory(title="Wanted", language="de", format="blended", level="advanced", country="AT")
    wanted.fields.add(finance)
    ProgrammeFactory(title="Other language", language="fr", format="blended", level="advanced", country="AT")
    ProgrammeFactory(title="Other format", language="de", format="online", level="advanced", country="AT")

    query = "?language=de&format=blended&level=advanced&country=AT&field=financing"
    page = client.get("/training/programmes/" + query).content.decode()

    assert "Wanted" in page
    assert "Other language" not in page and "Other format" not in page


def test_it_searches_title_provider_and_description(client, db):
    ProgrammeFactory(title="Impact Measurement", description="Results chains and indicators")
    ProgrammeFactory(title="Something else")

    page = client.get("/training/programmes/?q=results+chains").content.decode()

    assert "Impact Measurement" in page and "Something else" not in page


def test_an_unknown_filter_value_is_an_error_on_the_form_not_a_500(client, db):
    response = client.get("/training/programmes/?format=telepathy")

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_its_query_count_does_not_grow_with_programmes(client, db, django_assert_max_num_queries):
    fields = [TrainingFieldFactory(slug=f"f{n}") for n in range(4)]
    for n in range(30):
        ProgrammeFactory().fields.set(fields[: n % 4 + 1])

    # the filter form's field choices, the total, the page's count, the page, its fields
    with django_assert_max_num_queries(5):
        response = client.get("/training/programmes/")

    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == 26  # the header and one page of 25
