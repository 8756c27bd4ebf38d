"""Evidence uploads: the type comes from the content, never from the name; size limits apply."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from labels import answers
from labels.evidence import evidence_content_type
from labels.models import Evidence

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def tiny_pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1 pixel, 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


def tiny_jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def tiny_zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def tiny_docx() -> bytes:
    return tiny_zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
            ),
            "word/document.xml": (
                '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                "<w:body><w:p><w:r><w:t>Evidence</w:t></w:r></w:p></w:body></w:document>"
            ),
        }
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("report.pdf", tiny_pdf(), "application/pdf"),
        ("chart.png", tiny_png(), "image/png"),
        ("photo.jpg", tiny_jpeg(), "image/jpeg"),
        ("minutes.docx", tiny_docx(), DOCX),
    ],
    ids=["pdf", "png", "jpeg", "docx"],
)
def test_real_documents_are_accepted_by_their_content(name, content, expected):
    assert evidence_content_type(upload(name, content)) == expected


def test_the_name_does_not_matter_when_the_content_is_right():
    assert evidence_content_type(upload("scan.txt", tiny_pdf(), "text/plain")) == "application/pdf"


def test_a_docx_with_an_embedded_image_is_recognised():
    with zipfile.ZipFile(io.BytesIO(tiny_docx())) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist()}
    parts["word/media/image1.png"] = "x" * 20_000  # well beyond the first 8 KiB read for the quick check

    assert evidence_content_type(upload("with-image.docx", tiny_zip(parts))) == DOCX


def test_the_file_is_rewound_for_storage():
    file = upload("report.pdf", tiny_pdf())

    evidence_content_type(file)

    assert file.read() == tiny_pdf()


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"This is plain text pretending to be a PDF.\n"),
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120),
        ("tool.docx", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120),
        ("archive.docx", tiny_zip({"readme.txt": "not an office document"})),
        ("page.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ],
    ids=["text-named-pdf", "windows-executable", "linux-executable", "plain-zip", "html"],
)
def test_other_content_is_refused_whatever_the_name(name, content):
    with pytest.raises(ValidationError) as error:
        evidence_content_type(upload(name, content, "application/pdf"))

    assert error.value.code == "file_type"
    assert "Upload a PDF, PNG, JPEG or Office document" in error.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        evidence_content_type(upload("empty.pdf", b""))

    assert error.value.code == "empty"


@override_settings(EVIDENCE_MAX_UPLOAD_MB=1)
def test_a_file_over_the_limit_is_refused():
    content = tiny_pdf() + b"0" * (1024 * 1024)

    with pytest.raises(ValidationError) as error:
        evidence_content_type(upload("big.pdf", content))

    assert error.value.code == "too_large"
    assert error.value.messages == ["The file is larger than 1 MB."]


@override_settings(EVIDENCE_MAX_UPLOAD_MB=1)
def test_a_file_at_the_limit_is_accepted():
    content = tiny_pdf()
    content += b"0" * (1024 * 1024 - len(content))

    assert evidence_content_type(upload("limit.pdf", content)) == "application/pdf"


def test_a_refused_upload_stores_nothing(draft, owner_a):
    with pytest.raises(ValidationError):
        answers.evidence_add(
            assessment=draft,
            indicator=draft.framework.indicators.get(code="S1"),
            upload=upload("list.pdf", b"plain text"),
            by=owner_a,
        )

    assert not Evidence.objects.exists()
