"""Markdown to safe HTML: Python-Markdown renders, nh3 keeps only an allow-list of tags and attributes.

Lessons and case studies are written by staff, but a pasted text can still carry `<script>`, event
handlers or `javascript:` links; nh3 removes them all, whatever Markdown produced."""

import hashlib

import markdown
import nh3
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "abbr", "sup", "sub",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
CACHE_SECONDS = 24 * 3600


def sanitise(html: str) -> str:
    """Only the allowed tags, attributes and link schemes survive; scripts lose their content too."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")


def render_markdown(text: str) -> SafeString:
    """The text as sanitised HTML; cached by content, since lessons are read far more than edited."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    key = "training:md:" + hashlib.sha256(text.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        # h1 is the page's own title: headings in a text start one level below it.
        html = markdown.markdown(text, extensions=["extra", "sane_lists"])
        html = sanitise(html.replace("<h1", "<h2").replace("</h1>", "</h2>"))
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 just above
