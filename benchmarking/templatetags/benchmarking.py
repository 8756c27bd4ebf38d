"""Template helpers of benchmarking: figures as the pages show them."""

from django import template
from django.utils.formats import get_format

register = template.Library()


@register.filter
def figure(value) -> str:
    """A value or quartile: whole numbers as such, others with two decimals, in the active
    language's decimal separator ("—" when there is none). Plain formatting rather than
    floatformat: a benchmark page shows some 200 figures."""
    if value is None or value == "":
        return "—"
    number = round(float(value), 2)
    text = f"{number:.0f}" if number == int(number) else f"{number:.2f}"
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


@register.filter
def scale(value) -> str:
    """A position on the 0–1 scale, two decimals."""
    if value is None:
        return "—"
    return f"{float(value):.2f}".replace(".", get_format("DECIMAL_SEPARATOR"))


@register.simple_tag
def note_blocks(text: str):
    """The note's text as blocks of spans for partials/note_body.html (safe Markdown, see note_text.py)."""
    from ..note_text import blocks

    return blocks(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
