"""CSV files for spreadsheets: Thai that Excel reads, and cells that never run as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

UTF8_BOM = "\ufeff"
"""Excel reads a CSV file as Thai only when it starts with this mark."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe_cell(text: str) -> str:
    """Excel runs a cell that starts like a formula: a leading apostrophe keeps data as text."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV with a byte-order mark and Windows line ends; every text cell safe from formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([spreadsheet_safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    return UTF8_BOM + buffer.getvalue()
