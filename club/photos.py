"""Profile photos: checked as an image by its content, limited in size, cropped square, resized and
re-encoded, so that no metadata (camera, GPS position) of the upload survives."""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_SIZE = 400  # pixels, square
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # larger images are refused before decoding (decompression bombs)


def photo_process(upload) -> ContentFile:
    """A square JPEG of PHOTO_SIZE pixels from an uploaded image, or a ValidationError that says why."""
    limit_mb = settings.CLUB_PHOTO_MAX_UPLOAD_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(_("The photo is larger than %(limit)s MB.") % {"limit": limit_mb}, code="too_large")
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."), code="file_type")
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too_large")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)  # keep the intended orientation before EXIF goes
            image = ImageOps.fit(image.convert("RGB"), (PHOTO_SIZE, PHOTO_SIZE), Image.Resampling.LANCZOS)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not an image we can read."), code="file_type") from error
    output = io.BytesIO()
    # A fresh image written without `exif=`/`icc_profile=`: nothing of the original's metadata is kept.
    image.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
