"""The whole fiscal year as one document, in the order of the office's own (``ita/<year>/document/``):
a cover (headed by the agency's emblem, as its announcements are), the results and their analysis, the measures, the progress reports, the announcements.

Printed from any browser, or to ``ita-<year>.pdf`` by ``make pdf``: A4 portrait, the agency and the
year at the head of every sheet, sheet numbers at the foot, each part on a new sheet. Its parts are the
Markdown of the year's own pages, so the document says exactly what they say.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from ..plan.site_plan import PlannedPage
from ..records.record import record
from .escaping import to_markdown
from .measure_markdown import measure_rows
from .output import RenderContext, Rendered, emblem_of, year_of

PARTS = ("overview", "analysis", "measures", "progress", "survey")
"""The order of the office's document; the assessors' page is for assessors, not for the file."""


@record
class Part:
    anchor: str
    title: str
    markdown: str


def print_document(ctx: RenderContext, page: PlannedPage, rendered: dict[str, Rendered]) -> Rendered:
    year = year_of(ctx, page)
    planned = [p for p in ctx.plan.year_pages(year.fiscal_year) if p.kind in PARTS]
    planned.sort(key=lambda p: PARTS.index(p.kind))
    parts = []
    for number, planned_page in enumerate(planned, start=1):
        anchor = f"part-{number}"
        parts.append(Part(anchor, planned_page.title, _own_ids(_part(ctx, planned_page, rendered), anchor)))
    pdf = f"ita-{year.fiscal_year}.pdf"
    emblem = emblem_of(ctx, page)
    return Rendered(ctx.page("year-document.md.j2", year=year, parts=parts, pdf=pdf, emblem=emblem))


def _part(ctx: RenderContext, page: PlannedPage, rendered: dict[str, Rendered]) -> str:
    """A page's Markdown as it goes on paper: the measures as one table, the other pages as they are."""
    year = year_of(ctx, page)
    if page.kind == "measures" and year.measures is not None:
        rows = measure_rows(ctx.markdown, year, _cell)
        return ctx.page("year-measures-table.md.j2", year=year, measures=year.measures, rows=rows)
    return rendered[page.path].markdown


def _cell(texts: list[Any]) -> Markup:
    """Several texts in one table cell, numbered and each escaped: a cell holds neither a Markdown list,
    nor a line break, nor a bare | (which would end the cell)."""

    def one(text: Any) -> str:
        flat = str(to_markdown(text)).replace("\n", " ")
        return _BARE_PIPE.sub(r"\\|", flat) if "|" in flat else flat

    if len(texts) == 1:
        return Markup(one(texts[0]))
    return Markup("<br>".join(f"{n}. {one(text)}" for n, text in enumerate(texts, start=1)))


_BARE_PIPE = re.compile(r"(?<!\\)\|")
_ATTRIBUTE_LIST = re.compile(r"(?<!\\)\{[^{}\n]*\}[ \t]*$", re.MULTILINE)
"""``{ #id .class }`` closing a heading or a block (Markdown's attr_list)."""
_ID_IN_LIST = re.compile(r"(?<=[{\s])#([\w-]+)")
_LINK_IN_PAGE = re.compile(r"\]\(#([\w-]+)\)")


def _own_ids(markdown: str, anchor: str) -> str:
    """A part's Markdown with the ids it names itself (both announcements' ``#announcement``, each
    progress report's ``#progress-<measure>``) made its own, ``part-4-announcement``, and its links to
    them with them. One document must not repeat an id: a link, or a screen reader, would find the
    first one only. Ids that Markdown makes from headings are made unique by it."""
    if "#" not in markdown:
        return markdown
    renamed: set[str] = set()

    def own(found: re.Match[str]) -> str:
        renamed.add(found.group(1))
        return f"#{anchor}-{found.group(1)}"

    markdown = _ATTRIBUTE_LIST.sub(lambda attributes: _ID_IN_LIST.sub(own, attributes.group(0)), markdown)
    if not renamed:
        return markdown
    return _LINK_IN_PAGE.sub(lambda link: f"](#{anchor}-{link[1]})" if link[1] in renamed else link[0], markdown)


def css_string(text: str) -> str:
    """``text`` as a CSS string literal's content: anything but letters, digits, Thai and spaces as an
    escape, so nothing from data can end the string or the ``<style>`` element."""
    return "".join(c if c.isalnum() or c == " " or "\u0e00" <= c <= "\u0e7f" else f"\\{ord(c):x} " for c in text)
