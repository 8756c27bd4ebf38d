"""The one PDF helper: render a template to HTML, then WeasyPrint turns it into a PDF.

WeasyPrint may fetch stylesheets, images and fonts that a template links. Here it may fetch
only the project's static files (found the way `collectstatic` finds them): any other URL,
another host, `file:`, `data:` or a path outside the static folders, is refused, so a template
or a user's text can never make the server read local files or call out to the network.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# Links in PDF templates are written as {% static %} paths; they resolve against this base.
BASE_URL = "https://static.invalid/"


class StaticOnlyFetcher:
    """A WeasyPrint URL fetcher that serves files from the static folders and refuses the rest."""

    def __init__(self):
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        self._response = URLFetcherResponse

        class _Fetcher(URLFetcher):
            def fetch(inner, url, headers=None):  # noqa: N805 - WeasyPrint calls fetch(url, headers)
                return self.fetch(url)

        self.fetcher = _Fetcher()

    def fetch(self, url: str):
        path = static_path(url)
        if path is None:
            raise ValueError(f"PDF rendering may only use the portal's static files, not {url}")
        mime_type, _encoding = mimetypes.guess_type(path.name)
        return self._response(url, path.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"})


def static_path(url: str) -> Path | None:
    """The static file a URL under BASE_URL + STATIC_URL names, or None for anything else."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(prefix):
        return None
    relative = unquote(parts.path[len(prefix) :])
    if not relative or ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    # Production serves collected (hashed) names from STATIC_ROOT, which the finders do not search.
    root = Path(settings.STATIC_ROOT).resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_file() and root in candidate.parents else None


def render_pdf(template: str, context: dict) -> bytes:
    """The template rendered as a PDF (the active language applies, as for any template)."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher().fetcher).write_pdf()
