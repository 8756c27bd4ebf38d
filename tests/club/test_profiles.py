"""Editing one's profile: fields, safe Markdown, and photos checked, resized and stripped."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from club.choices import BioFormat
from club.models import Profile
from club.text import bio_html

from .conftest import image_bytes

EDIT = "/club/profile/"
FORM = {
    "name": "Mia Berger", "headline": "Matchmaker", "organisation": "Alpha Cluster", "country": "AT",
    "sector": "ict", "years_in_cluster_management": "7", "expertise": "matchmaking, EU funding",
    "languages": ["de", "en"], "bio": "Hello", "bio_format": "text", "visibility": "public", "featured": "on",
}  # fmt: skip


def test_a_member_edits_their_profile(client_as, club_member):
    response = client_as(club_member).post(EDIT, FORM)

    assert response.status_code == 302
    profile = Profile.objects.get(user=club_member)
    assert (profile.headline, profile.languages, profile.expertise) == (
        "Matchmaker",
        "de,en",
        ["matchmaking", "EU funding"],
    )
    assert profile.visibility == "public" and profile.featured
    assert "eu funding" in profile.search_text


def test_bad_input_is_a_form_error(client_as, club_member):
    data = {**FORM, "expertise": ",".join(f"term{n}" for n in range(11)), "years_in_cluster_management": "99"}
    response = client_as(club_member).post(EDIT, data)

    assert response.status_code == 400
    assert "At most 10 terms." in response.content.decode()


def test_the_edit_page_never_shows_the_e_mail_address_in_the_form(client_as, club_member):
    content = client_as(club_member).get(EDIT).content.decode()
    assert 'value="member@example.test"' not in content


@pytest.mark.parametrize(
    ("text", "kept", "removed"),
    [
        ("**bold** and [a link](https://example.org)", ["<strong>bold</strong>", 'href="https://example.org"'], []),
        ("<script>alert(1)</script>hi", ["hi"], ["<script", "alert(1)"]),
        ('<img src=x onerror="alert(1)">', [], ["<img", "onerror"]),
        ("[x](javascript:alert(1))", [], ["javascript:"]),
    ],
)
def test_markdown_is_sanitised(text, kept, removed):
    html = str(bio_html(text, BioFormat.MARKDOWN))
    assert all(fragment in html for fragment in kept), html
    assert not any(fragment in html for fragment in removed), html


def test_plain_text_is_escaped():
    assert str(bio_html("<b>x</b>\n\ny", BioFormat.TEXT)) == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n\n<p>y</p>"


def _upload(client, content: bytes, name="photo.png"):
    return client.post("/club/profile/photo/", {"photo": SimpleUploadedFile(name, content)}, follow=True)


def test_a_photo_is_resized_square_and_loses_its_metadata(client_as, club_member):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 8.0, 0.0)}  # GPS position
    response = _upload(client_as(club_member), image_bytes("JPEG", (1200, 800), exif=exif.tobytes()), "me.jpg")

    assert "Your photo was saved." in response.content.decode()
    profile = Profile.objects.get(user=club_member)
    with profile.photo.open("rb") as handle:
        data = handle.read()
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("JPEG", (400, 400))
    assert not image.getexif()
    assert b"SecretCam" not in data


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(client_as, club_member):
    response = _upload(client_as(club_member), b"%PDF-1.4 not an image", "photo.jpg")

    assert "This file is not an image we can read." in response.content.decode()
    assert not Profile.objects.get(user=club_member).photo


def test_a_too_large_photo_is_refused(client_as, club_member, settings):
    settings.CLUB_PHOTO_MAX_UPLOAD_MB = 0
    response = _upload(client_as(club_member), image_bytes())
    assert "larger than 0 MB" in response.content.decode()


def test_a_member_removes_their_photo(client_as, club_member):
    client = client_as(club_member)
    _upload(client, image_bytes())
    client.post("/club/profile/photo/remove/")
    assert not Profile.objects.get(user=club_member).photo


def test_the_api_edits_the_own_profile_and_uploads_a_photo(api_as, club_member):
    api = api_as(club_member)
    response = api.patch(
        "/api/club/profile/", {"headline": "API", "languages": ["en", "sv"], "expertise": ["x"]}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["languages"] == ["en", "sv"]
    assert "email" not in response.json()

    response = api.put(
        "/api/club/profile/photo/", {"photo": SimpleUploadedFile("a.gif", image_bytes("GIF"))}, format="multipart"
    )
    assert response.status_code == 200
    assert response.json()["photo_url"].endswith("/photo/")

    response = api.put("/api/club/profile/photo/", {"photo": SimpleUploadedFile("a.png", b"nope")}, format="multipart")
    assert response.status_code == 400
    assert "photo" in response.json()


def test_the_api_refuses_unknown_languages_and_long_headlines(api_as, club_member):
    response = api_as(club_member).patch(
        "/api/club/profile/", {"languages": ["xx"], "headline": "h" * 121}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"languages", "headline"}


def test_the_api_profile_is_for_members(api_as, outsider):
    assert api_as(outsider).get("/api/club/profile/").status_code == 403
