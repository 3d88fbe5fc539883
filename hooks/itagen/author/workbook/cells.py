"""One cell's value as an office types it, turned into the value a YAML file would hold.

Stray spaces, Thai digits, dates as Excel dates or Thai text, several items in one cell (Alt+Enter),
bullets and numbers typed before items. A date cell shown without its day (Excel's ``mmm-yy``) is
the month it shows; in a period column a date cell on the 1st is its month too (Calc stores
``ก.พ. 2569`` as 1 February), so a period stays a month. A value that cannot be read is passed on
as typed, so that the loader reports it with its usual message; only what the loader never sees (a
dropdown's Thai name) is checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.cell.cell import MergedCell

from ...problems import describe_value
from ...records.record import record
from ...thai.dates import MONTHS_ABBR, MONTHS_FULL, DateParseError, ThaiDate, parse_thai_date, to_arabic_digits
from ..records_yaml import date_text
from .layout import Column

CONTINUATION = "  "
"""A line of a list cell that starts with two spaces continues the item above (an item with line
breaks of its own); the export writes such items so."""

_MARKER = re.compile(r"^(?:[-–•●▪◦*]\s*|\(?[0-9๐-๙]{1,2}[.)]\s+)")
"""A bullet or a number an office types before an item: the page numbers items itself."""
_MONTHS = "|".join(re.escape(m) for m in sorted([*MONTHS_FULL, *MONTHS_ABBR], key=len, reverse=True))
_SHORT_YEAR = re.compile(rf"({_MONTHS})\s*([0-9๐-๙]{{2}})(?![0-9๐-๙])")
"""``มี.ค. ๖๕``: a table cell too narrow for the whole year; 65 is B.E. 2565."""
_SHORT_NUMERIC_YEAR = re.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{1,2})([/.-])([0-9๐-๙]{1,2})\2([0-9๐-๙]{2})(?![0-9๐-๙])")
"""``30/6/69`` typed as text: 69 is B.E. 2569 like the year after a month name. The build's check of
dates against their fiscal year refuses the reading when it lands years away (26 meant C.E. 2026)."""
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""Quoted text, [$-41E] locale and [Red] colour parts, escaped characters: not date codes."""
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_LIST_SEPARATORS = re.compile(r"\s*(?:,|、|\n|\s+และ\s+)\s*")


class CellError(ValueError):
    """A cell that the workbook's own rules refuse (a dropdown value that is not in the list)."""

    def __init__(self, thai: str, english: str) -> None:
        super().__init__(english)
        self.thai = thai
        self.english = english


@record
class Cell:
    """A cell of a data row: where it is, what it holds, whether it is the lower part of a merge."""

    row: int
    column: int
    raw: Any
    merged_below: bool = False
    """A merged cell's value seen again on a lower row: it belongs to the row where the merge starts."""

    @property
    def empty(self) -> bool:
        return self.raw is None or (isinstance(self.raw, str) and not self.raw.strip())


def cell_value(cell: SheetCell | MergedCell) -> Any:
    """What a cell of the sheet holds: its value, but a date cell shown without its day is the month."""
    value = cell.value
    if isinstance(value, dt.datetime | dt.date) and _shows_only_month(cell.number_format):
        return excel_date(ThaiDate(value.year, value.month))
    return value


def _shows_only_month(number_format: str) -> bool:
    """``mmm yy``, ``[$-41E]mmmm bbbb``: a month (m) and a year (y, or b for B.E.), no day (d)."""
    codes = _FORMAT_LITERALS.sub("", number_format).lower()
    return "m" in codes and ("y" in codes or "b" in codes) and "d" not in codes


def _date_of(raw: Any) -> ThaiDate | None:
    """A date cell's date (a month for one shown without its day), or None for any other value."""
    if isinstance(raw, ThaiDate):
        return raw
    return excel_date(raw) if isinstance(raw, dt.datetime | dt.date) else None


def text_of(raw: Any) -> str:
    """Any cell value as text: ``2568`` typed into a text column is text, not a number."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if (date := _date_of(raw)) is not None:
        return date_text(date)
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip(" \t\n\u00a0\u3000")


def one_line(raw: Any) -> str:
    return _SPACES.sub(" ", " ".join(text_of(raw).split("\n"))).strip()


def excel_date(value: dt.date | ThaiDate) -> ThaiDate:
    """A real Excel date, read as the date it holds: 1968 stays 1968 (the build refuses it as years
    away from its fiscal year). Excel set to a Thai calendar, and Calc reading ``ก.พ. 2569``, store
    B.E. years as C.E. ones (2569 as 2569)."""
    year = value.year - 543 if value.year >= 2400 else value.year
    return ThaiDate(year, value.month, value.day)


def read_cell(column: Column, raw: Any) -> Any:
    """The data value of one non-empty cell of ``column``."""
    kind = column.kind
    if kind in ("markdown", "lines"):
        return text_of(raw) if kind == "markdown" else list_items(text_of(raw))
    if kind == "whole":
        return whole_number(raw)
    if kind == "score":
        return score(raw)
    if kind == "date":
        return date_value(raw)
    if kind == "period":
        return period_value(raw)
    if kind in ("choice", "yesno"):
        chosen = choice(column, raw)
        return chosen == "true" if kind == "yesno" else chosen
    if kind == "numbers":
        return [whole_number(part) for part in split_list(_words(raw))]
    if kind in ("codes", "units"):
        text = text_of(raw) if kind == "units" else _words(raw)
        return [_MARKER.sub("", part, count=1) for part in split_list(text)]
    if kind == "parts":
        return [_part(line) for line in list_items(text_of(raw))]
    if kind == "evidence":
        return [_evidence(line) for line in list_items(text_of(raw))]
    return one_line(raw)


def _words(raw: Any) -> str:
    """``1, 2 และ 3`` or ``e8 i10``: items of a short list, however separated."""
    return one_line(raw).replace("และ", ",").replace(" ", ",")


def whole_number(raw: Any) -> Any:
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, int | float):
        return raw
    text = to_arabic_digits(one_line(raw)).removeprefix("พ.ศ.").strip().rstrip(".")
    return int(text) if text.isdigit() else one_line(raw)


def score(raw: Any) -> Any:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return raw
    text = to_arabic_digits(one_line(raw)).removesuffix("คะแนน").strip()
    try:
        return int(text) if text.isdigit() else float(text)
    except ValueError:
        return one_line(raw)  # the loader says it is not a number


def date_value(raw: Any) -> Any:
    if (date := _date_of(raw)) is not None:
        return date_text(date)
    text = whole_years(one_line(raw))
    try:
        return date_text(parse_thai_date(text))
    except DateParseError:
        return text  # the loader reports it (or, for 31 June, warns and uses the 30th)


def period_value(raw: Any) -> Any:
    """A period cell. Calc turns ``ก.พ. 2569`` typed into a date cell into 1 February shown as
    01/02/69, the same cell as ``1 ก.พ. 2569``: a period is planned in months, so a date cell on the
    1st is read as its month (one day is typed as text, or any other day as a date)."""
    date = _date_of(raw)
    if date is None:
        return whole_years(one_line(raw))
    return date_text(ThaiDate(date.year, date.month) if date.day == 1 else date)


def whole_years(text: str) -> str:
    """``ม.ค. - มี.ค. ๖๕`` → ``ม.ค. - มี.ค. 2565``; ``30/6/69`` → ``30/6/2569``."""
    text = _SHORT_YEAR.sub(lambda m: f"{m[1]} 25{to_arabic_digits(m[2])}", text)
    return _SHORT_NUMERIC_YEAR.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{m[2]}25{to_arabic_digits(m[4])}", text)


def choice(column: Column, raw: Any) -> str:
    text = one_line(raw)
    choices = column.choices or {}
    for shown, value in choices.items():
        if text.casefold() in (shown.casefold(), value.casefold()):
            return value
    names = ", ".join(choices)
    raise CellError(
        f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names} แต่พบ {describe_value(text)} (เลือกจากรายการในเซลล์)",
        f"expected one of: {names}; found {describe_value(text)} (pick from the cell's dropdown)",
    )


def split_list(text: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]


def list_items(text: str) -> list[str]:
    """Items of a cell typed one per line (Alt+Enter), a bullet or number before each dropped; a
    line that starts with two spaces continues the item above."""
    items: list[list[str]] = []
    for line in text.split("\n"):
        if items and (line.startswith(CONTINUATION) or line.startswith("\t")):
            items[-1].append(line[1:] if line.startswith("\t") else line[len(CONTINUATION) :])
        elif line.strip():
            items.append([_MARKER.sub("", line.strip(" \t\u00a0\u3000"), count=1)])
    return ["\n".join(lines).rstrip() for lines in items if "".join(lines).strip()]


def list_cell(items: list[str]) -> str:
    """The reverse of ``list_items``: what the export writes so the import reads the same items."""
    written = []
    for item in items:
        first, *rest = item.split("\n")
        if _MARKER.match(first):
            first = "- " + first  # the import drops one marker: the item keeps its own
        written.append("\n".join([first, *(CONTINUATION + line for line in rest)]))
    return "\n".join(written)


def _part(line: str) -> dict[str, Any]:
    name, _, value = line.rpartition(":")
    if not name:
        return {"name": line}  # the loader says the score is missing
    return {"name": name.strip(), "score": score(value)}


def _evidence(line: str) -> dict[str, Any]:
    title, bar, url = line.rpartition("|")
    if not bar:
        return {"url": line.strip()}  # the loader says the title is missing
    return {"title": title.strip(), "url": url.strip()}


def year_of(raw: Any) -> int | None:
    """The fiscal year a row belongs to, or None when the cell holds no year."""
    number = whole_number(raw)
    return number if isinstance(number, int) and 2400 <= number <= 2800 else None
