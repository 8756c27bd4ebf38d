"""How fresh the figures are: a new decision, a changed profile and a new day are seen by the next request."""

import pytest
from django.urls import reverse

from benchmarking import population as population_module
from labels import transitions

from .helpers import peers

pytestmark = pytest.mark.django_db


def peer_count(client, organisation):
    return client.get(reverse("api-benchmark-detail", args=[organisation.slug])).json()["peer_group"]["n"]


def test_a_new_decision_is_counted_on_the_next_request(
    api_as, owner_a, org_a, framework, decided_a, org_b, owner_b, staff_user, assessor, board_member
):
    from labels import answers, reviews

    peers(6, framework)
    client = api_as(owner_a)
    assert peer_count(client, org_a) == 6

    gold = transitions.assessment_start(organisation=org_b, level="bronze", by=owner_b)
    for indicator in framework.indicators.all():
        answers.answer_save(assessment=gold, indicator=indicator, value=indicator.green, by=owner_b)
    transitions.assessment_submit(assessment=gold, by=owner_b)
    transitions.assessment_assign(assessment=gold, assessors=[assessor], by=staff_user)
    transitions.interview_record(assessment=gold, on=gold.created_at.date(), by=assessor)
    reviews.review_confirm_declared(assessment=gold, by=assessor)
    transitions.assessment_recommend(assessment=gold, level="bronze", summary="Met.", by=assessor)
    assert peer_count(client, org_a) == 6  # recommended is not decided
    transitions.assessment_decide(assessment=gold, approve=True, reason="Met.", by=board_member)

    assert peer_count(client, org_a) == 7


def test_a_changed_profile_moves_an_organisation_between_groups_within_a_minute(
    api_as, owner_a, org_a, framework, decided_a, monkeypatch
):
    crowd = peers(7, framework)
    peers(6, framework, sector="food")
    client = api_as(owner_a)
    url = reverse("api-benchmark-detail", args=[org_a.slug]) + "?sector=ict"
    assert client.get(url).json()["peer_group"]["n"] == 7

    crowd[0].sector = "food"
    crowd[0].save()

    assert client.get(url).json()["peer_group"]["n"] == 7  # profiles are looked at once a minute
    now = population_module.time.time()
    monkeypatch.setattr(population_module.time, "time", lambda: now + population_module.PROFILE_CHECK_SECONDS)
    assert client.get(url).json()["peer_group"]["n"] == 6


def test_an_unchanged_population_is_not_read_again(api_as, owner_a, org_a, framework, decided_a):
    peers(6, framework)
    client = api_as(owner_a)
    client.get(reverse("api-benchmark-detail", args=[org_a.slug]))
    built = population_module._current

    client.get(reverse("api-benchmark-detail", args=[org_a.slug]))

    assert population_module._current is built


def test_another_process_loads_the_population_from_the_shared_cache(api_as, owner_a, org_a, framework, decided_a):
    peers(6, framework)
    first = population_module.population()
    population_module._current = None  # as in a second web process

    second = population_module.population()

    assert second is not first
    assert second.fingerprint == first.fingerprint and second.built_at == first.built_at


def test_an_edit_no_history_records_is_seen_within_ten_minutes(
    api_as, owner_a, org_a, framework, decided_a, monkeypatch
):
    from labels.models import Review

    crowd = peers(6, framework)
    client = api_as(owner_a)
    assert peer_count(client, org_a) == 6
    Review.objects.filter(assessment__organisation=crowd[0]).delete()  # as an edit in Django admin might

    assert peer_count(client, org_a) == 6  # not seen yet: no history row, no profile change
    now = population_module.time.time()
    monkeypatch.setattr(population_module.time, "time", lambda: now + population_module.MAX_AGE_SECONDS)
    assert peer_count(client, org_a) == 5
