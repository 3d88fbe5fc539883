"""A page's article cut into search sections, as Material's search plugin cuts it, several times faster.

Material's search plugin splits each page's HTML into sections (one per heading with an id) with
Python's ``html.parser``, an event per tag and per run of text, and its own handlers behind them. On
a site of a thousand pages that is a fifth of a whole plain MkDocs build. This module finds the same
events with one regular expression and applies the same rules to them in one loop, quirks included:

- a section starts at every ``h1``–``h6`` that has an id; what comes before the first one is a
  preface (Material's ``hx``);
- text is a heading's title while any element of the heading's tag name is open (Material compares
  elements by tag name), except inside a ``headerlink`` anchor;
- ``p``, ``code``, ``pre``, ``li``, ``ol``, ``ul``, ``sub`` and ``sup`` are kept as bare tags, and an
  element left with only white space after its first opening tag is dropped again;
- outside ``pre``, a line break inside text is a space, and a run of white space is one space;
- an end tag that does not close the innermost open element is ignored; a heading nested deeper than
  where its section closes hands the text back to the section it was opened in.

Scripts and styles are raw text to ``html.parser`` and skipped by Material: their content is
emptied before the split. Anything this fast path does not model returns ``None`` and the caller uses
Material's own parser: objects (whose content Material skips while still reading its tags),
``data-search-exclude`` and Material's line-number tables, declarations and processing instructions,
a ``<`` that opens no tag, a tag whose attributes the expression cannot take apart, and a kept tag
closed outside the part it was opened in (where Material's parser itself fails). The sections are
then exactly Material's, which ``tests/test_search_sections.py`` checks against Material's parser on
every page of the demo and the examples and on generated markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
"""Tags Material keeps in an entry's text (as ``<p>``, without attributes)."""
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
"""Tags Material never pushes on its stack of open elements."""

_NOT_MODELLED = ("<object", "data-search-exclude", "linenodiv")
"""Markup only Material's parser handles, in lower case (html.parser lower-cases names)."""
_DECLARATION = re.compile(r"<[!?](?!--)")
"""``<!DOCTYPE …>``, ``<![CDATA[…]]>``, ``<?…>``: html.parser's own cases."""
_TOKEN = re.compile(
    r"<!--.*?--\s*>"  # a comment, closed where html.parser closes it: no event, but it ends a run of text
    r"|</([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>"  # an end tag: its name
    r"|<([a-zA-Z][^\t\n\r\f />\x00]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",  # a start tag: its name, its attributes
    re.DOTALL,
)
RAW_TEXT = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
"""Elements whose content html.parser reads as text up to this closing tag; Material indexes none of it."""
_RAW_TEXT_START = re.compile(r"<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s/>"'=][^\s/>=]*)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+)))?"""
)
_BARE_VALUE_TO_SLASH = re.compile(r"=\s*[^\s\"'>]*/$")
"""``<a href=x/>``: the slash belongs to the value, and the tag is no empty-element tag."""


@dataclass
class Section:
    """What Material's ``Section`` holds and its ``create_entry_for_section`` reads."""

    tag: str
    depth: float
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _escape(text: str) -> str:
    """``html.escape(text, quote=False)``, as Material writes text back."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attributes(source: str) -> dict[str, str | None] | None:
    """A tag's attributes as ``html.parser`` reads them (names lower-cased, values with their character
    references read, the last of a name wins), or None for what the expression does not take apart."""
    attributes: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(source):
        value = match["double"] if match["double"] is not None else match["single"]
        if value is None:
            value = match["bare"]
        attributes[match["name"].lower()] = unescape(value) if value and "&" in value else value
    if "=" in _ATTRIBUTE.sub("", source):
        return None  # an "=" no attribute took: html.parser may read this tag otherwise
    return attributes


def split_sections(html: str) -> list[Section] | None:
    """The sections Material's search plugin makes of ``html``, or None where only its parser can tell."""
    lowered = html.lower()
    if any(marker in lowered for marker in _NOT_MODELLED) or _DECLARATION.search(html):
        return None
    if _RAW_TEXT_START.search(html):
        emptied = _without_raw_text(html)
        return None if emptied is None else _split(emptied)
    return _split(html)


def _split(html: str) -> list[Section] | None:
    """One loop over the tokens, with Material's three handlers written out in it (the branches say
    which): on a large site this runs for every tag and every run of text of every page."""
    pieces = _TOKEN.split(html)  # text, end tag name, start tag name, its attributes, text, …
    pieces += [None, None, None]  # the last text has no tag after it
    open_tags: list[str] = []
    open_count: dict[str, int] = {}  # Material asks "is any element named h2 open?" on every event
    permalink_at: list[bool] = []
    permalinks = 0  # open <a class="headerlink">, whose text is no part of a title
    sections: list[Section] = []
    section = Section("hx", 0)  # a preface: made part of the page once a tag or a text needs it
    started = in_title = in_pre = False  # in_title: an element named as the section's heading is open
    tokens = iter(pieces)
    for raw, end_name, start_name, source in zip(tokens, tokens, tokens, tokens, strict=True):
        if raw:  # ---- handle_data
            if "<" in raw:
                return None  # a "<" that opens no tag: html.parser's reading of it is its own
            if not started:
                sections.append(section)
                started = True
            if raw.isspace():
                text = raw if in_pre else " "
                if in_title:
                    if not permalinks:
                        section.title.append(text)
                elif in_pre or not section.text or not section.text[-1].isspace():
                    section.text.append(text)
            else:
                text = unescape(raw) if "&" in raw else raw
                if not in_pre:
                    text = " " if text.isspace() else text.replace("\n", " ")
                if in_title:
                    if not permalinks:
                        section.title.append(_escape(text))
                elif text.isspace():
                    if in_pre or not section.text or not section.text[-1].isspace():
                        section.text.append(text)
                else:
                    section.text.append(_escape(text))
        if start_name is not None:  # ---- handle_starttag
            tag = start_name.lower()
            if tag in VOID:
                continue
            permalink = False
            starts_section = False
            heading_id: str | None = None
            if tag == "a" or tag in HEADINGS:  # the only attributes the sections depend on
                attributes = _attributes(source)
                if attributes is None:
                    return None
                permalink = tag == "a" and attributes.get("class") == "headerlink"
                if tag != "a" and "id" in attributes:
                    starts_section, heading_id = True, attributes["id"]
            open_tags.append(tag)
            open_count[tag] = open_count.get(tag, 0) + 1
            permalink_at.append(permalink)
            permalinks += permalink
            if starts_section:
                depth = len(open_tags)
                if tag != "h1" and not sections:
                    sections.append(Section("hx", depth))
                section = Section(tag, depth, heading_id if sections else None)
                sections.append(section)
                started = True
            elif not started:
                sections.append(section)
                started = True
            in_title = in_title or tag == section.tag
            in_pre = in_pre or tag == "pre"
            if tag in KEPT:
                (section.title if in_title else section.text).append(f"<{tag}>")
            if source.endswith("/") and not _BARE_VALUE_TO_SLASH.search(source):
                end_name = tag  # <tag/>: html.parser calls both handlers
            else:
                continue
        elif end_name is None:
            continue  # a comment, or the end
        # ---- handle_endtag
        tag = end_name.lower()
        if not open_tags or open_tags[-1] != tag:
            continue  # Material ignores an end tag that does not close the innermost element
        if section.depth > len(open_tags):  # leaving the element a heading was nested in
            for earlier in reversed(sections):
                if earlier.depth <= len(open_tags):
                    section.depth = float("inf")
                    section = earlier
                    break
        open_tags.pop()
        open_count[tag] -= 1
        permalinks -= permalink_at.pop()
        in_title = open_count.get(section.tag, 0) > 0
        in_pre = open_count.get("pre", 0) > 0
        if tag in KEPT:
            parts = section.title if in_title else section.text
            if f"<{tag}>" not in parts:
                return None  # opened in another section or in the title: Material's parser fails here
            opening = parts.index(f"<{tag}>")
            if all(part.isspace() for part in parts[opening + 1 :]):
                del parts[opening:]  # an element with nothing but white space is dropped again
            else:
                parts.append(f"</{tag}>")
    return sections


def _without_raw_text(html: str) -> str | None:
    """``html`` with its scripts and styles emptied: their content is text to html.parser, never tags,
    and Material indexes none of it. The elements stay, for the handlers' stack of open elements."""
    emptied: list[str] = []
    position = 0
    for opening in _RAW_TEXT_START.finditer(html):
        if opening.start() < position:
            return None  # "<script" inside another script's text
        closing = RAW_TEXT[opening[1].lower()].search(html, opening.end())
        if closing is None or opening.group(0).endswith("/>"):
            return None
        emptied += [html[position : opening.end()], closing.group(0)]
        position = closing.end()
    return "".join([*emptied, html[position:]])
