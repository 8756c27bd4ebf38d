"""The benchmarking report PDF: requested on the page or the API, rendered by a job, downloaded by those who may."""

import pytest
from django.urls import reverse

from benchmarking.models import BenchmarkReport
from clusterexcellence.models import Job, JobStatus

from .helpers import peers

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(framework, decided_a):
    return peers(6, framework)


def test_requesting_a_report_renders_it_through_a_job(
    client_as, owner_a, org_a, crowd, django_capture_on_commit_callbacks
):
    client = client_as(owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("benchmarking:report_create", args=[org_a.slug]), {"sector": "ict", "query": "sector=ict"}
        )

    report = BenchmarkReport.objects.get()
    assert response.status_code == 302 and str(report.public_id) in response["Location"]
    assert report.criteria == ["sector"] and report.language == "en"
    assert Job.objects.get(object_id=str(report.pk)).status == JobStatus.DONE
    page = client.get(response["Location"])
    assert "Your report is ready." in page.text
    download = client.get(reverse("benchmarking:report_download", args=[report.public_id]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_status_fragment_polls_until_the_job_is_done(client_as, owner_a, org_a, crowd):
    report = BenchmarkReport.objects.create(organisation=org_a, language="en", requested_by=owner_a)

    fragment = client_as(owner_a).get(
        reverse("benchmarking:report_status", args=[report.public_id]), HTTP_HX_REQUEST="true"
    )

    assert 'hx-trigger="every 2s"' in fragment.text


def test_a_repeated_delivery_renders_once(owner_a, org_a, crowd):
    from benchmarking.reports import report_render

    report = report_render(BenchmarkReport.objects.create(organisation=org_a, language="en", requested_by=owner_a))
    name = report.file.name

    assert report_render(report).file.name == name


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_others_can_neither_request_nor_download(client_as, owner_a, org_a, crowd, persona, request, org_b):
    report = BenchmarkReport.objects.create(organisation=org_a, language="en", requested_by=owner_a)
    client = client_as(request.getfixturevalue(persona))

    assert client.post(reverse("benchmarking:report_create", args=[org_a.slug])).status_code == 404
    assert client.get(reverse("benchmarking:report_download", args=[report.public_id])).status_code == 404
    assert client.get(reverse("benchmarking:report_status", args=[report.public_id])).status_code == 404


def test_the_api_requests_polls_and_downloads(api_as, viewer_a, org_a, crowd, django_capture_on_commit_callbacks):
    client = api_as(viewer_a)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(f"/api/benchmarks/{org_a.slug}/reports/", {"country": "DE"}, format="json")

    assert created.status_code == 202
    status = client.get(f"/api/benchmark-reports/{created.json()['public_id']}/").json()
    assert status["status"] == "done" and status["download"].endswith("/pdf/")
    assert client.get(status["download"]).status_code == 200
    assert client.post(f"/api/benchmarks/{org_a.slug}/reports/", {"country": "FR"}, format="json").status_code == 400
