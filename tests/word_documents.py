"""Word documents laid out as the offices' documents are, built with python-docx from the facts of
an ``examples/`` agency (never from the seed files): the import of each must give those facts back.

Each layout follows one seed: ``rae`` (000: Thai digits, the scores in two tables with the tool's
issue merged down beside its indicators, a measures table continued on a second page with its
header repeated, dashed steps in one line of a cell, three signature blocks), ``mueang_kao`` (002:
tool and indicator score tables, an analysis table and a measures table split over pages, numbered
items one paragraph each), ``sa_bua`` (003: a number | name | score table, one measures table per
issue citing its survey question) and ``phok_noi`` (004: the measures, then the progress report with
a two-row header and the ``ลงชื่อ……ผู้จัดทำ`` signature). ``Variant`` adds what other offices do:
merged cells, a table in a text box or in a frame table, line breaks inside cells, the other digits.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.table import Table

from itagen.records.fiscal_year import INDICATOR_NAMES, TOOL_NAMES
from itagen.thai.dates import MONTHS_ABBR, to_arabic_digits, to_thai_digits

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@dataclass(frozen=True)
class Variant:
    digits: str = ""
    """``thai`` or ``arabic`` for every figure, instead of the seed's own."""
    line_breaks: bool = False
    """A cell's items apart by Shift+Enter (one paragraph) instead of paragraphs or dashes."""
    merged_units: bool = False
    """Responsible units merged down over the rows that share them."""
    text_box: bool = False
    """The measures table drawn inside a text box."""
    framed: bool = False
    """The scores table inside a one-cell frame table; the steps as a table nested in their cell."""
    unknown_table: bool = False
    """A table of something else (a budget) before the measures."""
    part: str = ""
    """Seed 004 as two documents: ``measures`` (the measures alone) or ``report`` (the report and
    the announcements, under a heading of their own)."""


def example_year(agency: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(agency.yml, the one years/*.yml) of an example (its folder's name, or any agency's folder
    path), as plain values."""
    folder = EXAMPLES / agency
    (year_file,) = sorted((folder / "years").glob("*.yml"))
    agency_values = yaml.safe_load((folder / "agency.yml").read_text(encoding="utf-8"))
    return agency_values, yaml.load(year_file.read_text(encoding="utf-8"), Loader=_TextDates)


class _TextDates(yaml.SafeLoader):
    """Dates read as the text typed (``2565-01``), as the project's loader reads them."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Writer:
    def __init__(self, digits: str, variant: Variant) -> None:
        self.document: Document = docx.Document()
        self.digits = variant.digits or digits
        self.variant = variant

    def figures(self, text: object) -> str:
        return to_thai_digits(str(text)) if self.digits == "thai" else to_arabic_digits(str(text))

    def score(self, value: float) -> str:
        return self.figures(f"{value:.2f}")

    def paragraph(self, text: str = "") -> None:
        self.document.add_paragraph(text)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, header: list[str], rows: list[list[str | list[str]]]) -> Table:
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                self.fill(cell, value)
        return table

    def fill(self, cell: Any, value: str | list[str]) -> None:
        """A text, or items one paragraph each (one paragraph with line breaks under ``line_breaks``)."""
        if isinstance(value, str):
            cell.text = value
            return
        if self.variant.line_breaks:
            run = cell.paragraphs[0].add_run()
            for index, item in enumerate(value):
                if index:
                    run.add_break()
                run.add_text(item)
            return
        cell.text = value[0] if value else ""
        for item in value[1:]:
            cell.add_paragraph(item)

    def numbered(self, items: list[str]) -> list[str]:
        return [f"{self.figures(i + 1)}. {item}" for i, item in enumerate(items)]

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def merge_down(table: Table, column: int, rows: list[int]) -> None:
    """Cells of ``column`` merged over ``rows`` (consecutive), keeping the first one's text."""
    text = table.cell(rows[0], column).text
    merged = table.cell(rows[0], column).merge(table.cell(rows[-1], column))
    merged.text = text


def into_text_box(writer: Writer, table: Table) -> None:
    """Move ``table`` into a text box (VML, as Word's compatibility mode writes it) of a new paragraph."""
    paragraph = writer.document.add_paragraph()
    run = OxmlElement("w:r")
    picture = OxmlElement("w:pict")
    shape = _vml("shape")
    box = _vml("textbox")
    content = OxmlElement("w:txbxContent")
    content.append(table._tbl)
    content.append(OxmlElement("w:p"))
    box.append(content)
    shape.append(box)
    picture.append(shape)
    run.append(picture)
    paragraph._p.append(run)


def _vml(tag: str) -> Any:
    from lxml import etree

    return etree.Element(f"{{urn:schemas-microsoft-com:vml}}{tag}", nsmap={"v": "urn:schemas-microsoft-com:vml"})


def into_frame(writer: Writer, table: Table) -> None:
    """Move ``table`` into the one cell of a frame table."""
    frame = writer.document.add_table(rows=1, cols=1)
    cell = frame.cell(0, 0)
    cell._tc.remove(cell.paragraphs[0]._p)
    cell._tc.append(table._tbl)
    cell._tc.append(OxmlElement("w:p"))  # Word ends every cell with a paragraph


def nested_items(writer: Writer, cell: Any, items: list[str]) -> None:
    """Items as the rows of a one-column table nested in ``cell``."""
    inner = cell.add_table(rows=len(items), cols=1)
    for row, item in zip(inner.rows, items, strict=True):
        row.cells[0].text = item


def period_text(writer: Writer, period: Any, fiscal_year: int, *, short_year: bool = False) -> str:
    """A period as the documents print it: ``ม.ค. - เม.ย. ๒๕๖๕``, ``ตลอดปี ๒๕๖๕``, ``๑ ต.ค. ๒๕๖๗ - ๒๘ ก.พ. ๒๕๖๘``."""
    if isinstance(period, str):
        return writer.figures(f"{period} พ.ศ. {fiscal_year}" if "ตลอด" in period else period)
    start, end = str(period["start"]), str(period["end"])
    if "-" in start and start[:4].isdigit():
        year = int(end[:4])
        first, last = MONTHS_ABBR[int(start[5:7]) - 1], MONTHS_ABBR[int(end[5:7]) - 1]
        shown = str(year)[2:] if short_year else str(year)
        return writer.figures(f"{first} - {last} {shown}")
    return writer.figures(f"{start} - {end}")


def deep(values: Any) -> Any:
    return copy.deepcopy(values)


def indicator_label(writer: Writer, number: int, name: str | None = None) -> str:
    return f"{writer.figures(number)}. {name or INDICATOR_NAMES[number]}"


def tool_heading(tool: str) -> str:
    return TOOL_NAMES[tool] if tool != "oit" else "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)"
