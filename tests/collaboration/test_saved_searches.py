"""Saved searches: each new match is e-mailed once, however often the daily check runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from clusterexcellence.jobs import job_enqueue
from clusterexcellence.models import Job, JobStatus
from collaboration import saved_searches
from collaboration.models import SavedSearch, SavedSearchMatch
from collaboration.search import SearchFilters
from collaboration.tasks import saved_searches_check
from tests.factories import OrganisationFactory

from .conftest import make_posting


@pytest.fixture
def hydrogen_search(outsider):
    search = saved_searches.saved_search_create(user=outsider, name="Hydrogen", filters=SearchFilters(q="hydrogen"))
    SavedSearch.objects.filter(pk=search.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    search.refresh_from_db()
    return search


def run_daily(capture):
    with capture(execute=True):
        return saved_searches.saved_searches_check_all()


def test_a_new_matching_posting_is_e_mailed_once_and_not_again(
    hydrogen_search, org_a, owner_a, django_capture_on_commit_callbacks
):
    posting = make_posting(org_a, owner_a, title="Hydrogen buses")
    make_posting(org_a, owner_a, title="Solar roofs", topics=["solar"], description="Panels.")

    assert run_daily(django_capture_on_commit_callbacks) == {"checked": 1, "matches": 1}
    assert run_daily(django_capture_on_commit_callbacks) == {"checked": 1, "matches": 0}

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["outsider@example.test"]
    assert mail.outbox[0].subject == "New matches for your search “Hydrogen”"
    assert posting.get_absolute_url() in mail.outbox[0].body
    assert "Solar roofs" not in mail.outbox[0].body


def test_what_existed_before_the_search_was_saved_is_no_news(
    org_a, owner_a, outsider, django_capture_on_commit_callbacks
):
    make_posting(org_a, owner_a, title="Hydrogen buses")
    saved_searches.saved_search_create(user=outsider, name="Hydrogen", filters=SearchFilters(q="hydrogen"))

    assert run_daily(django_capture_on_commit_callbacks)["matches"] == 0
    assert mail.outbox == []


def test_new_organisations_match_too(hydrogen_search, django_capture_on_commit_callbacks):
    OrganisationFactory(name="Hydrogen Valley")
    run_daily(django_capture_on_commit_callbacks)
    assert "Hydrogen Valley" in mail.outbox[0].body


def test_a_search_without_e_mails_records_nothing(hydrogen_search, org_a, owner_a, django_capture_on_commit_callbacks):
    saved_searches.saved_search_update(saved_search=hydrogen_search, name="Quiet", notify=False)
    make_posting(org_a, owner_a, title="Hydrogen buses")
    assert run_daily(django_capture_on_commit_callbacks) == {"checked": 0, "matches": 0}
    assert mail.outbox == []


def test_the_daily_task_runs_through_a_job_row(hydrogen_search, org_a, owner_a, django_capture_on_commit_callbacks):
    make_posting(org_a, owner_a, title="Hydrogen buses")
    with django_capture_on_commit_callbacks(execute=True):
        job = job_enqueue(saved_searches_check)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"checked": 1, "matches": 1}
    # A redelivered task finds its job done and does nothing twice.
    saved_searches_check(job.pk)
    assert SavedSearchMatch.objects.count() == 1
    assert Job.objects.filter(kind=saved_searches_check.name).count() == 1


def test_a_search_needs_a_name_and_a_filter(outsider):
    with pytest.raises(ValidationError):
        saved_searches.saved_search_create(user=outsider, name=" ", filters=SearchFilters(q="x"))
    with pytest.raises(ValidationError):
        saved_searches.saved_search_create(user=outsider, name="All", filters=SearchFilters())


def test_saving_from_the_search_page(client_as, outsider):
    response = client_as(outsider).post(
        "/collaboration/searches/new/", {"name": "Food in Spain", "notify": "on", "query": "sector=food&country=ES"}
    )
    assert response.status_code == 302
    assert SavedSearch.objects.get().query == {"country": ["ES"], "sector": ["food"]}


def test_a_saved_search_is_its_owners_alone(client_as, hydrogen_search, owner_b):
    assert client_as(owner_b).get(hydrogen_search.get_absolute_url()).status_code == 404
    assert client_as(owner_b).delete(f"/api/saved-searches/{hydrogen_search.public_id}/").status_code == 404
