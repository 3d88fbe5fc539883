"""How heavy a built page is for a visitor: its HTML, and the part of it that is not the article.

The "chrome" of a page is its HTML outside the article and the article's table of contents: the
head, the header, the site navigation, the footer and the scripts. It is what every page repeats,
so it must not grow with the number of pages (issue 11: at most 30 KB per page at every size).
"""

from __future__ import annotations

import re
from pathlib import Path

PAGE_LIMIT = 80_000
"""Bytes of HTML of the heaviest page of the demo and of every example."""
CHROME_LIMIT = 30_000
"""Bytes of HTML outside the article and its table of contents, on every page at every size."""

_ARTICLE = re.compile(r"<article\b")
_TOC = re.compile(r'<nav class="md-nav md-nav--secondary"')


def _element_end(markup: str, start: int, tag: str) -> int:
    """Where the element opened at ``start`` closes, counting elements of the same tag inside it."""
    opening = re.compile(rf"<{tag}\b|</{tag}\s*>")
    depth = 0
    for match in opening.finditer(markup, start):
        depth += -1 if match.group(0).startswith("</") else 1
        if depth == 0:
            return match.end()
    return len(markup)


def chrome_bytes(markup: str) -> int:
    """Bytes of UTF-8 HTML outside the article and every copy of its table of contents."""
    inside = 0
    position = 0
    spans = sorted(
        [(m.start(), "article") for m in _ARTICLE.finditer(markup)]
        + [(m.start(), "nav") for m in _TOC.finditer(markup)]
    )
    for start, tag in spans:
        if start < position:
            continue  # nested in a span already counted
        position = _element_end(markup, start, tag)
        inside += len(markup[start:position].encode("utf-8"))
    return len(markup.encode("utf-8")) - inside


def site_pages(site: Path) -> list[Path]:
    """Every HTML page a visitor can open (the 404 page too)."""
    return sorted(site.rglob("*.html"))
