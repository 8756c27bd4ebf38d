"""Checks on evidence uploads: the type comes from the file's content, never from its name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}


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
