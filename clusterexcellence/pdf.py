"""The one PDF helper: a template rendered to HTML, then to PDF by WeasyPrint.

WeasyPrint may read only the project's static files (stylesheets, fonts and images referenced with
`{% static %}`); any other URL, a local file or a remote host, is refused, so no text that ends up
in a PDF can make the worker fetch something."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML, URLFetcher

STATIC_PREFIX = "/" + settings.STATIC_URL.strip("/") + "/"
STATIC_HOST = "static.invalid"  # never contacted: a name for "the static files" that no real host has
BASE_URL = f"http://{STATIC_HOST}{STATIC_PREFIX}"


class StaticFilesOnly(URLFetcher):
    def fetch(self, url, headers=None):
        parsed = urlsplit(url)
        if parsed.scheme == "http" and parsed.netloc == STATIC_HOST and parsed.path.startswith(STATIC_PREFIX):
            found = _static_file(unquote(parsed.path[len(STATIC_PREFIX) :]))
            if found:
                return super().fetch(found.as_uri(), headers)
        raise ValueError(f"PDF rendering reads only static files, not {url!r}")


def _static_file(relative: str) -> Path | None:
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:  # "../" out of the static folders
        return None
    if found:
        return Path(found)
    # Production links the collected, hashed names in STATIC_ROOT, which the finders do not search.
    root = Path(settings.STATIC_ROOT).resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_file() and root in candidate.parents else None


def render_pdf(template: str, context: dict) -> bytes:
    """The template rendered with `context`, as PDF bytes."""
    html = render_to_string(template, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()
