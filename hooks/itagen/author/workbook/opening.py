"""Opening a workbook someone sent: only a real .xlsx, bounded before it is unpacked, formulas never run.

``unpacking`` measures and verifies every byte before openpyxl reads the workbook; openpyxl parses
its XML through defusedxml (entity bombs). Formulas are not evaluated: a formula cell gives the
value Excel saved with it; one without a saved value, or with an error saved (``#N/A``), is an
error. Sheets are found by their tab's name and columns by their headers, and anything the import
would otherwise pass over in silence (an unknown header, a tab named twice, a renamed sheet, a
deleted English header row) is refused, naming it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...load.text_checks import without_hidden, without_invisible
from ...problems import DataError, Problem
from .cells import Cell, cell_value
from .layout import FIRST_DATA_ROW, Sheet
from .locations import CellLocation, cell_location
from .unpacking import SAVE_AGAIN, refusal, unpacked_workbook

__all__ = ["CellLocation", "SheetRows", "cell_location", "open_workbook"]

MAX_ROWS = 20_000
MAX_COLUMNS = 60


@dataclass
class SheetRows:
    """A sheet's data rows: row number → the cells of the layout's columns that hold something."""

    sheet: Sheet
    columns: dict[str, int] = field(default_factory=dict)
    """Each column of the layout found in the sheet → its number there."""
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)


def tab_name(name: str) -> str:
    """A tab's name as a person reads it: stray and invisible characters gone."""
    return " ".join(without_hidden(name).split())


def open_workbook(path: Path, sheets: tuple[Sheet, ...], ignored: str) -> tuple[list[SheetRows], list[str]]:
    """The data rows of every sheet of the layout that the workbook has, and the names of its other
    sheets (besides ``ignored``, the instructions), or DataError."""
    content = unpacked_workbook(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it drops
            formulas = openpyxl.load_workbook(io.BytesIO(content), data_only=False, keep_links=False)
            values = openpyxl.load_workbook(io.BytesIO(content), data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds (KeyError, XML errors, zip errors) on a broken file
        raise refusal(
            path,
            f"อ่านไฟล์ .xlsx ไม่ได้ ({type(error).__name__}) ไฟล์อาจเสียหาย: {SAVE_AGAIN[0]}",
            f"the .xlsx file cannot be read ({type(error).__name__}); it may be damaged: {SAVE_AGAIN[1]}",
        ) from None
    problems: list[Problem] = []
    names = _tabs(path, values.sheetnames, problems)
    found = []
    for sheet in sheets:
        name = names.get(sheet.name)
        if name is not None and isinstance(values[name], Worksheet) and isinstance(formulas[name], Worksheet):
            found.append(_sheet_rows(path, sheet, values[name], formulas[name], problems))
    known = {sheet.name for sheet in sheets} | {ignored}
    others = [name for tidy, name in names.items() if tidy not in known]
    missing = [sheet for sheet in sheets if sheet.name not in names]
    for name in others:
        if isinstance(values[name], Worksheet) and (renamed := _renamed_from(values[name], missing)) is not None:
            problems.append(
                Problem(
                    CellLocation(path, sheet=name),
                    f"แผ่นงานนี้มีหัวตารางของแผ่นงาน '{renamed.name}' ของแบบฟอร์ม แต่ชื่อแผ่นงานถูกเปลี่ยน ระบบจึงไม่อ่าน: เปลี่ยนชื่อแผ่นงานกลับเป็น '{renamed.name}'",
                    f"this sheet has the headers of the template's sheet '{renamed.name}' ({renamed.english}) but was renamed, so it would not be read: rename it back to '{renamed.name}'",
                )
            )
    if not found and not problems:
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


def _tabs(path: Path, sheet_names: list[str], problems: list[Problem]) -> dict[str, str]:
    """Each tab's name as read → its name in the file. Two tabs that read the same (a trailing space,
    an invisible character) would have one replace the other: refused, naming both."""
    names: dict[str, str] = {}
    for name in sheet_names:
        tidy = tab_name(name)
        if tidy in names:
            problems.append(
                Problem(
                    CellLocation(path, sheet=name),
                    f"มีแผ่นงานสองแผ่นที่ชื่อดูเหมือนกัน: {names[tidy]!r} และ {name!r} (ต่างกันที่ช่องว่างหรืออักขระที่มองไม่เห็น) รวมข้อมูลไว้ในแผ่นเดียวแล้วลบอีกแผ่น",
                    f"two sheets have names that look the same: {names[tidy]!r} and {name!r} (they differ by spaces or invisible characters); put the data in one and delete the other",
                )
            )
            continue
        names[tidy] = name
    return names


def _renamed_from(worksheet: Worksheet, missing: list[Sheet]) -> Sheet | None:
    """The template's sheet whose headers an unknown sheet has, when that sheet is missing."""
    headers = _headers(worksheet)
    for sheet in missing:
        known = sum(1 for c in sheet.columns if c.thai.casefold() in headers or c.english.casefold() in headers)
        if known * 2 > len(sheet.columns):
            return sheet
    return None


def _headers(worksheet: Worksheet) -> dict[str, int]:
    """Header text (spaces tidied, case folded) of rows 1 and 2 → its column."""
    headers: dict[str, int] = {}
    for number in range(1, min(worksheet.max_column, MAX_COLUMNS) + 1):
        for row in (1, 2):
            text = worksheet.cell(row, number).value
            if isinstance(text, str):
                headers.setdefault(" ".join(without_hidden(text).split()).casefold(), number)
    return headers


def _sheet_rows(path: Path, sheet: Sheet, values: Worksheet, formulas: Worksheet, problems: list[Problem]) -> SheetRows:
    if values.max_row > MAX_ROWS or values.max_column > MAX_COLUMNS:
        problems.append(
            Problem(
                CellLocation(path, sheet=sheet.name),
                f"แผ่นงานมี {values.max_row} แถว {values.max_column} คอลัมน์ เกินขีดจำกัด {MAX_ROWS} แถว {MAX_COLUMNS} คอลัมน์",
                f"the sheet has {values.max_row} rows and {values.max_column} columns, over the limit of {MAX_ROWS} and {MAX_COLUMNS}",
            )
        )
        return SheetRows(sheet)
    result = SheetRows(sheet, _header_columns(path, sheet, values, problems))
    merged = _merged_values(values)
    for row in range(FIRST_DATA_ROW, _last_filled_row(values, formulas) + 1):
        cells = {}
        for key, number in result.columns.items():
            raw, below = merged.get((row, number), (cell_value(values.cell(row, number)), False))
            problem = _unusable(raw, below, formulas.cell(row, number).data_type)
            if problem is not None:
                problems.append(Problem(cell_location(path, sheet, row, key, number), *problem))
                continue
            cell = Cell(row, number, without_invisible(raw) if isinstance(raw, str) else raw, below)
            if not cell.empty:
                cells[key] = cell
        if cells:
            result.rows.append((row, cells))
    return result


def _unusable(raw: Any, below: bool, data_type: str) -> tuple[str, str] | None:
    """Why a cell's saved value cannot be read (Thai, English): a formula without a saved value, or
    one whose saved value is an error; the lower part of a merged cell is told at its top."""
    if below:
        return None
    if data_type == "f" and raw is None:
        return (
            "เซลล์นี้เป็นสูตร (=…) ที่ไม่มีค่าที่คำนวณไว้ ระบบไม่คำนวณสูตร: เปิดไฟล์ใน Excel แล้วบันทึกอีกครั้ง หรือพิมพ์ค่าลงไปแทนสูตร",
            "this cell is a formula (=…) without a saved value, and formulas are never evaluated here: open and save the file in Excel, or type the value instead",
        )
    if isinstance(raw, str) and raw.strip() in ERROR_CODES:
        return (
            f"เซลล์นี้มีค่าผิดพลาดของสูตร {raw.strip()} ไม่ใช่ข้อมูล: แก้สูตรให้คำนวณได้ หรือพิมพ์ค่าลงไปแทน",
            f"this cell holds the formula error {raw.strip()}, not data: correct the formula, or type the value instead",
        )
    return None


def _header_columns(path: Path, sheet: Sheet, values: Worksheet, problems: list[Problem]) -> dict[str, int]:
    """Columns found by their Thai (row 1) or English (row 2) header, so moved columns still read.
    A header the template does not have, or a row 2 that holds data, is refused: its column's
    values would be left out without a word."""
    headers = _headers(values)
    columns = {}
    for column in sheet.columns:
        found = headers.get(column.thai.casefold(), headers.get(column.english.casefold()))
        if found is not None:
            columns[column.key] = found
    missing = [column for column in sheet.columns if column.key not in columns]
    _english_row(path, sheet, values, problems)
    _unknown_headers(path, sheet, values, columns, problems)
    for column in missing:
        if column.required:
            problems.append(
                Problem(
                    CellLocation(path, sheet=sheet.name, row=1),
                    f"ไม่พบคอลัมน์ '{column.thai}' ในแถวหัวตาราง อย่าลบหรือแก้ชื่อหัวคอลัมน์ของแบบฟอร์ม",
                    f"the column '{column.english}' ({column.thai}) is missing from the header row; do not delete or rename the template's headers",
                )
            )
    return columns


def _unknown_headers(
    path: Path, sheet: Sheet, values: Worksheet, columns: dict[str, int], problems: list[Problem]
) -> None:
    """A header column the layout did not take: a renamed header, or one of the template's twice."""
    missing = [column for column in sheet.columns if column.key not in columns]
    for number in range(1, min(values.max_column, MAX_COLUMNS) + 1):
        typed = [values.cell(row, number).value for row in (1, 2)]
        if number in columns.values() or all(v is None or (isinstance(v, str) and not v.strip()) for v in typed):
            continue
        where = CellLocation(path, sheet=sheet.name, row=1, column=get_column_letter(number))
        texts = {" ".join(without_hidden(str(v)).split()).casefold() for v in typed if v is not None}
        twice = next((c for c in sheet.columns if {c.thai.casefold(), c.english.casefold()} & texts), None)
        if twice is not None:
            first = get_column_letter(columns.get(twice.key, number))
            problems.append(
                Problem(
                    where,
                    f"หัวคอลัมน์ '{twice.thai}' ซ้ำกับคอลัมน์ {first} ข้อมูลในคอลัมน์นี้จะไม่ถูกอ่าน รวมข้อมูลไว้ในคอลัมน์ {first} แล้วลบคอลัมน์นี้",
                    f"the header '{twice.thai}' ({twice.english}) is column {first}'s already, so this column would not be read; move its data into column {first} and delete it",
                )
            )
            continue
        expected = next((c for c in missing if sheet.index(c.key) + 1 == number), None)
        names = [expected] if expected else missing
        wanted = " หรือ ".join(f"'{c.thai}'" for c in names) or "ไม่มี (ลบคอลัมน์นี้)"
        wanted_en = " or ".join(f"'{c.thai}' ({c.english})" for c in names) or "none (delete this column)"
        problems.append(
            Problem(
                where,
                f"หัวคอลัมน์ {_shown(typed)} ไม่ใช่ของแบบฟอร์ม ข้อมูลในคอลัมน์นี้จะไม่ถูกอ่าน หัวคอลัมน์ที่ควรเป็น: {wanted}",
                f"the header {_shown(typed)} is not the template's, so this column would not be read; the header expected: {wanted_en}",
            )
        )


def _shown(typed: list[Any]) -> str:
    return " / ".join(repr(str(v)) for v in typed if v is not None and str(v).strip())


def _english_row(path: Path, sheet: Sheet, values: Worksheet, problems: list[Problem]) -> None:
    """Row 2 is the English header row; data on it means that row was deleted and the first row of
    data would be taken for headers."""
    row = [values.cell(2, n).value for n in range(1, min(values.max_column, MAX_COLUMNS) + 1)]
    typed = [" ".join(without_hidden(str(v)).split()).casefold() for v in row if v is not None and str(v).strip()]
    english = {c.english.casefold() for c in sheet.columns} | {c.thai.casefold() for c in sheet.columns}
    if typed and not any(text in english for text in typed):
        problems.append(
            Problem(
                CellLocation(path, sheet=sheet.name, row=2),
                "แถว 2 ต้องเป็นหัวตารางภาษาอังกฤษ แต่พบข้อมูล (แถวหัวตารางภาษาอังกฤษถูกลบหรือไม่?) แทรกแถวหัวตารางกลับ (คัดลอกจาก make xlsx-template) ให้ข้อมูลเริ่มที่แถว 3",
                f"row 2 must be the English header row ({', '.join(c.english for c in sheet.columns[:3])} …) but holds data (was the English header row deleted?); insert it again (copy it from make xlsx-template) so the data starts on row 3",
            )
        )


def _last_filled_row(values: Worksheet, formulas: Worksheet) -> int:
    """The last row holding a value or a formula: the template styles 2,000 empty rows as text, and
    asking openpyxl for their cells one by one would make each of them (seconds per import)."""
    # openpyxl keeps the cells it read in ``_cells``; the public ways to walk them make every cell
    # of the rectangle up to the last styled row.
    filled = [row for (row, _), cell in values._cells.items() if cell.value is not None]
    filled += [row for (row, _), cell in formulas._cells.items() if cell.value is not None]
    filled += [merged.max_row for merged in values.merged_cells.ranges]
    return min(max(filled, default=0), values.max_row)


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
