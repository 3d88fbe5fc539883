"""Escaping every value from data for the Markdown page it is printed into.

Plain text shows literally (HTML and Markdown syntax alike); ``MarkdownText`` renders its Markdown
but not its HTML; Markdown attribute lists (``{: onclick=…}``) are defused in both.
"""

from __future__ import annotations

import html
import itertools
import re

from markupsafe import Markup

from ..records.values import MarkdownText

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]#|!~^])")
_NOTHING_TO_ESCAPE = re.compile(r"[^&<>\"'{}\\`*_\[\]#|!~^]*\Z")
"""Text with none of the characters that escaping changes: most Thai text, every number. It is
printed as it is without the passes below, which a 1,000-page site runs over half a million values."""
_LINE_START_SYNTAX = re.compile(r"^\s*(?:\d+\.|[-+])", re.MULTILINE)


def escape_html(text: str) -> str:
    """HTML-escape, and defuse attribute lists: ``{`` would let ``{: onclick=…}`` through attr_list."""
    escaped = html.escape(text, quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def escape_plain(text: str) -> str:
    """Text shown exactly as written: neither HTML nor Markdown syntax takes effect."""
    if _NOTHING_TO_ESCAPE.match(text) and not _LINE_START_SYNTAX.search(text):
        return text
    return escape_every_pass(text)


def escape_every_pass(text: str) -> str:
    """``escape_plain`` without its shortcut (the tests hold the two to the same answers)."""
    # Markdown escapes first: escaping the "#" of the entities that HTML escaping makes (&\#x27;) would
    # show "&#x27;" in the page's contents, which the toc extension takes before escapes are undone.
    escaped = escape_html(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text))
    # A leading "1." or "-" would start a list, a leading ">" a quote: keep them literal.
    escaped = re.sub(r"^(\s*\d+)\.", r"\1\\.", escaped, flags=re.MULTILINE)
    escaped = re.sub(r"^(\s*)([-+])", r"\1\\\2", escaped, flags=re.MULTILINE)
    return escaped


def escape_markdown(text: str) -> str:
    """Markdown from data: its syntax renders, any HTML in it is shown as text."""
    return escape_html(lists_after_text(text))


_LIST_LINE = re.compile(r"^(?:[-*+]|\d+[.)])\s+\S")


def lists_after_text(text: str) -> str:
    """A list typed right under a line of text, as in Word, starts after a blank line: Markdown
    would otherwise read its dashes as part of the paragraph."""
    if "\n" not in text:  # one line (most texts): no list can start under it
        return text
    lines = text.split("\n")
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        # An indented line above is a list item's continuation: its list goes on.
        paragraph = previous.strip() and not previous.startswith((" ", "\t"))
        if _LIST_LINE.match(line) and paragraph and not _LIST_LINE.match(previous):
            out.append("")
        out.append(line)
    return "\n".join(out)


def to_markdown(value: object) -> Markup:
    """Escape any value for a generated Markdown page (the Jinja ``finalize`` hook)."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, MarkdownText):
        return Markup(escape_markdown(value))
    return Markup(escape_plain("" if value is None else str(value)))
