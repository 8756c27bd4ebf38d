"""Checks on evidence uploads: the type comes from the file's content, never from its name."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The accepted types and the file name extensions that fit each (the first is the usual one).
EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg"),
    "application/msword": (".doc",),
    "application/vnd.ms-excel": (".xls",),
    "application/vnd.ms-powerpoint": (".ppt",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (".pptx",),
    "application/vnd.oasis.opendocument.text": (".odt",),
    "application/vnd.oasis.opendocument.spreadsheet": (".ods",),
    "application/vnd.oasis.opendocument.presentation": (".odp",),
}
ALLOWED_TYPES = set(EXTENSIONS)


def evidence_content_type(upload) -> str:
    """Validate an uploaded file and return its detected content type."""
    max_bytes = settings.EVIDENCE_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.EVIDENCE_MAX_UPLOAD_MB}, code="too_large"
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    kind = filetype.guess(upload.read(8192 if upload.size > 8192 else upload.size))
    upload.seek(0)
    # Office Open XML files are zip archives; filetype needs the whole file to see inside them.
    if kind is not None and kind.mime == "application/zip":
        kind = filetype.guess(upload.read())
        upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("This file type is not accepted. Upload a PDF, PNG, JPEG or Office document."), code="file_type"
        )
    return kind.mime


def download_name(original_name: str, content_type: str) -> str:
    """The uploaded name with an extension that fits the detected type: a PDF uploaded as
    `report.html` downloads as `report.pdf`, so no program opens it as something else."""
    path = PurePath(original_name or "evidence")
    fitting = EXTENSIONS.get(content_type, ())
    if not fitting or path.name.lower().endswith(fitting):
        return path.name
    return (path.stem or "evidence") + fitting[0]
