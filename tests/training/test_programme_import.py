"""Staff import the programme catalogue from CSV or Excel after a preview; a malformed file shows the
rows and their errors and imports nothing; the catalogue exports as CSV."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tests.factories import ProgrammeFactory, TrainingFieldFactory
from training.models import Programme

IMPORT_URL = "/admin/training/programme/import/"
HEADER = "slug,title,provider,country,language,format,duration,level,fields,url,last_checked,description,description_de"
GOOD_ROW = "foundations,Foundations,Academy,AT,de,blended,5 days,introductory,financing,https://example.org/a,2026-01-15,Intro,"


@pytest.fixture
def admin_client(client, staff_user):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)
    TrainingFieldFactory(slug="financing")
    return client


def _upload(client, content: bytes, name="programmes.csv", file_format="0"):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(IMPORT_URL, {"resource": "0", "format": file_format, "import_file": upload})


def test_a_valid_file_is_previewed_then_imported_on_confirmation(admin_client):
    preview = _upload(admin_client, f"{HEADER}\n{GOOD_ROW}\n".encode())

    assert preview.status_code == 200
    assert "Foundations" in preview.content.decode()
    assert Programme.objects.count() == 0  # the preview imports nothing

    form = preview.context["confirm_form"]
    confirmed = admin_client.post("/admin/training/programme/process_import/", form.initial)

    assert confirmed.status_code == 302
    programme = Programme.objects.get(slug="foundations")
    assert programme.language == "de" and programme.country.code == "AT"
    assert [f.slug for f in programme.fields.all()] == ["financing"]


def test_a_malformed_file_shows_the_rows_and_errors_and_imports_nothing(admin_client):
    bad = "\n".join(
        [
            HEADER,
            GOOD_ROW,
            "second,Second,Academy,AT,xx,blended,2 days,introductory,financing,https://example.org/b,2026-01-15,,",
            "third,Third,Academy,AT,en,teleport,2 days,introductory,financing,not-a-url,2026-01-15,,",
            "fourth,Fourth,Academy,AT,en,online,2 days,introductory,unknown-field,https://example.org/d,2026-01-15,,",
        ]
    )

    response = _upload(admin_client, bad.encode())

    page = response.content.decode()
    assert response.status_code == 200
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert "Second" in page and "Third" in page and "Fourth" in page
    assert "Value &#x27;xx&#x27; is not a valid choice" in page
    assert "Value &#x27;teleport&#x27; is not a valid choice" in page
    assert "Unknown field(s): unknown-field" in page
    assert "Enter a valid URL" in page
    assert Programme.objects.count() == 0


def test_a_file_without_the_required_columns_is_refused_whole(admin_client):
    response = _upload(admin_client, b"name,where\nFoundations,Vienna\n")

    assert "Columns missing from the file: slug, title, provider, country, language" in response.content.decode()
    assert Programme.objects.count() == 0


def test_an_excel_file_is_imported_too(admin_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(GOOD_ROW.split(","))
    content = io.BytesIO()
    workbook.save(content)

    preview = _upload(admin_client, content.getvalue(), name="programmes.xlsx", file_format="1")
    admin_client.post("/admin/training/programme/process_import/", preview.context["confirm_form"].initial)

    assert Programme.objects.filter(slug="foundations").exists()


def test_the_catalogue_exports_as_csv(admin_client):
    ProgrammeFactory(slug="exported", title="Exported programme").fields.add(TrainingFieldFactory(slug="financing"))

    response = admin_client.post("/admin/training/programme/export/", {"format": "0", "resource": "0"})

    text = response.content.decode()
    assert response.status_code == 200
    assert text.splitlines()[0].startswith("slug,title,provider,country,language")
    assert "exported,Exported programme" in text and ",financing," in text


def test_only_staff_reach_the_import(client_as, outsider):
    response = client_as(outsider).get(IMPORT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
