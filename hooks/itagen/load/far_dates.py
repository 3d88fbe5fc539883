"""Dates years away from the fiscal year they belong to: an error that suggests the likely year.

A date a little outside its fiscal year is a warning (a report signed after 30 September, a
measure begun early). One more than ``FAR_YEARS`` fiscal years away is a mistake, most often a
two-digit year that Calc or Excel read as C.E. 19xx (``15 ส.ค. 68`` becomes 1968, B.E. 2511), and it
must not reach a page: the build and the import stop, naming the date and the year meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..problems import Location
from ..thai.dates import (
    FAR_YEARS,
    MONTHS_ABBR,
    MONTHS_ENGLISH,
    ThaiDate,
    be_year,
    fiscal_year_of,
    format_date,
    format_english_date,
    format_month,
    likely_date,
    years_away,
)
from .schema import Validator

_SPREADSHEET_CENTURY = (1900, 2000)
"""C.E. years a spreadsheet gives a two-digit year typed as 30–99 (Calc's and Excel's default window)."""


def check_far(
    dates: Iterable[ThaiDate | dt.date],
    fiscal_year: int,
    where: Location,
    validator: Validator,
    *,
    only_earlier: bool = False,
) -> bool:
    """An error for the first of ``dates`` more than two fiscal years from ``fiscal_year``; True if one
    was found (the caller then skips its own outside-the-year warning). A month (``ม.ค. 2512``) is
    told as a month. ``only_earlier`` for a date that may lie any time later (the last update)."""
    for date in dates:
        month_only = isinstance(date, ThaiDate) and date.day is None
        day = date.first_day if isinstance(date, ThaiDate) else date
        if years_away(day, fiscal_year) <= FAR_YEARS or (only_earlier and fiscal_year_of(day) > fiscal_year):
            continue
        _report(day, month_only, fiscal_year, where, validator)
        return True
    return False


def _thai(day: dt.date, month_only: bool) -> str:
    return format_month(day.year, day.month, abbreviated=True) if month_only else format_date(day, abbreviated=True)


def _english(day: dt.date, month_only: bool) -> str:
    return f"{MONTHS_ENGLISH[day.month - 1]} {be_year(day.year)}" if month_only else format_english_date(day)


def _report(day: dt.date, month_only: bool, fiscal_year: int, where: Location, validator: Validator) -> None:
    own_year = fiscal_year_of(day)
    meant = likely_date(day, fiscal_year)
    guess_th = f" ตั้งใจพิมพ์ {_thai(meant, month_only)} ใช่ไหม?" if meant else ""
    guess_en = f"; did you mean {_english(meant, month_only)}?" if meant else ""
    why_th, why_en = "", ""
    if _SPREADSHEET_CENTURY[0] <= day.year < _SPREADSHEET_CENTURY[1]:
        short = f"{day.year % 100:02}"
        example = f"{MONTHS_ABBR[day.month - 1]} 25{short}" if month_only else f"{day.day}/{day.month}/25{short}"
        why_th = (
            f" (ปีสองหลัก {short} ที่พิมพ์ลงเซลล์วันที่ของ Excel หรือ Calc ถูกอ่านเป็น ค.ศ. {day.year}"
            f" พิมพ์ปี พ.ศ. ให้ครบสี่หลัก เช่น {example})"
        )
        why_en = (
            f" (a two-digit year {short} typed into a date cell of Excel or Calc is read as C.E. {day.year};"
            f" type the B.E. year in four digits, such as {example})"
        )
    validator.error(
        where,
        f"วันที่ {_thai(day, month_only)} อยู่ในปีงบประมาณ {own_year} ห่างจากปีงบประมาณ {fiscal_year}"
        f" เกิน {FAR_YEARS} ปี{guess_th}{why_th}",
        f"the date {_english(day, month_only)} (C.E. {day.isoformat()[: 7 if month_only else 10]}) falls in fiscal year"
        f" {own_year}, more than {FAR_YEARS} years from fiscal year {fiscal_year}{guess_en}{why_en}",
    )
