"""The secretariat's page of failed background work: jobs of every app and undelivered e-mails."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clusterexcellence.models import Job, JobStatus
from clusterexcellence.tasks import heartbeat
from tests.factories import MembershipFactory, OrganisationFactory

from .conftest import failed_delivery

URL = reverse("jobs_failed")


def test_it_is_at_its_documented_address():
    assert URL == "/jobs/failed/"


def test_it_requires_sign_in(client, db):
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("persona", ["owner_a", "assessor", "board_member", "outsider"])
def test_it_refuses_everyone_but_staff(request, client_as, persona):
    assert client_as(request.getfixturevalue(persona)).get(URL).status_code == 403


def test_it_says_when_nothing_failed(client_as, staff_user):
    content = client_as(staff_user).get(URL).content.decode()
    assert "No background job has failed or stalled." in content
    assert "Every e-mail was delivered." in content


def test_it_lists_failed_jobs_of_any_target_with_a_retry_button(client_as, staff_user, org_a):
    about_organisation = Job.objects.create(kind="tests.report", target=org_a, status=JobStatus.FAILED, error="Boom")
    about_nothing = Job.objects.create(kind=heartbeat.name, status=JobStatus.FAILED, error="No worker")

    content = client_as(staff_user).get(URL).content.decode()

    assert "Boom" in content and "No worker" in content
    assert f'<a href="{org_a.get_absolute_url()}">Alpha Cluster</a>' in content
    assert "Checking the workers" in content  # the kind's label, as its app registered it
    for job in (about_organisation, about_nothing):
        assert reverse("job_retry", args=[job.public_id]) in content


def test_it_leaves_out_jobs_that_did_not_fail(client_as, staff_user):
    Job.objects.create(kind=heartbeat.name, status=JobStatus.DONE, error="Old error")
    assert "Old error" not in client_as(staff_user).get(URL).content.decode()


def test_it_lists_undelivered_emails_with_a_retry_button(client_as, staff_user, invitation):
    delivery = failed_delivery(invitation)

    content = client_as(staff_user).get(URL).content.decode()

    assert "gone@example.test" in content
    assert "Mailbox full" in content
    assert "accounts.invitation" in content
    assert reverse("delivery_retry", args=[delivery.public_id]) in content


def _failures(count: int) -> None:
    for n in range(count):
        organisation = OrganisationFactory()
        owner = MembershipFactory(organisation=organisation).user
        Job.objects.create(kind="tests.report", target=organisation, status=JobStatus.FAILED, error=f"E{n}")
        Job.objects.create(kind="tests.report", target=owner, status=JobStatus.FAILED, error=f"U{n}")
        invitation = organisation.invitations.create(email=f"x{n}@example.test", invited_by=owner)
        failed_delivery(invitation, email=f"x{n}@example.test")


def test_the_queries_do_not_grow_with_the_failures(client_as, staff_user, django_assert_max_num_queries):
    client = client_as(staff_user)
    _failures(2)
    client.get(URL)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
    _failures(10)
    with django_assert_max_num_queries(10):
        content = client.get(URL).content.decode()
    assert "E9" in content and "U9" in content and "x9@example.test" in content


def test_the_dashboard_tells_staff_what_failed(client_as, staff_user, invitation):
    assert 'id="dashboard-failed-work"' not in client_as(staff_user).get("/dashboard/").content.decode()
    Job.objects.create(kind=heartbeat.name, status=JobStatus.FAILED)
    failed_delivery(invitation)

    content = client_as(staff_user).get("/dashboard/").content.decode()

    assert "1 failed job" in content
    assert "1 e-mail not delivered" in content
    assert f'href="{URL}"' in content


def test_it_lists_stalled_jobs_as_stalled_with_a_retry_button(client_as, staff_user):
    lease_end = timezone.now() - timedelta(minutes=1)
    job = Job.objects.create(kind=heartbeat.name, status=JobStatus.RUNNING, lease_expires_at=lease_end, attempts=1)
    held = timezone.now() + timedelta(minutes=5)
    Job.objects.create(kind=heartbeat.name, status=JobStatus.RUNNING, lease_expires_at=held)

    content = client_as(staff_user).get(reverse("jobs_failed")).content.decode()

    assert content.count("Stalled</span>") == 1
    assert reverse("job_retry", args=[job.public_id]) in content
