"""Every table gets a caption and header scopes: a Markdown extension, since Markdown tables have neither.

A paragraph marked ``{: .ita-caption }`` right before a table becomes its visible caption. A table without
one is named after the nearest heading above it, in a caption that only screen readers announce (the
heading is already on screen). Header cells get ``scope`` so each value is read with its column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CAPTION_CLASS = "ita-caption"
HIDDEN_CLASS = "ita-visually-hidden"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_STASH_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")


def _classes(element: etree.Element) -> list[str]:
    return (element.get("class") or "").split()


def _text(element: etree.Element) -> str:
    return " ".join(_STASH_PLACEHOLDER.sub("", "".join(element.itertext())).split())


def _explicit_caption(parent: etree.Element, before: etree.Element | None) -> etree.Element | None:
    """The ``.ita-caption`` paragraph right before the table, moved into a ``<caption>``."""
    if before is None or before.tag != "p" or CAPTION_CLASS not in _classes(before):
        return None
    caption = etree.Element("caption", {"class": CAPTION_CLASS})
    caption.text = before.text
    caption.extend(list(before))
    parent.remove(before)
    return caption


def _heading_caption(siblings: list[etree.Element]) -> etree.Element | None:
    """A hidden caption repeating the nearest heading above the table, if there is one."""
    for element in reversed(siblings):
        if element.tag in _HEADINGS and _text(element):
            caption = etree.Element("caption", {"class": HIDDEN_CLASS})
            caption.text = _text(element)
            return caption
    return None


def _scope_headers(table: etree.Element) -> None:
    for cell in table.iter("th"):
        cell.set("scope", "col")
    for body in table.iter("tbody"):
        for row in body.iter("tr"):
            first = row.find("th")
            if first is not None:
                first.set("scope", "row")


class _CaptionTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for index, table in enumerate(children):
                if table.tag != "table":
                    continue
                _scope_headers(table)
                if table.find("caption") is not None:
                    continue
                before = children[index - 1] if index > 0 else None
                # Not `a or b`: an Element without children is falsy.
                caption = _explicit_caption(parent, before)
                if caption is None:
                    caption = _heading_caption(children[:index])
                if caption is not None:
                    table.insert(0, caption)


class TableCaptionExtension(Extension):
    """Register the caption step after attribute lists (priority 8) have set the paragraph classes."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_CaptionTables(md), "ita_table_captions", 6)
