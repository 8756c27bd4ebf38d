"""The one PDF helper renders templates and lets WeasyPrint read nothing but the project's static files."""

import pytest
from django.template import engines

from clusterexcellence.pdf import StaticFilesOnly, render_pdf


def test_it_fetches_static_files():
    response = StaticFilesOnly().fetch("http://static.invalid/static/css/training_pdf.css")

    assert b"@page" in response.read()


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://example.org/static/../../etc/passwd", "https://example.org/x.css", "data:text/css,"],
)
def test_it_refuses_anything_else(url):
    with pytest.raises(ValueError):
        StaticFilesOnly().fetch(url)


def test_a_template_becomes_a_pdf_without_fetching_outside(tmp_path, settings):
    template = tmp_path / "probe.html"
    template.write_text(
        '<link rel="stylesheet" href="/static/css/training_pdf.css"><img src="file:///etc/hostname"><p>Hi</p>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    engines._engines = {}  # noqa: SLF001 - the changed TEMPLATES take effect only for a fresh engine

    pdf = render_pdf("probe.html", {})

    assert pdf.startswith(b"%PDF")
