"""A Word document's body as the office sees it: numbered paragraphs and tables of plain text.

What Word's layout adds is undone here so the readers see one table per table: a cell merged across
columns is read once (the columns it covers are empty), a cell merged down rows is read in every
row it covers (a responsible unit merged over three measures belongs to the three), a table drawn
inside a text box or inside a one-cell frame table is read as a table of its own, a table nested
in a cell is read as lines of that cell, and a table continued on the next page with its header
repeated is read as one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn

MAX_COLUMNS = 63
"""Word's own limit: a cell claiming to span a billion columns (a few bytes in a hostile file) must
not become a billion empty cells."""
_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass
class Paragraph:
    number: int
    """Counted from 1 over the body's paragraphs outside tables, empty ones included, as Word's
    navigation would reach them."""
    text: str


@dataclass
class Table:
    number: int
    """Counted from 1 in reading order (a table continued on the next page keeps its first number)."""
    rows: list[list[str]]
    row_numbers: list[int] = field(default_factory=list)
    """Each row's number as the office finds it: counted within the table's first part, then on
    through its continuations (a repeated header is counted too, so numbers match what is seen)."""
    parts: int = 1


Block = Paragraph | Table


def document_blocks(document: Document) -> list[Block]:
    """The body in reading order, continued tables joined."""
    walker = _Walker()
    walker.walk(document.element.body)
    return _join_continued(walker.blocks)


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def walk(self, container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == _P:
                self.paragraphs += 1
                self.blocks.append(Paragraph(self.paragraphs, paragraph_text(child)))
                for box in _text_boxes(child):
                    self.walk(box)
            elif child.tag == _TBL:
                inner = _framed_table(child)
                if inner is not None:
                    self.walk_table(inner)
                else:
                    self.walk_table(child)
            elif child.tag == _SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.walk(content)

    def walk_table(self, table: Any) -> None:
        self.tables += 1
        rows = table_rows(table)
        self.blocks.append(Table(self.tables, rows, list(range(1, len(rows) + 1))))


def _text_boxes(paragraph: Any) -> list[Any]:
    """A paragraph's text boxes, once: Word writes each twice (DrawingML, and VML as the fallback)."""
    boxes = []
    for box in paragraph.iter(_TEXT_BOX):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        boxes.append(box)
    return boxes


def _framed_table(table: Any) -> Any | None:
    """The table inside a one-cell table used as a frame, if that is all the frame holds."""
    cells = table.findall(f"{_TR}/{_TC}")
    if len(cells) != 1:
        return None
    inner = cells[0].findall(_TBL)
    text = "".join(paragraph_text(p) for p in cells[0].findall(_P)).strip()
    return inner[0] if len(inner) == 1 and not text else None


def paragraph_text(paragraph: Any) -> str:
    """A paragraph's text: tabs as tabs, line breaks (Shift+Enter) as new lines; text boxes left out."""
    parts: list[str] = []
    for node in paragraph.iter():
        if _inside_text_box(node, paragraph):
            continue
        if node.tag == qn("w:t") and node.text:
            parts.append(node.text)
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif node.tag == qn("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _inside_text_box(node: Any, paragraph: Any) -> bool:
    """Whether ``node`` is in a text box of ``paragraph`` (not: whether the paragraph is in one)."""
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _TEXT_BOX:
            return True
    return False


def cell_text(cell: Any) -> str:
    """A cell's paragraphs as lines; a nested table as one line per row, its cells apart by spaces."""
    lines: list[str] = []
    for child in cell.iterchildren():
        if child.tag == _P:
            lines.append(paragraph_text(child))
        elif child.tag == _TBL:
            lines.extend("  ".join(c for c in row if c.strip()) for row in table_rows(child))
        elif child.tag == _SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                lines.append(cell_text(content))
    return "\n".join(lines).strip("\n")


def table_rows(table: Any) -> list[list[str]]:
    """The grid of texts: a horizontal merge fills its first column, a vertical merge every row."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for row in table.findall(_TR):
        cells: list[str] = []
        for cell in row.findall(_TC):
            properties = cell.find(qn("w:tcPr"))
            span, merge = 1, None
            if properties is not None:
                grid_span = properties.find(qn("w:gridSpan"))
                if grid_span is not None:
                    value = grid_span.get(qn("w:val"), "1")
                    span = min(max(1, int(value)), MAX_COLUMNS) if value.isdigit() else 1
                vertical = properties.find(qn("w:vMerge"))
                if vertical is not None:
                    merge = vertical.get(qn("w:val"), "continue")
            column = len(cells)
            text = above.get(column, "") if merge == "continue" else cell_text(cell)
            above[column] = text if merge is not None else ""
            if merge is None:
                above.pop(column, None)
            cells.append(text)
            cells.extend("" for _ in range(span - 1))
        if cells:  # a row without cells (no Word writes one) would only be in the readers' way
            rows.append(cells)
    return rows


def header_key(row: list[str]) -> str:
    """A header row compared without spaces or line breaks: a repeated header may wrap differently."""
    return re.sub(r"\s+", "", "".join(row))


def _join_continued(blocks: list[Block]) -> list[Block]:
    joined: list[Block] = []
    last: Table | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            joined.append(block)
            if block.text.strip() and not PAGE_NUMBER.match(block.text.strip()):
                last = None
            continue
        repeated = _repeated_header(last, block) if last is not None else 0
        if last is not None and repeated:
            start = last.row_numbers[-1] if last.row_numbers else 0
            last.rows.extend(block.rows[repeated:])
            last.row_numbers.extend(start + i for i in range(1 + repeated, len(block.rows) + 1))
            last.parts += 1
            continue
        joined.append(block)
        last = block
    # Tables keep their first numbers; a continuation's own number is not shown again.
    return joined


def _repeated_header(first: Table, next_part: Table) -> int:
    """How many rows at the top of ``next_part`` repeat ``first``'s header (0: not a continuation)."""
    if not first.rows or not next_part.rows or header_key(first.rows[0]) != header_key(next_part.rows[0]):
        return 0
    if not header_key(first.rows[0]):
        return 0
    depth = 1
    while (
        depth < len(first.rows)
        and depth < len(next_part.rows)
        and first.rows[depth][0].strip() in ("", first.rows[0][0].strip())
        and header_key(first.rows[depth]) == header_key(next_part.rows[depth])
    ):
        depth += 1  # a second header row (ดำเนินการแล้ว / ยังไม่ดำเนินการ under a merged heading)
    return depth


PAGE_NUMBER = re.compile(r"^[-–(\s]*[0-9๐-๙]{1,3}[-–)\s]*$")
"""``-3-``, ``(๒)``: a page number typed between a table and its continuation."""
