"""Lesson Markdown renders to sanitised HTML: no script, no event handler, no javascript: link survives."""

from tests.factories import LessonFactory
from training.rendering import render_markdown

HOSTILE = """# Title

Hello <script>alert('x')</script> world.

<img src="x" onerror="alert(1)">
<p onclick="steal()">Click</p>

[a link](javascript:alert(2)) and <a href="javascript:alert(3)">another</a> and [fine](https://example.org/page).
"""


def test_script_onerror_and_javascript_links_do_not_survive():
    html = str(render_markdown(HOSTILE))

    lowered = html.lower()
    assert "<script" not in lowered
    assert "alert('x')" not in html
    assert "onerror" not in lowered
    assert "onclick" not in lowered
    assert "javascript:" not in lowered
    assert '<a href="https://example.org/page" rel="noopener noreferrer">fine</a>' in html


def test_markdown_still_renders_with_headings_below_the_page_title():
    html = str(render_markdown("# Heading\n\n* one\n* **two**\n\n| a | b |\n|---|---|\n| 1 | 2 |"))

    assert "<h2>Heading</h2>" in html
    assert "<li><strong>two</strong></li>" in html
    assert "<table>" in html


def test_the_lesson_page_shows_the_sanitised_text(client, db):
    lesson = LessonFactory(body=HOSTILE)

    response = client.get(lesson.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode().lower()
    assert "alert(" not in page
    assert "onerror" not in page
    assert "javascript:" not in page
    assert "hello" in page
