"""The one PDF helper: renders a template, and lets WeasyPrint fetch only the portal's static files."""

import pytest

from clusterexcellence.pdf import BASE_URL, StaticFilesOnly, render_pdf


def test_it_renders_a_template_to_a_pdf(tmp_path, settings):
    (tmp_path / "doc.html").write_text('<link rel="stylesheet" href="/static/css/benchmarking-report.css"><p>Hi</p>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    pdf = render_pdf("doc.html", {})

    assert pdf.startswith(b"%PDF")


def test_static_files_are_served():
    response = StaticFilesOnly().fetch(BASE_URL + "css/benchmarking-report.css")

    assert b"@page" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://example.org/tracker.png",
        "http://127.0.0.1:8000/static/css/portal.css",
        BASE_URL + "../../etc/passwd",
        "http://static.invalid/media/evidence/secret.pdf",
        BASE_URL + "no-such-file.css",
        "data:text/plain,hello",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(ValueError, match="reads only static files"):
        StaticFilesOnly().fetch(url)


def test_a_template_linking_a_local_file_still_renders_without_it(tmp_path, settings):
    (tmp_path / "doc.html").write_text('<img src="file:///etc/hostname"><p>Safe</p>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    assert render_pdf("doc.html", {}).startswith(b"%PDF")
