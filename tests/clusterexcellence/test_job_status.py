"""The status fragment of any job: it polls itself while the job runs, then shows its kind's
finished template; who may watch it is decided by its kind, its target or whoever started it."""

import pytest
from django.urls import reverse

from accounts.models import Organisation
from clusterexcellence import registry
from clusterexcellence.models import Job, JobStatus
from clusterexcellence.tasks import heartbeat

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(job):
    return reverse("job_status", args=[job.public_id])


@pytest.fixture
def job(owner_a):
    """A job about nothing in particular that organisation A's owner started."""
    return Job.objects.create(kind="tests.report", created_by=owner_a)


@pytest.fixture
def organisation_job(org_a):
    return Job.objects.create(kind="tests.report", target=org_a)


@pytest.fixture
def organisations_are_job_targets(monkeypatch):
    """Jobs about an organisation may be watched by whoever sees the organisation."""
    target = registry.JobTarget("accounts.organisation", Organisation.objects.visible_to, None)
    monkeypatch.setitem(registry._JOB_TARGETS, "accounts.organisation", target)


def test_signed_out_polling_stops_instead_of_showing_a_login_page(client, job):
    response = client.get(url(job), **HTMX)
    assert response.status_code == 286
    assert "signed out" in response.content.decode()


def test_without_htmx_it_requires_sign_in(client, job):
    assert client.get(url(job)).status_code == 302


def test_it_is_at_its_documented_address(job):
    assert url(job) == f"/jobs/{job.public_id}/"


def test_an_unknown_job_is_not_found(client_as, staff_user):
    assert client_as(staff_user).get("/jobs/00000000-0000-0000-0000-000000000000/", **HTMX).status_code == 404


def test_the_person_who_started_it_and_staff_may_watch_it(client_as, owner_a, staff_user, job):
    assert client_as(owner_a).get(url(job), **HTMX).status_code == 200
    assert client_as(staff_user).get(url(job), **HTMX).status_code == 200


@pytest.mark.parametrize("persona", ["viewer_a", "owner_b", "assessor", "outsider"])
def test_nobody_else_may_watch_a_job_without_a_registered_target(request, client_as, persona, job):
    assert client_as(request.getfixturevalue(persona)).get(url(job), **HTMX).status_code == 404


def test_whoever_sees_a_registered_target_may_watch_its_jobs(
    client_as, organisations_are_job_targets, organisation_job, viewer_a, owner_b
):
    assert client_as(viewer_a).get(url(organisation_job), **HTMX).status_code == 200
    assert client_as(owner_b).get(url(organisation_job), **HTMX).status_code == 404


def test_a_kind_may_keep_its_jobs_to_staff(client_as, owner_a, staff_user):
    job = Job.objects.create(kind=heartbeat.name, created_by=owner_a)
    assert client_as(owner_a).get(url(job), **HTMX).status_code == 404
    assert client_as(staff_user).get(url(job), **HTMX).status_code == 200


def test_a_waiting_job_keeps_polling(client_as, owner_a, job):
    content = client_as(owner_a).get(url(job), **HTMX).content.decode()
    assert 'hx-trigger="every 2s"' in content
    assert f'hx-get="{url(job)}"' in content
    assert "Waiting" in content
    assert "tests.report" in content  # an unregistered kind is named by its task


def test_a_running_job_shows_its_kinds_label_and_progress(client_as, staff_user):
    job = Job.objects.create(kind=heartbeat.name, status=JobStatus.RUNNING, progress=40)
    content = client_as(staff_user).get(url(job), **HTMX).content.decode()
    assert "Checking the workers" in content
    assert '<progress max="100" value="40"' in content
    assert "every 2s" in content


def test_a_finished_job_stops_polling(client_as, owner_a, job):
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, progress=100)
    content = client_as(owner_a).get(url(job), **HTMX).content.decode()
    assert "hx-trigger" not in content
    assert "Done." in content


def test_a_failed_job_says_so_without_the_technical_error(client_as, owner_a, job):
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error="boom")
    content = client_as(owner_a).get(url(job), **HTMX).content.decode()
    assert "This did not work" in content
    assert "hx-trigger" not in content
    assert "boom" not in content  # the technical error is for staff
