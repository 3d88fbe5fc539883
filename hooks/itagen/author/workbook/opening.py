"""Opening a workbook someone sent: only a real .xlsx, bounded before it is unpacked, formulas never run.

A workbook is a zip of XML files, so a few kilobytes can unpack to gigabytes: the sizes the zip
declares are checked before openpyxl reads a byte of it (Python's zip reader stops at the declared
size). openpyxl parses the XML through defusedxml (entity bombs). Formulas are not evaluated: a
formula cell gives the value Excel saved with it, and one without a saved value is an error.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...problems import DataError, Location, Problem
from .cells import Cell, cell_value
from .layout import FIRST_DATA_ROW, Sheet

MAX_WORKBOOK_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 50_000_000
"""An office's workbook of ten years is well under a megabyte unpacked."""
MAX_SHEET_BYTES = 8_000_000
"""The sheets and their shared text, unpacked: openpyxl holds every cell in memory (twice, once
for the values and once to find formulas), a hundred bytes of memory and more per cell."""
MAX_PARTS = 2_000
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_MERGED_CELLS = 1_000_000
"""openpyxl makes an object for every cell a merged range covers, so A1:XFD1048576 (a few bytes in
the file) would exhaust the memory before a row is read: merged ranges are measured first."""
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?\"")

SAVE_AS_XLSX = (
    "เปิดไฟล์ใน Excel หรือ LibreOffice แล้วเลือก บันทึกเป็น (Save As) ชนิด 'Excel Workbook (*.xlsx)' แล้วนำเข้าไฟล์ .xlsx นั้น",
    "open it in Excel or LibreOffice, choose Save As, type 'Excel Workbook (*.xlsx)', and import that .xlsx file",
)


@dataclass(frozen=True)
class CellLocation(Location):
    """A value's place in the workbook: named by sheet, row and column instead of line and field."""

    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""

    def describe(self, data_root: Path | None = None) -> str:
        parts = [self.file.name]
        if self.sheet:
            parts.append(f"แผ่นงาน/sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"แถว/row {self.row}")
        if self.column:
            parts.append(f"คอลัมน์/column {self.column}" + (f" ({self.header})" if self.header else ""))
        return ", ".join(parts)


def cell_location(
    path: Path, sheet: Sheet, row: int | None, key: str | None, number: int | None = None
) -> CellLocation:
    """Where a cell is; ``number`` is its column as found in the workbook (columns may be moved)."""
    if key is None:
        return CellLocation(path, sheet=sheet.name, row=row)
    letter = get_column_letter(number) if number else sheet.letter(key)
    return CellLocation(path, sheet=sheet.name, row=row, column=letter, header=sheet.column(key).thai)


def workbook_problem(path: Path, thai: str, english: str, **where: Any) -> DataError:
    return DataError([Problem(CellLocation(path, **where), thai, english)])


@dataclass
class SheetRows:
    """A sheet's data rows: row number → the cells of the layout's columns that hold something."""

    sheet: Sheet
    columns: dict[str, int] = field(default_factory=dict)
    """Each column of the layout found in the sheet → its number there."""
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)


def check_workbook_file(path: Path) -> None:
    """Refuse what is not a .xlsx of a sane size, saying how to make one."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise workbook_problem(path, f"ไม่พบไฟล์ {path}", f"no such file: {path}")
    with path.open("rb") as file:
        head = file.read(8)
    if suffix in (".xls", ".ods", ".csv") or head.startswith(b"\xd0\xcf\x11\xe0"):
        kind = "Excel 97–2003 (.xls)" if suffix == ".xls" or head.startswith(b"\xd0\xcf") else suffix
        raise workbook_problem(
            path,
            f"ไฟล์ชนิด {kind} นำเข้าไม่ได้ ต้องเป็น .xlsx: {SAVE_AS_XLSX[0]}",
            f"a {kind} file cannot be imported, it must be .xlsx: {SAVE_AS_XLSX[1]}",
        )
    if path.stat().st_size > MAX_WORKBOOK_BYTES:
        raise workbook_problem(
            path,
            f"ไฟล์ใหญ่เกิน {MAX_WORKBOOK_BYTES // 1_000_000} MB ซึ่งมากกว่าข้อมูลของหน่วยงานใดมาก (มีรูปภาพหรือแผ่นงานอื่นติดมาหรือไม่?)",
            f"the file is larger than {MAX_WORKBOOK_BYTES // 1_000_000} MB, far more than any agency's data (pictures or other sheets pasted in?)",
        )
    if not head.startswith(b"PK") or not zipfile.is_zipfile(path):
        raise workbook_problem(
            path, f"ไฟล์นี้ไม่ใช่ไฟล์ .xlsx: {SAVE_AS_XLSX[0]}", f"this is not an .xlsx file: {SAVE_AS_XLSX[1]}"
        )
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        names = {part.filename for part in parts}
        if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
            raise workbook_problem(
                path,
                f"ไฟล์ OpenDocument (.ods) นำเข้าไม่ได้ ต้องเป็น .xlsx: {SAVE_AS_XLSX[0]}",
                f"an OpenDocument (.ods) file cannot be imported, it must be .xlsx: {SAVE_AS_XLSX[1]}",
            )
        unpacked = sum(part.file_size for part in parts)
        if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
            raise workbook_problem(
                path,
                f"ไฟล์ขยายออกได้ {unpacked:,} ไบต์ใน {len(parts)} ส่วน เกินขีดจำกัด {MAX_UNPACKED_BYTES:,} ไบต์ (ไม่ใช่แบบฟอร์มของระบบนี้)",
                f"the file unpacks to {unpacked:,} bytes in {len(parts)} parts, over the limit of {MAX_UNPACKED_BYTES:,} (not this project's template)",
            )
        if "xl/workbook.xml" not in names:
            raise workbook_problem(
                path, f"ไฟล์นี้ไม่ใช่ไฟล์ .xlsx: {SAVE_AS_XLSX[0]}", f"this is not an .xlsx file: {SAVE_AS_XLSX[1]}"
            )
        sheets = [p for p in parts if p.filename.startswith("xl/worksheets/") or p.filename == "xl/sharedStrings.xml"]
        cells = sum(part.file_size for part in sheets)
        merged = sum(_merged_area(archive.read(part)) for part in sheets if part.filename.startswith("xl/worksheets/"))
        if cells > MAX_SHEET_BYTES or merged > MAX_MERGED_CELLS:
            raise workbook_problem(
                path,
                f"แผ่นงานในไฟล์ใหญ่เกินข้อมูลของหน่วยงานใดมาก ({cells:,} ไบต์, เซลล์ที่ผสานไว้ {merged:,} เซลล์) ลบแถวหรือคอลัมน์ที่ไม่ใช้ออก",
                f"the sheets are far larger than any agency's data ({cells:,} bytes, {merged:,} merged cells); delete unused rows and columns",
            )


def _merged_area(sheet_xml: bytes) -> int:
    """How many cells the merged ranges of one sheet cover."""
    total = 0
    for first_column, first_row, last_column, last_row in _MERGE.findall(sheet_xml):
        columns = column_index_from_string(last_column.decode().upper()) if last_column else 0
        width = abs(columns - column_index_from_string(first_column.decode().upper())) + 1 if last_column else 1
        height = abs(int(last_row) - int(first_row)) + 1 if last_row else 1
        total += width * height
    return total


def open_workbook(path: Path, sheets: tuple[Sheet, ...], ignored: str) -> tuple[list[SheetRows], list[str]]:
    """The data rows of every sheet of the layout that the workbook has, and the names of its other
    sheets (besides ``ignored``, the instructions), or DataError."""
    check_workbook_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it drops
            formulas = openpyxl.load_workbook(path, data_only=False, keep_links=False)
            values = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    except DataError:
        raise
    except Exception as error:  # openpyxl raises many kinds (KeyError, XML errors, zip errors) on a broken file
        raise workbook_problem(
            path,
            f"อ่านไฟล์ .xlsx ไม่ได้ ({type(error).__name__}) ไฟล์อาจเสียหาย: {SAVE_AS_XLSX[0]}",
            f"the .xlsx file cannot be read ({type(error).__name__}); it may be damaged: {SAVE_AS_XLSX[1]}",
        ) from None
    problems: list[Problem] = []
    found = []
    names = {" ".join(name.split()): name for name in values.sheetnames}  # a stray space in a tab's name
    for sheet in sheets:
        name = names.get(sheet.name)
        if name is not None and isinstance(values[name], Worksheet) and isinstance(formulas[name], Worksheet):
            found.append(_sheet_rows(path, sheet, values[name], formulas[name], problems))
    known = {sheet.name for sheet in sheets} | {ignored}
    others = [name for tidy, name in names.items() if tidy not in known]
    if not found:
        expected = ", ".join(s.name for s in sheets)
        problems.append(
            Problem(
                CellLocation(path),
                f"ไม่พบแผ่นงานของแบบฟอร์ม ({expected}) ใช้แบบฟอร์มจาก make xlsx-template",
                f"none of the template's sheets ({expected}) is in the workbook; start from make xlsx-template",
            )
        )
    if problems:
        raise DataError(problems)
    return found, others


def _sheet_rows(path: Path, sheet: Sheet, values: Worksheet, formulas: Worksheet, problems: list[Problem]) -> SheetRows:
    columns = _header_columns(path, sheet, values, problems)
    result = SheetRows(sheet, columns)
    if values.max_row > MAX_ROWS or values.max_column > MAX_COLUMNS:
        problems.append(
            Problem(
                CellLocation(path, sheet=sheet.name),
                f"แผ่นงานมี {values.max_row} แถว {values.max_column} คอลัมน์ เกินขีดจำกัด {MAX_ROWS} แถว {MAX_COLUMNS} คอลัมน์",
                f"the sheet has {values.max_row} rows and {values.max_column} columns, over the limit of {MAX_ROWS} and {MAX_COLUMNS}",
            )
        )
        return result
    merged = _merged_values(values)
    for row in range(FIRST_DATA_ROW, values.max_row + 1):
        cells = {}
        for key, number in columns.items():
            raw, below = merged.get((row, number), (cell_value(values.cell(row, number)), False))
            formula = formulas.cell(row, number)
            if formula.data_type == "f" and raw is None and not below:
                problems.append(
                    Problem(
                        cell_location(path, sheet, row, key, number),
                        "เซลล์นี้เป็นสูตร (=…) ที่ไม่มีค่าที่คำนวณไว้ ระบบไม่คำนวณสูตร: เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง หรือพิมพ์ค่าลงไปแทนสูตร",
                        "this cell is a formula (=…) without a saved value, and formulas are never evaluated here: open and save the file in Excel, or type the value instead",
                    )
                )
                continue
            cell = Cell(row, number, raw, below)
            if not cell.empty:
                cells[key] = cell
        if cells:
            result.rows.append((row, cells))
    return result


def _header_columns(path: Path, sheet: Sheet, values: Worksheet, problems: list[Problem]) -> dict[str, int]:
    """Columns found by their Thai (row 1) or English (row 2) header, so moved columns still read."""
    headers: dict[str, int] = {}
    for number in range(1, min(values.max_column, MAX_COLUMNS) + 1):
        for row in (1, 2):
            text = values.cell(row, number).value
            if isinstance(text, str):
                headers.setdefault(" ".join(text.split()).casefold(), number)
    columns = {}
    for column in sheet.columns:
        found = headers.get(column.thai.casefold(), headers.get(column.english.casefold()))
        if found is not None:
            columns[column.key] = found
        elif column.required:
            problems.append(
                Problem(
                    CellLocation(path, sheet=sheet.name, row=1),
                    f"ไม่พบคอลัมน์ '{column.thai}' ในแถวหัวตาราง อย่าลบหรือแก้ชื่อหัวคอลัมน์ของแบบฟอร์ม",
                    f"the column '{column.english}' ({column.thai}) is missing from the header row; do not delete or rename the template's headers",
                )
            )
    return columns


def _merged_values(sheet: Worksheet) -> dict[tuple[int, int], tuple[Any, bool]]:
    """Each cell of a merged range that spans rows → the range's value, marked when it lies below the top."""
    found = {}
    for merged in sheet.merged_cells.ranges:
        value = cell_value(sheet.cell(merged.min_row, merged.min_col))
        for row in range(merged.min_row, min(merged.max_row, MAX_ROWS) + 1):
            for column in range(merged.min_col, min(merged.max_col, MAX_COLUMNS) + 1):
                if column == merged.min_col:
                    found[(row, column)] = (value, row > merged.min_row)
                else:  # a cell merged across columns belongs to its first column only
                    found[(row, column)] = (None, False)
    return found
