"""The assessment report PDF of a decided assessment: created by a job from the application page,
one file per assessment, downloaded by the organisation's members and staff only; its text holds
every indicator with the declared and verified values and the score."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from clusterexcellence.models import Job, JobStatus
from labels import transitions
from labels.assessment_report import report_path, report_render
from labels.assessment_scores import declared_values, indicators_of, verified_values
from labels.models import AssessmentStatus, Review
from labels.tasks import render_assessment_report
from labels.values import format_value


def _create(assessment):
    return reverse("labels:report_create", args=[assessment.public_id])


def _download(assessment):
    return reverse("labels:report_download", args=[assessment.public_id])


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def approved(recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=True, reason="Met.", by=board_member)
    recommended.refresh_from_db()
    return recommended


@pytest.fixture
def rejected(recommended, board_member):
    transitions.assessment_decide(assessment=recommended, approve=False, reason="Not met.", by=board_member)
    recommended.refresh_from_db()
    return recommended


def _stored_text(assessment) -> str:
    with default_storage.open(report_path(assessment), "rb") as stored:
        return _pdf_text(stored.read())


def test_the_report_lists_every_indicator_with_declared_and_verified_values_and_the_score(approved):
    # One verified value differs from the declared one, so both must show.
    review = Review.objects.filter(assessment=approved).select_related("indicator").order_by("pk").first()
    Review.objects.filter(pk=review.pk).update(verified_value=0)
    approved.organisation.name = "Alpha <Cluster> & Co"
    approved.organisation.save()

    report_render(assessment=approved)
    text = _stored_text(approved)

    declared, verified = declared_values(approved), verified_values(approved)
    for indicator in indicators_of(approved):
        assert indicator.code in text
        assert format_value(indicator, declared[indicator.code]) in text
        assert format_value(indicator, verified[indicator.code]) in text
    assert format_value(review.indicator, 0) in text
    assert f"{approved.verified_score} %" in text or str(approved.verified_score) in text
    assert "Alpha <Cluster> & Co" in text


def test_a_rejected_assessment_has_a_report_too(rejected):
    report_render(assessment=rejected)

    assert "Rejected" in _stored_text(rejected)


def test_rendering_twice_leaves_one_file(approved, django_capture_on_commit_callbacks, owner_a):
    with django_capture_on_commit_callbacks(execute=True):
        from clusterexcellence.jobs import job_enqueue

        first = job_enqueue(render_assessment_report, target=approved, by=owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        second = job_enqueue(render_assessment_report, target=approved, by=owner_a)
    render_assessment_report(first.pk)  # the first job delivered again: nothing to do

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (JobStatus.DONE, JobStatus.DONE), (first.error, second.error)
    assert first.result["path"] == second.result["path"] == report_path(approved)
    folder = default_storage.listdir("assessment-reports")[1]
    assert [name for name in folder if str(approved.public_id) in name] == [f"{approved.public_id}.pdf"]


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user"])
def test_members_and_staff_create_and_download_the_report(
    request, client_as, approved, persona, django_capture_on_commit_callbacks
):
    client = client_as(request.getfixturevalue(persona))

    page = client.get(approved.get_absolute_url())
    assert "Create the report (PDF)" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_create(approved))
    assert response.status_code == 302
    job = Job.objects.get(kind=render_assessment_report.name)
    assert job.status == JobStatus.DONE, job.error

    page = client.get(approved.get_absolute_url()).content.decode()
    assert _download(approved) in page  # the finished job's fragment links the download
    download = client.get(_download(approved))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_job_status_fragment_links_the_download(client_as, approved, owner_a, django_capture_on_commit_callbacks):
    client = client_as(owner_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_create(approved))
    job = Job.objects.get(kind=render_assessment_report.name)

    fragment = client.get(reverse("job_status", args=[job.public_id]))

    assert fragment.status_code == 200
    assert _download(approved) in fragment.content.decode()


def test_a_second_request_while_the_job_waits_adds_no_job(client_as, approved, owner_a):
    client = client_as(owner_a)  # without running the on-commit callbacks, the first job stays pending

    client.post(_create(approved))
    client.post(_create(approved))

    assert Job.objects.filter(kind=render_assessment_report.name).count() == 1


@pytest.mark.parametrize("persona", ["board_member", "assessor"])
def test_others_who_see_the_assessment_are_refused_403(request, client_as, approved, persona):
    report_render(assessment=approved)
    client = client_as(request.getfixturevalue(persona))

    assert "Create the report (PDF)" not in client.get(approved.get_absolute_url()).content.decode()
    assert client.post(_create(approved)).status_code == 403
    assert client.get(_download(approved)).status_code == 403
    assert not Job.objects.filter(kind=render_assessment_report.name).exists()


@pytest.mark.parametrize("persona", ["outsider", "owner_b"])
def test_outside_the_scope_it_is_404(request, client_as, approved, persona):
    report_render(assessment=approved)
    client = client_as(request.getfixturevalue(persona))

    assert client.post(_create(approved)).status_code == 404
    assert client.get(_download(approved)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, approved):
    response = client.get(_download(approved))

    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("state", ["recommended", "in_review", "submitted"])
def test_before_the_decision_it_is_409(request, client_as, owner_a, state):
    assessment = request.getfixturevalue(state)
    assert assessment.status not in AssessmentStatus.decided()
    client = client_as(owner_a)

    assert "Create the report (PDF)" not in client.get(assessment.get_absolute_url()).content.decode()
    response = client.post(_create(assessment))
    assert response.status_code == 409
    assert "once the label board has decided" in response.content.decode()
    assert client.get(_download(assessment)).status_code == 409
    assert not Job.objects.filter(kind=render_assessment_report.name).exists()


def test_the_download_before_any_rendering_sends_back_to_the_page(client_as, approved, owner_a):
    response = client_as(owner_a).get(_download(approved))

    assert response.status_code == 302
    assert response["Location"] == approved.get_absolute_url()


def test_the_chart_has_a_bar_per_light_of_each_area(rejected):
    from django.template.loader import render_to_string

    from labels.assessment_report import report_context

    Review.objects.filter(assessment=rejected, indicator__code="S1").update(verified_value=0)
    context = report_context(rejected)
    html = render_to_string("labels/pdf/report.html", context)

    for area, row in zip(context["areas"], context["chart"]["rows"], strict=True):
        assert sum(bar["count"] for bar in row["bars"]) == area["total"]
    s_row = context["chart"]["rows"][0]
    assert [bar["colour"] for bar in s_row["bars"]][-1] == "#c62828"  # S1 verified as 0: one red bar
    assert html.count("<rect ") == sum(len(row["bars"]) for row in context["chart"]["rows"])


def test_the_report_is_rendered_in_the_language_of_whoever_asked(
    client_as, approved, owner_a, django_capture_on_commit_callbacks
):
    owner_a.language = "de"
    owner_a.save()

    with django_capture_on_commit_callbacks(execute=True):
        client_as(owner_a).post(_create(approved))

    assert "Bewertungsbericht" in _stored_text(approved)


@pytest.mark.parametrize("persona", ["board_member", "assessor", "owner_b"])
def test_others_may_not_watch_the_rendering_job(request, client_as, approved, owner_a, persona):
    client_as(owner_a).post(_create(approved))
    job = Job.objects.get(kind=render_assessment_report.name)

    response = client_as(request.getfixturevalue(persona)).get(reverse("job_status", args=[job.public_id]))

    assert response.status_code == 404
