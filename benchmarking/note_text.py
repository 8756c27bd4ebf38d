"""The safe Markdown of practice notes: paragraphs, bullet and numbered lists, **bold** and *italic*.

The text is parsed into blocks of spans and rendered by a template with autoescaping
(benchmarking/partials/note_body.html), so no HTML from the author ever reaches a page or a PDF:
anything that is not one of the few marks above is shown exactly as typed.
"""

import re
from dataclasses import dataclass

INLINE = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|\*(?P<italic>[^*\n]+?)\*")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


@dataclass(frozen=True)
class Span:
    text: str
    style: str = ""  # "", "bold" or "italic"


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph", "bullets" or "numbers"
    items: tuple  # paragraph: one tuple of spans; lists: one tuple of spans per item


def spans(text: str) -> tuple[Span, ...]:
    result, position = [], 0
    for match in INLINE.finditer(text):
        if match.start() > position:
            result.append(Span(text[position : match.start()]))
        style = "bold" if match.group("bold") is not None else "italic"
        result.append(Span(match.group(style), style))
        position = match.end()
    if position < len(text):
        result.append(Span(text[position:]))
    return tuple(result)


def blocks(text: str) -> list[Block]:
    """The note's text as paragraphs and lists; lines of a paragraph keep their line breaks."""
    result: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []
    kind = ""

    def close():
        nonlocal paragraph, items, kind
        if paragraph:
            result.append(Block("paragraph", (spans("\n".join(paragraph)),)))
        if items:
            result.append(Block(kind, tuple(spans(item) for item in items)))
        paragraph, items, kind = [], [], ""

    for line in text.replace("\r\n", "\n").split("\n"):
        bullet, number = BULLET.match(line), NUMBERED.match(line)
        if not line.strip():
            close()
        elif bullet or number:
            wanted = "bullets" if bullet else "numbers"
            if paragraph or (items and kind != wanted):
                close()
            kind = wanted
            items.append((bullet or number).group(1))
        elif items:
            items[-1] += " " + line.strip()  # a continuation line of the last item
        else:
            paragraph.append(line.strip())
    close()
    return result
