"""seed_demo's benchmarking data: every kind of peer group has figures for the demo manager, one is
suppressed, and practice notes sit beside the manager's weak indicators."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from accounts.models import Organisation
from benchmarking import population as population_module
from benchmarking.benchmarks import benchmark_build
from benchmarking.choices import NoteStatus
from benchmarking.models import PracticeNote
from benchmarking.practice_notes import notes_attach

pytestmark = pytest.mark.django_db
ORGS = 300  # what `make run` seeds


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", orgs=ORGS, seed=1, no_logins=True, stdout=StringIO())
        population_module._current = None
        yield
        transaction.set_rollback(True)
    population_module._current = None


@pytest.fixture
def bavarian(seeded):
    return Organisation.objects.get(slug="bavarian-mobility-cluster")


@pytest.mark.parametrize("group", [(), ("sector",), ("country",), ("size",), ("age",), ("level",)])
def test_every_kind_of_peer_group_has_figures_for_the_demo_manager(bavarian, group):
    result = benchmark_build(organisation=bavarian, group=group)

    assert result.verdict.shown, result.suppressed
    assert result.n >= 10
    assert sum(row.figures.percentile is not None for row in result.rows) >= 30


def test_combining_sector_and_country_meets_a_suppressed_group(bavarian):
    result = benchmark_build(organisation=bavarian, group=("sector", "country"))

    assert not result.verdict.shown
    assert "fewer than 5 organisations besides yours" in result.suppressed


def test_most_organisations_are_benchmarked_with_varied_values(seeded):
    population = population_module.population()

    assert len(population.org_ids) >= 0.75 * ORGS
    s5 = [v for v in population.values["cme-demo-2026:S5"] if v is not None]
    assert len(set(s5)) >= 20
    assert any(v is None for column in population.values.values() for v in column)  # some are missing


def test_published_practice_notes_sit_beside_the_managers_weak_indicators(bavarian):
    result = benchmark_build(organisation=bavarian)
    notes_attach(result)

    with_notes = [row for row in result.rows if row.notes]
    assert len(with_notes) >= 3
    assert all(row.rating in ("red", "yellow") for row in with_notes)
    assert PracticeNote.objects.filter(status=NoteStatus.PENDING).count() == 1


def test_a_second_run_adds_no_notes(seeded):
    before = PracticeNote.objects.count()

    call_command("seed_demo", orgs=ORGS, seed=1, no_logins=True, stdout=StringIO())

    assert PracticeNote.objects.count() == before
