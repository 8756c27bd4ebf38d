"""POST/GET /api/assessments/{id}/report/ and GET .../report/pdf/: the assessment report PDF of a
decided assessment, for the organisation's members and staff."""

import pytest

from clusterexcellence.models import Job, JobStatus
from labels import transitions
from labels.tasks import render_assessment_report

from .conftest import api_url


@pytest.fixture
def decided(recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member)
    return recommended


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user"])
def test_members_and_staff_request_poll_and_download(
    request, api_as, decided, persona, django_capture_on_commit_callbacks
):
    client = api_as(request.getfixturevalue(persona))

    assert client.get(api_url(decided, "report/")).json() == {
        "job": None,
        "status": "none",
        "error": "",
        "download": None,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(api_url(decided, "report/"))
    assert response.status_code == 202, response.json()
    job = Job.objects.get(kind=render_assessment_report.name)
    assert response.json()["job"] == str(job.public_id)

    body = client.get(api_url(decided, "report/")).json()
    assert (body["status"], body["job"]) == (JobStatus.DONE, str(job.public_id))
    assert body["download"].endswith(api_url(decided, "report/pdf/"))
    pdf = client.get(body["download"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_a_request_while_one_waits_answers_the_same_job(api_as, decided, owner_a):
    client = api_as(owner_a)

    first = client.post(api_url(decided, "report/")).json()
    second = client.post(api_url(decided, "report/")).json()

    assert first["job"] == second["job"]
    assert first["status"] == "pending"
    assert Job.objects.filter(kind=render_assessment_report.name).count() == 1


def test_the_pdf_before_rendering_is_404(api_as, decided, owner_a):
    assert api_as(owner_a).get(api_url(decided, "report/pdf/")).status_code == 404


@pytest.mark.parametrize("persona", ["board_member", "assessor"])
def test_others_who_see_the_assessment_get_403(request, api_as, decided, persona):
    client = api_as(request.getfixturevalue(persona))

    assert client.post(api_url(decided, "report/")).status_code == 403
    assert client.get(api_url(decided, "report/")).status_code == 403
    assert client.get(api_url(decided, "report/pdf/")).status_code == 403
    assert not Job.objects.filter(kind=render_assessment_report.name).exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_outside_the_scope_it_is_404(request, api_as, decided, persona):
    client = api_as(request.getfixturevalue(persona))

    assert client.post(api_url(decided, "report/")).status_code == 404
    assert client.get(api_url(decided, "report/")).status_code == 404


def test_before_the_decision_it_is_409(api_as, recommended, owner_a):
    client = api_as(owner_a)

    response = client.post(api_url(recommended, "report/"))

    assert response.status_code == 409
    assert "once the label board has decided" in response.json()["detail"]
    assert client.get(api_url(recommended, "report/")).status_code == 409
    assert not Job.objects.filter(kind=render_assessment_report.name).exists()


def test_anonymous_callers_are_refused(api_client, decided):
    assert api_client.post(api_url(decided, "report/")).status_code in (401, 403)
