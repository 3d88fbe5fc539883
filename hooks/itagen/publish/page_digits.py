"""The site's digits in the pages written by hand (``docs/``): ๒๕๖๘ on a site that chose Thai digits.

The engine writes its own numbers in the digits of ``site.yml``; the pages in ``docs/`` (the home page,
about the ITA, accessibility) are Markdown that someone typed, mostly with 0–9. On a Thai-digit site
their text is given Thai digits as a browser shows it, after Markdown: tags and attributes, links'
addresses, character references and code are not text, and a word that is an address (``://``,
``www.``, an e-mail, a domain) is copied rather than read, so it keeps the digits it was typed with.
"""

from __future__ import annotations

import re

from ..thai.dates import to_thai_digits

_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_KEPT_ELEMENTS = ("code", "pre", "kbd", "samp", "script", "style", "textarea")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
_KEPT_IN_TEXT = re.compile(r"&#?\w+;|[^\s<>]*(?:://|@|www\.|[a-zA-Z]\.[a-zA-Z])[^\s<>]*")
"""Character references, and words that are addresses: a scheme, an e-mail, ``www.``, or a domain's
letter-dot-letter (``ita.example.go.th/2568``; a version such as 2.1 is no address)."""
_DIGIT = re.compile(r"[0-9]")


def with_thai_digits(html: str) -> str:
    """``html`` with the digits of its text as Thai digits (see the module's docstring)."""
    if not _DIGIT.search(html):
        return html
    pieces = _MARKUP.split(html)  # text, markup, text, …
    kept_depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:
            kept_depth = _depth_after(piece, kept_depth)
        elif kept_depth == 0 and _DIGIT.search(piece):
            pieces[index] = text_with_thai_digits(piece)
    return "".join(pieces)


def text_with_thai_digits(text: str) -> str:
    """A run of text (no markup) with Thai digits, but in character references and addresses."""
    out = []
    start = 0
    for kept in _KEPT_IN_TEXT.finditer(text):
        out += [to_thai_digits(text[start : kept.start()]), kept.group(0)]
        start = kept.end()
    out.append(to_thai_digits(text[start:]))
    return "".join(out)


def _depth_after(markup: str, depth: int) -> int:
    """How many kept elements (code, pre, …) are open after ``markup``, a tag or a comment."""
    name = _TAG_NAME.match(markup)
    if name is None or name.group(1).lower() not in _KEPT_ELEMENTS or markup.endswith("/>"):
        return depth
    return max(0, depth - 1) if markup.startswith("</") else depth + 1
