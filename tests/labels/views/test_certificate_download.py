"""The certificate PDF: rendered into the default storage, one file per label, downloaded by the
organisation's members and staff only; its text holds the number and the organisation's name."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from clusterexcellence.models import Job
from labels.certificates import certificate_path, certificate_render
from labels.tasks import render_certificate
from tests.pdf_links import pdf_links


def _url(label):
    return reverse("labels:certificate_download", args=[label.public_id])


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("persona", ["owner_a", "viewer_a", "staff_user"])
def test_members_and_staff_download_the_certificate(request, client_as, label, persona):
    certificate_render(label=label)

    response = client_as(request.getfixturevalue(persona)).get(_url(label))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="{label.certificate_number}.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("persona", ["outsider", "owner_b", "board_member", "assessor"])
def test_others_may_not_download_it(request, client_as, label, persona):
    certificate_render(label=label)

    assert client_as(request.getfixturevalue(persona)).get(_url(label)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, label):
    response = client.get(_url(label))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_unknown_label_is_404(client_as, owner_a):
    assert client_as(owner_a).get("/labels/label/00000000-0000-0000-0000-000000000000/certificate/").status_code == 404


def test_without_a_file_the_download_asks_for_a_rendering_once(client_as, label, owner_a):
    client = client_as(owner_a)

    assert client.get(_url(label)).status_code == 302
    assert client.get(_url(label)).status_code == 302

    assert Job.objects.filter(kind=render_certificate.name).count() == 1


def test_rendering_again_keeps_exactly_one_file(label):
    first = certificate_render(label=label)
    second = certificate_render(label=label)

    assert first["path"] == second["path"] == certificate_path(label)
    folder = default_storage.listdir("certificates")[1]
    assert [name for name in folder if str(label.public_id) in name] == [f"{label.public_id}.pdf"]


def test_the_certificate_names_the_number_and_the_organisation(label):
    label.organisation.name = "Alpha <Cluster> & Co"
    label.organisation.save()
    certificate_render(label=label)

    with default_storage.open(certificate_path(label), "rb") as stored:
        text = _pdf_text(stored.read())

    assert label.certificate_number in text
    assert "Alpha <Cluster> & Co" in text


def test_the_certificate_links_the_public_verification_page(label, settings):
    certificate_render(label=label)

    with default_storage.open(certificate_path(label), "rb") as stored:
        links = pdf_links(stored.read())

    assert links == [settings.SITE_URL + reverse("labels:label_verify", args=[label.public_id])]


def test_the_approval_schedules_the_rendering_job(recommended, board_member, django_capture_on_commit_callbacks):
    from labels import transitions

    with django_capture_on_commit_callbacks(execute=True):
        label = transitions.assessment_decide(
            assessment=recommended, approve=True, reason="Met.", by=board_member
        ).label
    job = Job.objects.get(kind=render_certificate.name)
    assert job.status == "done"
    label.refresh_from_db()
    assert label.certificate.name == certificate_path(label)
    assert default_storage.exists(certificate_path(label))
