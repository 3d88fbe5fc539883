"""How the workbook looks to a person in Calc or Excel, and on paper: row heights that show every
line, cells that sit at the top of their rows, and pages that print a sheet's columns side by side.

openpyxl writes no row heights, and neither Calc nor Excel works them out when it opens a file:
a row stays one Latin line tall, so a cell of three lines shows its last line only and Thai loses
its upper and lower marks (แผ่นงาน reads แผนงาน). The heights are worked out here from the lines
of each cell and the width of its column. Thai needs more room than Latin: with Debian's Thai font
(Loma) Calc makes a row of one 11-point line 6.84 mm (19.4 pt) tall and each further line adds
6.32 mm (17.9 pt, 1.63 times the font size), against 5.29 mm for a Latin line; a 14-point heading
needs 8.41 mm. Excel's Tahoma needs less, so the rows are a little roomy there. The figures are
Calc's optimal heights, asked through its API (tests/calc_uno.py, task ``rows``); the test
``test_workbook_in_calc.py`` holds every row of the template and the exports to them.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

TOP = Alignment(vertical="top")
WRAP = Alignment(wrap_text=True, vertical="top")

LINE_HEIGHT = 1.7
"""Points of row height per point of font size, for one line of Thai with its marks (Calc: 1.63)."""
ROW_PADDING = 2.5
"""Points above and below the lines, so the last line's lower marks are not cut."""
CHARACTERS_PER_WIDTH = 0.95
"""Characters of an 11-point font that one unit of column width holds, on the safe side: a unit is
the width of a digit; Calc fits 125 Thai letters (marks not counted) on a line 120 units wide, and
wrapping at spaces leaves the end of a line empty."""
DEFAULT_FONT_SIZE = 11.0
DEFAULT_WIDTH = 8.43
"""Excel's width of a column that sets none."""
TITLE_ROWS = "1:2"
"""The Thai and English headers, printed at the top of every page."""
TEXT_PRINT_SCALE = 80
"""Percent: the instructions' column (120 units) fills a landscape A4 page's width at 100 %."""


def cell_lines(text: str, width: float, font_size: float, *, wrapped: bool) -> int:
    """How many lines ``text`` takes in a column ``width`` wide: its own lines (Alt+Enter), each
    wrapped at spaces, or anywhere in a run of Thai (which has no spaces between words)."""
    per_line = max(1, math.floor(width * CHARACTERS_PER_WIDTH * DEFAULT_FONT_SIZE / font_size))
    lines = 0
    for line in text.split("\n"):
        if not wrapped:
            lines += 1
            continue
        used = 0
        count = 1
        for word in line.split(" "):
            length = _spacing_characters(word)
            if used and used + 1 + length > per_line:
                count += 1
                used = 0
            used += (1 if used else 0) + length
            while used > per_line:  # a run longer than the column breaks inside it
                count += 1
                used -= per_line
        lines += count
    return lines


def _spacing_characters(text: str) -> int:
    """Characters that take width: Thai vowels above and below and tone marks sit on their consonant."""
    return sum(1 for character in text if unicodedata.category(character) != "Mn")


def fit_rows(worksheet: Worksheet, cells: Iterable[Cell | MergedCell]) -> None:
    """Give every row of ``cells`` (those written, not the template's empty text cells) the height
    its tallest cell needs; a cell merged down a block of rows shares its height among them (the
    last row takes what the others lack). Rows left empty keep no height: Calc and Excel fit them
    to what is typed."""
    needed: dict[int, float] = defaultdict(float)
    merged = {(r.min_row, r.min_col): r for r in worksheet.merged_cells.ranges}
    spans = []
    for cell in cells:
        if not isinstance(cell, Cell) or cell.value is None:
            continue
        height = _cell_height(worksheet, cell)
        area = merged.get((cell.row, cell.column))
        if area is not None and area.max_row > area.min_row:
            spans.append((area.min_row, area.max_row, height))
        else:
            needed[cell.row] = max(needed[cell.row], height)
    for first, last, height in spans:
        for number in range(first, last + 1):
            needed.setdefault(number, _one_line())
        lacking = height - sum(needed[number] for number in range(first, last + 1))
        if lacking > 0:
            needed[last] += lacking
    for number, height in needed.items():
        worksheet.row_dimensions[number].height = round(height, 1)


def _one_line() -> float:
    return DEFAULT_FONT_SIZE * LINE_HEIGHT + ROW_PADDING


def _cell_height(worksheet: Worksheet, cell: Cell) -> float:
    size = float(cell.font.sz or DEFAULT_FONT_SIZE) if cell.font else DEFAULT_FONT_SIZE
    if cell.font and cell.font.b:
        size *= 1.1  # bold letters are wider
    width = worksheet.column_dimensions[get_column_letter(cell.column)].width or DEFAULT_WIDTH
    wrapped = bool(cell.alignment and cell.alignment.wrap_text)
    text = cell.value if isinstance(cell.value, str) else str(cell.value)
    lines = cell_lines(text, width, size, wrapped=wrapped)
    return lines * size * LINE_HEIGHT + ROW_PADDING


def print_setup(worksheet: Worksheet) -> None:
    """Landscape A4, every column on the page's width (as many pages down as it takes), the header
    rows repeated on every page, so a measure's columns print side by side on one sheet of paper."""
    _landscape_a4(worksheet)
    worksheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.print_title_rows = TITLE_ROWS


def print_text_setup(worksheet: Worksheet) -> None:
    """Landscape A4 for a sheet of text in one column that fits the page's width: printed a little
    smaller, because Calc draws Thai wider on paper than it wrapped it on screen, and a line that
    filled the column would run off the page's edge."""
    _landscape_a4(worksheet)
    worksheet.page_setup.scale = TEXT_PRINT_SCALE


def _landscape_a4(worksheet: Worksheet) -> None:
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
