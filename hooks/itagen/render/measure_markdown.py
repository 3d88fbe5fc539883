"""A year's measures as Markdown: a section each on the measures page, a row each in the printed year's table.

The rest of both pages is in their templates (``year-measures.md.j2``, ``year-measures-table.md.j2``);
the measures are written here, in Python, because a large site has 16,000 of them and Jinja's loop
and macro calls cost more than the text they make. Each value from data is escaped as the templates'
``finalize`` escapes it (``escaping.to_markdown``); numbers, periods and lists of names go through the
environment's own filters; ``numbered``, ``text_or_list`` and ``indicator_list`` write what the
macros of the same names in ``_macros.md.j2`` write. ``tests/test_measure_markdown.py`` renders the
Jinja loops these replaced beside them.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from ..records.fiscal_year import FiscalYear
from ..records.record import record
from .escaping import to_markdown


@record
class MarkdownFilters:
    """The Markdown environment's own filters and test, so that numbers (in the site's digits),
    periods, lists of names and list items print here as they print in the templates."""

    number: Callable[[int], Markup]
    period: Callable[[Any, int], Markup]
    join: Callable[[object, str], Markup]
    indent_item: Callable[[object, int], Markup]
    multiline: Callable[[object], bool]

    @classmethod
    def of(cls, env: jinja2.Environment) -> MarkdownFilters:
        filters = env.filters
        multiline = typing.cast(Callable[[object], bool], env.tests["multiline"])
        return cls(filters["number"], filters["period"], filters["join"], filters["indent_item"], multiline)

    def numbered(self, items: Sequence[Any]) -> str:
        """The ``numbered`` macro: "1." before every item (CSS shows Thai digits), continuation lines
        indented into the item, and a blank line after each item when any of them spans lines."""
        after = "\n\n" if any(self.multiline(item) for item in items) else "\n"
        return "".join(f"{n}. {self.indent_item(item, 4)}{after}" for n, item in enumerate(items, start=1))

    def text_or_list(self, items: Sequence[Any]) -> str:
        """The ``text_or_list`` macro: one text as it is, more as a ``numbered`` list."""
        return (_text(items[0]) if len(items) == 1 else self.numbered(items)) + "\n"

    def indicator_list(self, numbers: Sequence[int], names: dict[int, str]) -> str:
        """The ``indicator_list`` macro: "9. การเปิดเผยข้อมูล, 10. การป้องกันการทุจริต"."""
        return ", ".join(f"{self.number(n)}. {_text(names[n])}" for n in numbers)


def measure_sections(env: jinja2.Environment, year: FiscalYear) -> Markup:
    """The section of each measure of ``year``, numbered from 1, each ending in a blank line."""
    assert year.measures is not None  # the plan makes a measures page only for a year with measures
    f = MarkdownFilters.of(env)
    names = year.indicator_names()
    sections = []
    for n, measure in enumerate(year.measures.items, start=1):
        parts = [f"## {f.number(n)}. {_text(measure.title)} {{#measure-{_text(measure.id)}}}\n\n"]
        if measure.indicators:
            parts.append(f"**ตัวชี้วัดที่เกี่ยวข้อง:** {f.indicator_list(measure.indicators, names)}\n\n")
        if measure.questions:
            parts.append(f"**ข้อคำถามที่เกี่ยวข้อง:** {f.join(measure.questions, ', ')}\n\n")
        if measure.issue:
            parts.append(f"**ประเด็นที่ต้องแก้ไข/ปรับปรุง**\n\n{_text(measure.issue)}\n\n")
        if measure.projects:
            parts.append(f"**โครงการ/กิจกรรม**\n\n{f.numbered(measure.projects)}\n\n")
        if measure.analysis:
            parts.append(f"**ผลการวิเคราะห์ตามหลักเกณฑ์การประเมิน**\n\n{f.text_or_list(measure.analysis)}\n\n")
        if measure.approach:
            parts.append(f"**แนวทางการดำเนินการ**\n\n{f.text_or_list(measure.approach)}\n\n")
        if measure.steps:
            parts.append(f"**ขั้นตอนหรือวิธีการดำเนินการ**\n\n{f.numbered(measure.steps)}\n\n")
        if measure.period:
            parts.append(f"**ระยะเวลาดำเนินการ:** {f.period(measure.period, year.fiscal_year)}\n\n")
        if measure.responsible:
            parts.append(f"**ผู้รับผิดชอบ:** {f.join(measure.responsible, ', ')}\n\n")
        if measure.follow_up:
            parts.append(f"**การติดตามผล:** {_text(measure.follow_up)}\n\n")
        sections.append("".join(parts))
    return Markup("".join(sections))


def measure_rows(env: jinja2.Environment, year: FiscalYear, cell: Callable[[list[Any]], Markup]) -> Markup:
    """The table row of each measure of ``year``, each ending in a line break: number, measure with its
    indicators, steps (or else approach, or else projects) in one ``cell``, who is responsible, period."""
    assert year.measures is not None
    f = MarkdownFilters.of(env)
    rows = []
    for n, measure in enumerate(year.measures.items, start=1):
        title = _text(measure.title)
        if measure.indicators:
            title += f"<br>(ตัวชี้วัดที่ {f.join([f.number(i) for i in measure.indicators], ', ')})"
        steps = cell(measure.steps or measure.approach or measure.projects)
        when = f.period(measure.period, year.fiscal_year) if measure.period else "–"
        rows.append(f"| {f.number(n)} | {title} | {steps} | {f.join(measure.responsible, ', ')} | {when} |\n")
    return Markup("".join(rows))


def _text(value: object) -> str:
    """A value printed as the templates print it: escaped by their ``finalize``."""
    return str(to_markdown(value))
