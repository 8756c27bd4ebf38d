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
BASE_URL = f"http://static.invalid{STATIC_PREFIX}"  # never contacted: only its path is read


class StaticFilesOnly(URLFetcher):
    def fetch(self, url, headers=None):
        parsed = urlsplit(url)
        if parsed.scheme in ("http", "https") and parsed.path.startswith(STATIC_PREFIX):
            try:
                found = finders.find(unquote(parsed.path[len(STATIC_PREFIX) :]))
            except SuspiciousFileOperation:  # "../" out of the static folders
                found = None
            if found:
                return super().fetch(Path(found).as_uri(), headers)
        raise ValueError(f"PDF rendering reads only static files, not {url!r}")


def render_pdf(template: str, context: dict) -> bytes:
    """The template rendered with `context`, as PDF bytes."""
    html = render_to_string(template, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()
