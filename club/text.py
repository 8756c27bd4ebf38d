"""Profile texts: plain text or a safe subset of Markdown, sanitised with nh3 after rendering."""

import markdown
import nh3
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from .choices import BioFormat

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def bio_html(text: str, text_format: str) -> SafeString:
    """The bio as HTML: plain text keeps its paragraphs; Markdown may not bring scripts, styles,
    images or event handlers (nh3 removes whatever is not on the lists above)."""
    if text_format != BioFormat.MARKDOWN:
        return linebreaks(escape(text))
    rendered = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
