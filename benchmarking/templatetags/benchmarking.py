"""Template helpers of benchmarking: figures as the pages show them."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def figure(value) -> str:
    """A value or quartile with at most two decimals ("—" when there is none)."""
    if value is None or value == "":
        return "—"
    return floatformat(value, "-2")


@register.filter
def scale(value) -> str:
    """A position on the 0–1 scale, two decimals."""
    if value is None:
        return "—"
    return floatformat(value, 2)


@register.simple_tag
def note_blocks(text: str):
    """The note's text as blocks of spans for partials/note_body.html (safe Markdown, see note_text.py)."""
    from ..note_text import blocks

    return blocks(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
