"""The training-needs survey: managers answer once a year; only aggregates, and only from the minimum
group size on, are shown to anyone."""

import pytest
from django.utils import timezone

from tests.factories import MembershipFactory, TrainingFieldFactory
from training.models import FieldNeed, NeedsResponse

SURVEY = "/training/needs/"
RESULTS = "/training/needs/results/"


@pytest.fixture
def fields(db):
    return [TrainingFieldFactory(slug="financing", title="Financing"), TrainingFieldFactory(slug="strategy")]


def _answers(fields, level=3):
    data = {f"need_{field.pk}": level for field in fields}
    return data | {"formats": ["online"], "languages": ["en", "de"]}


def _respond(fields, count, year=None, level=2):
    for _ in range(count):
        user = MembershipFactory().user
        response = NeedsResponse.objects.create(
            user=user, year=year or timezone.localdate().year, formats=["online"], languages=["de"]
        )
        FieldNeed.objects.bulk_create(FieldNeed(response=response, field=f, level=level) for f in fields)


def test_a_manager_answers_and_is_sent_to_the_results(client_as, owner_a, fields):
    response = client_as(owner_a).post(SURVEY, _answers(fields))

    assert response.status_code == 302 and response["Location"] == RESULTS
    saved = NeedsResponse.objects.get(user=owner_a)
    assert saved.year == timezone.localdate().year and saved.languages == ["de", "en"]
    assert sorted(saved.needs.values_list("level", flat=True)) == [3, 3]


def test_a_second_answer_in_the_same_year_is_refused(client_as, viewer_a, fields):
    client = client_as(viewer_a)
    client.post(SURVEY, _answers(fields))

    page = client.get(SURVEY).content.decode()

    assert "You answered the survey for" in page
    assert NeedsResponse.objects.count() == 1


def test_the_domain_refuses_a_second_answer_with_409(client_as, owner_a, fields):
    from training.needs import AlreadyAnswered, needs_response_submit

    needs = {f.pk: 1 for f in fields}
    needs_response_submit(user=owner_a, needs=needs, formats=["online"], languages=["en"])

    with pytest.raises(AlreadyAnswered):
        needs_response_submit(user=owner_a, needs=needs, formats=["online"], languages=["en"])


def test_people_outside_any_cluster_organisation_are_refused(client_as, outsider, fields):
    assert client_as(outsider).get(SURVEY).status_code == 403
    assert client_as(outsider).post(SURVEY, _answers(fields)).status_code == 403
    assert not NeedsResponse.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, fields):
    assert "/accounts/login/" in client.get(SURVEY)["Location"]


def test_a_field_left_unrated_is_a_400(client_as, owner_a, fields):
    data = _answers(fields)
    del data[f"need_{fields[0].pk}"]

    response = client_as(owner_a).post(SURVEY, data)

    assert response.status_code == 400
    assert "Rate your need in this field." in response.content.decode()
    assert not NeedsResponse.objects.exists()


def test_results_are_suppressed_below_the_minimum_group_size(client, fields, settings):
    settings.PEER_GROUP_MIN_SIZE = 5
    _respond(fields, 4)

    page = client.get(RESULTS).content.decode()

    assert "Fewer than 5 managers have answered" in page
    assert "Need by field" not in page


def test_results_from_the_minimum_on_are_aggregates_only(client, fields, settings):
    settings.PEER_GROUP_MIN_SIZE = 5
    _respond(fields, 5, level=2)

    response = client.get(RESULTS)

    page = response.content.decode()
    assert "5 managers answered." in page
    assert "Financing" in page and "2.00" in page
    assert "German" in page and "100 %" in page
    for response_ in NeedsResponse.objects.select_related("user"):
        assert response_.user.email not in page


def test_an_earlier_year_can_be_chosen(client, fields, settings):
    settings.PEER_GROUP_MIN_SIZE = 1
    year = timezone.localdate().year
    _respond(fields, 1, year=year - 1, level=1)
    _respond(fields, 1, year=year, level=3)

    page = client.get(RESULTS + f"?year={year - 1}").content.decode()

    assert f"Training needs {year - 1}" in page and "1.00" in page


def test_a_nonsense_year_falls_back_to_the_latest(client, fields):
    assert client.get(RESULTS + "?year=99999999999999").status_code == 200
    assert client.get(RESULTS + "?year=abc").status_code == 200
