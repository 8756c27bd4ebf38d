"""Checks on lesson attachments: the type comes from the file's content, never from its name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}


def attachment_content_type(upload) -> str:
    """Validate an uploaded attachment and return its detected content type."""
    limit = settings.EVIDENCE_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": limit}, code="too_large")
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    kind = filetype.guess(upload.read())
    upload.seek(0)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("This file type is not accepted. Upload a PDF, PNG, JPEG or Office document."), code="file_type"
        )
    return kind.mime
