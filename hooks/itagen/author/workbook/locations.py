"""Where a value of a workbook is: by sheet, row and column instead of line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from ...problems import Location
from .layout import Sheet


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
