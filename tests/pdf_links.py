"""The link targets of a PDF, read without a PDF library (none is a dependency)."""

import re
import zlib


def pdf_links(data: bytes) -> list[str]:
    """The link targets (/URI) of a PDF, from its plain and its compressed objects."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return [uri.decode() for chunk in chunks for uri in re.findall(rb"/URI\s*\(([^)]*)\)", chunk)]
