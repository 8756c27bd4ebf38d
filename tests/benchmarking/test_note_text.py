"""Practice notes' safe Markdown: a few marks are formatted, nothing the author types becomes HTML."""

from django.template.loader import render_to_string

from benchmarking.note_text import blocks


def render(text: str) -> str:
    return render_to_string("benchmarking/partials/note_body.html", {"blocks": blocks(text)})


def test_paragraphs_lists_bold_and_italic_are_formatted():
    html = render("We **always** do this.\n\n- one *thing*\n- two\n\n1. first\n2. second")

    assert "<p>We <strong>always</strong> do this.</p>" in html
    assert "<ul><li>one <em>thing</em></li><li>two</li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html


def test_html_and_scripts_are_shown_as_typed():
    html = render('<script>alert(1)</script> <a href="javascript:x">link</a> **<img src=x onerror=y>**')

    assert "<script" not in html and "<a " not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>&lt;img src=x onerror=y&gt;</strong>" in html


def test_lines_of_a_paragraph_keep_their_breaks():
    assert "first<br>second" in render("first\nsecond")
