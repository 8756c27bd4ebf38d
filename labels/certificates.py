"""Certificate PDFs: one file per label in Django's default storage, rendered by a background job.

The file's name is fixed by the label's public id, so rendering again (a retried or repeated job, a
re-issue) overwrites the one file instead of adding another. The storage is `STORAGES["default"]`:
object storage replaces the local disk by configuration alone."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

from .models import Label


def certificate_path(label: Label) -> str:
    return f"certificates/{label.public_id}.pdf"


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (the XML declaration removed, so it can sit in HTML)."""
    import qrcode
    import qrcode.image.svg

    out = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=0).save(out)
    return out.getvalue().decode().split("?>", 1)[-1]


def certificate_html_context(label: Label) -> dict:
    return {
        "label": label,
        "organisation": label.organisation,
        "verify_url": label.verify_url,
        "qr_svg": qr_svg(label.verify_url),
    }


def certificate_render(*, label: Label, language: str = "en") -> dict:
    """Render the label's certificate and store it under its one name (overwriting an earlier file)."""
    from clusterexcellence.pdf import render_pdf  # WeasyPrint loads only where PDFs are rendered

    with translation.override(language):
        pdf = render_pdf("labels/pdf/certificate.html", certificate_html_context(label))
    path = certificate_path(label)
    if default_storage.exists(path):
        default_storage.delete(path)
    stored = default_storage.save(path, ContentFile(pdf))
    Label.objects.filter(pk=label.pk).update(certificate=stored)
    label.certificate.name = stored
    return {"bytes": len(pdf), "path": stored}
