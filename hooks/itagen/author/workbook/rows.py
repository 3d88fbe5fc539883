"""Rows of a sheet with their fiscal year, and the files they fill with the cell of every value.

Every value put into a file remembers its cell (``Files.cells``, by the field path the loader names
in its messages: ``measures.items[2].steps[1]``), so the loader's problems can be told by sheet, row
and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...load.text_checks import describe_character, invisible_characters
from ...problems import Location, Problem, describe_value
from ...records.record import record
from .cells import Cell, CellError, one_line, read_cell, year_of
from .layout import Column, Sheet
from .opening import SheetRows, cell_location
from .time_limit import ReadingTooSlow

_SPACE_RUN = re.compile(r"[^\S\n]{2,}")
"""Two or more white-space characters of any kind but a line break."""


@dataclass
class Files:
    """What the workbook holds, as data files, with the cell of every value."""

    workbook: Path
    years: dict[int, dict[str, Any]] = field(default_factory=dict)
    documents: list[dict[str, Any]] | None = None
    oit: dict[int, dict[str, Any]] = field(default_factory=dict)
    cells: dict[tuple[str, str], Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    listed: set[int] = field(default_factory=set)
    """The years with a row on the sheet ปีงบประมาณ."""

    def year(self, number: int, where: Location) -> dict[str, Any]:
        if number not in self.years:
            self.years[number] = {"fiscal_year": number}
            self.cells[(year_file(number), "")] = where
            self.cells[(year_file(number), "fiscal_year")] = where
        return self.years[number]

    def at(self, file: str, path: str, where: Location) -> None:
        self.cells.setdefault((file, path), where)

    def locate(self, file: str, path: str) -> Location | None:
        """The cell of a field path, or of the nearest field above it that has one."""
        while True:
            if (file, path) in self.cells:
                return self.cells[(file, path)]
            if not path:
                return None
            cut = max(path.rfind("."), path.rfind("["))
            path = path[: max(cut, 0)]

    def error(self, where: Location, thai: str, english: str) -> None:
        self.problems.append(Problem(where, thai, english))


def year_file(number: int) -> str:
    return f"years/{number}.yml"


@record
class Row:
    """A data row with its fiscal year (written, or the one above) and a way to read its cells."""

    number: int
    cells: dict[str, Cell]
    year: int
    sheet: Sheet
    files: Files
    columns: dict[str, int]

    def where(self, key: str | None = None) -> Location:
        """The cell of column ``key`` on this row (blank or not); the row alone for a column the sheet lacks."""
        number = self.cells[key].column if key in self.cells else self.columns.get(key or "")
        return cell_location(self.files.workbook, self.sheet, self.number, key if number else None, number)

    def has(self, key: str) -> bool:
        return key in self.cells

    def value(self, key: str) -> Any:
        """The cell's data value, None when blank or unreadable (the problem is recorded)."""
        cell = self.cells.get(key)
        if cell is None:
            return None
        try:
            return read_cell(self.sheet.column(key), _spaces_tidied(self.sheet.column(key), cell.raw))
        except ReadingTooSlow:
            raise ReadingTooSlow(self.where(key)) from None
        except CellError as error:
            thai, english = error.thai, error.english
            hidden = invisible_characters(cell.raw) if isinstance(cell.raw, str) else []
            if hidden:  # the value looks right on screen: say what cannot be seen
                names = ", ".join(describe_character(c) for c in hidden)
                thai += f" เซลล์มีอักขระที่มองไม่เห็น {names} ลบออกหรือเลือกค่าจากรายการใหม่"
                english += f"; the cell holds the invisible character(s) {names}: delete them or pick the value from the dropdown again"
            self.files.error(self.where(key), thai, english)
            return None

    def put(self, target: dict[str, Any], key: str, file: str, path: str, name: str | None = None) -> None:
        """Copy cell ``key`` into ``target[name]`` and remember where ``path`` (its field) came from."""
        self.files.at(file, path, self.where(key))  # a required cell left blank is reported here
        value = self.value(key)
        if value is None or value == []:
            return
        target[name or key] = value
        if isinstance(value, list):
            for index in range(len(value)):
                self.files.at(file, f"{path}[{index + 1}]", self.where(key))


def _spaces_tidied(column: Column, raw: Any) -> Any:
    """A units cell with its runs of spaces made one: unit names never need two, and the list
    separators' pattern is slow (minutes) over thousands of spaces in a row."""
    if column.kind == "units" and isinstance(raw, str):
        return _SPACE_RUN.sub(" ", raw)
    return raw


def rows_by_year(rows: SheetRows, files: Files, *fill_down: str, bare: bool = False) -> Iterator[Row]:
    """Each data row with its year; ``fill_down`` columns (a round) carry down like the year does.
    A row with nothing but its year is left out, unless ``bare`` (a year of its own)."""
    year: int | None = None
    carried: dict[str, Cell] = {}
    for number, cells in rows.rows:
        cells = dict(cells)
        for key in fill_down:
            if key in cells:
                carried[key] = cells[key]
            elif key in carried:
                cells[key] = Cell(number, carried[key].column, carried[key].raw, merged_below=True)
        written = cells.get("fiscal_year")
        if written is not None:
            year = year_of(written.raw)
            if year is None:
                files.error(
                    cell_location(files.workbook, rows.sheet, number, "fiscal_year", written.column),
                    f"ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2569 แต่พบ {describe_value(one_line(written.raw))}",
                    f"the fiscal year must be a four-digit B.E. year such as 2569; found {describe_value(one_line(written.raw))}",
                )
                continue
        if year is None:
            if set(cells) - set(fill_down):
                files.error(
                    cell_location(files.workbook, rows.sheet, number, "fiscal_year", rows.columns.get("fiscal_year")),
                    "แถวนี้ไม่มีปีงบประมาณ ใส่ปี พ.ศ. ในคอลัมน์แรก (แถวล่างที่ว่างไว้ใช้ปีของแถวบน)",
                    "this row has no fiscal year; type the B.E. year in the first column (a blank one below means the same year)",
                )
            continue
        if bare or set(cells) - {"fiscal_year", *fill_down}:
            yield Row(number, cells, year, rows.sheet, files, rows.columns)


def report_of(document: dict[str, Any], round_name: str) -> tuple[dict[str, Any], str]:
    """A year's progress report of one round, made when the year has none yet, and its field path."""
    reports = document.setdefault("progress_reports", [])
    for index, report in enumerate(reports):
        if report.get("round") == round_name:
            return report, f"progress_reports[{index + 1}]"
    reports.append({"round": round_name, "items": []})
    return reports[-1], f"progress_reports[{len(reports)}]"
