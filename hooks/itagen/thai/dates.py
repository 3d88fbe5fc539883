"""Thai calendar and number conventions: Buddhist-Era years, fiscal years, dates, digits.

Everything here is pure and locale-free (Python's locale support for Thai varies by machine),
so a page built on Windows reads the same as one built on Linux.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

BE_OFFSET = 543
"""B.E. = C.E. + 543 (ปีพุทธศักราช)."""

Digits = Literal["thai", "arabic"]

MONTHS_FULL = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

MONTHS_ENGLISH = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""For the English half of a message: ``did you mean 15 Aug 2568?``."""

_ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# A year this large can only be Buddhist Era: C.E. 2400 is centuries away, and B.E. 2400 was 1857.
BE_YEAR_THRESHOLD = 2400


def to_thai_digits(text: str) -> str:
    return text.translate(_ARABIC_TO_THAI)


def to_arabic_digits(text: str) -> str:
    return text.translate(_THAI_TO_ARABIC)


def with_digits(text: str, digits: Digits) -> str:
    """Render the digits of ``text`` in the site's chosen script."""
    return to_thai_digits(text) if digits == "thai" else to_arabic_digits(text)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The B.E. fiscal year containing ``day``: October starts the next year's budget."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of a B.E. fiscal year (1 October to 30 September)."""
    end_ce = ce_year(fiscal_year_be)
    return dt.date(end_ce - 1, 10, 1), dt.date(end_ce, 9, 30)


FAR_YEARS = 2
"""A date whose fiscal year is more than this many years from the fiscal year it belongs to is a
mistake, not a late entry: most often a two-digit year that a spreadsheet read as C.E. 19xx."""


def years_away(day: dt.date, fiscal_year_be: int) -> int:
    """How many fiscal years ``day`` lies from ``fiscal_year_be`` (0 inside it)."""
    return abs(fiscal_year_of(day) - fiscal_year_be)


def likely_date(day: dt.date, fiscal_year_be: int) -> dt.date | None:
    """The day an office most likely meant when ``day`` lies years away from ``fiscal_year_be``.

    Calc and Excel read ``15 ส.ค. 68`` as C.E. 1968 (B.E. 2511): the office meant B.E. 2568. A text
    year ``26`` read as B.E. 2526 may be C.E. 2026 (B.E. 2569). Failing both, the same day and month
    in the fiscal year itself. None only for a 29 February no candidate year has.
    """
    candidate_years = (
        ce_year(2500 + day.year % 100),
        2000 + be_year(day.year) % 100,
        ce_year(fiscal_year_be) - (1 if day.month >= 10 else 0),
    )
    for year in candidate_years:
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if years_away(candidate, fiscal_year_be) <= FAR_YEARS:
            return candidate
    return None


def format_english_date(day: dt.date) -> str:
    """``15 Aug 2568``: the B.E. year, as the office would type it, for the English half of a message."""
    return f"{day.day} {MONTHS_ENGLISH[day.month - 1]} {be_year(day.year)}"


def format_score(score: float, digits: Digits = "arabic") -> str:
    """Scores are always published with two decimals (100 → 100.00)."""
    return with_digits(f"{score:.2f}", digits)


def format_number(value: int, digits: Digits = "arabic") -> str:
    return with_digits(str(value), digits)


def format_date(day: dt.date, digits: Digits = "arabic", *, abbreviated: bool = False) -> str:
    """``15 สิงหาคม 2568`` or, abbreviated, ``15 ส.ค. 2568``."""
    month = (MONTHS_ABBR if abbreviated else MONTHS_FULL)[day.month - 1]
    return with_digits(f"{day.day} {month} {be_year(day.year)}", digits)


def format_month(year_ce: int, month: int, digits: Digits = "arabic", *, abbreviated: bool = False) -> str:
    name = (MONTHS_ABBR if abbreviated else MONTHS_FULL)[month - 1]
    return with_digits(f"{name} {be_year(year_ce)}", digits)


@dataclass(frozen=True)
class ThaiDate:
    """A date as a document gives it: to the day, or only to the month (``ม.ค. 2565``)."""

    year: int  # C.E.
    month: int
    day: int | None = None

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def format(self, digits: Digits = "arabic", *, abbreviated: bool = False) -> str:
        if self.day is None:
            return format_month(self.year, self.month, digits, abbreviated=abbreviated)
        return format_date(self.first_day, digits, abbreviated=abbreviated)


def format_range(start: ThaiDate, end: ThaiDate, digits: Digits = "arabic", *, abbreviated: bool = True) -> str:
    """A date range without repeating the shared year: ``ม.ค. – เม.ย. 2565``, ``1 ต.ค. 2567 – 28 ก.พ. 2568``."""
    end_text = end.format(digits, abbreviated=abbreviated)
    if start.year == end.year:
        months = MONTHS_ABBR if abbreviated else MONTHS_FULL
        start_text = months[start.month - 1]
        if start.day is not None:
            start_text = f"{start.day} {start_text}"
        start_text = with_digits(start_text, digits)
    else:
        start_text = start.format(digits, abbreviated=abbreviated)
    return f"{start_text} – {end_text}"


def format_whole_fiscal_year(fiscal_year_be: int, digits: Digits = "arabic") -> str:
    return with_digits(f"ตลอดปีงบประมาณ พ.ศ. {fiscal_year_be}", digits)


# --- Parsing -------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$")
"""``30/6/2569``, ``30-06-2569``, ``30.6.2569``: the Thai order, day first, read only with a B.E. year.
A C.E. year in this form may come from a spreadsheet that puts the month first (6/30/2025), so it
is refused rather than guessed."""
_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS_FULL)} | {name: i + 1 for i, name in enumerate(MONTHS_ABBR)}
# Longest names first so that "มิ.ย." is not read as a shorter name that prefixes it.
_MONTH_PATTERN = "|".join(re.escape(name) for name in sorted(_MONTH_NAMES, key=len, reverse=True))
_THAI_TEXT_DATE = re.compile(
    rf"^(?:วันที่\s*)?(?:(\d{{1,2}})\s*)?(?:เดือน\s*)?({_MONTH_PATTERN})\s*(?:พ\.ศ\.\s*)?(\d{{4}})$"
)


class DateParseError(ValueError):
    """The text is not a date in any accepted form, or names a day that does not exist."""

    def __init__(self, text: str, *, impossible: bool = False) -> None:
        super().__init__(text)
        self.text = text
        self.impossible = impossible


def _year_to_ce(year: int) -> int:
    return ce_year(year) if year >= BE_YEAR_THRESHOLD else year


def parse_thai_date(text: str) -> ThaiDate:
    """Parse the date forms a webmaster writes.

    ``2568-08-15`` (B.E.) and ``2025-08-15`` (C.E.) are the same day; ``2565-01`` is a month;
    ``15 สิงหาคม 2568``, ``15 ส.ค. 2568``, ``วันที่ 3 เดือนมกราคม พ.ศ. 2566`` and ``30/6/2569`` (day,
    month, B.E. year; also with ``-`` or ``.``) are read too, with Thai or Arabic digits. A day that
    does not exist (31 June) raises with ``impossible``.
    """
    cleaned = " ".join(to_arabic_digits(text).split())
    year: int
    day: int | None
    if match := _ISO_DAY.match(cleaned):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _ISO_MONTH.match(cleaned):
        year, month, day = int(match[1]), int(match[2]), None
    elif (match := _DAY_MONTH_YEAR.match(cleaned)) and int(match[4]) >= BE_YEAR_THRESHOLD:
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _THAI_TEXT_DATE.match(cleaned):
        day = int(match[1]) if match[1] else None
        month = _MONTH_NAMES[match[2]]
        year = int(match[3])
    else:
        raise DateParseError(text)
    # Month 13, day 0 or day 45 are not dates at all; only a day 29–31 that the month lacks is "impossible".
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        raise DateParseError(text)
    if not dt.MINYEAR <= _year_to_ce(year) < dt.MAXYEAR:  # year 0000: Python has no calendar for it
        raise DateParseError(text)
    parsed = ThaiDate(_year_to_ce(year), month, day)
    if day is not None:
        try:
            dt.date(parsed.year, month, day)
        except ValueError:
            raise DateParseError(text, impossible=True) from None
    return parsed


def last_day_of_month(year_ce: int, month: int) -> int:
    return ThaiDate(year_ce, month).last_day.day


# --- Periods as documents print them ---------------------------------------------------------

_WHOLE_YEAR = re.compile(
    r"^(?:ตลอด(?:ปี)?(?:งบประมาณ)?|whole[ _]fiscal[ _]year)(?:\s*(?:พ\.ศ\.)?\s*(\d{4}))?$", re.IGNORECASE
)
_RANGE_WORDS = re.compile(r"\s*(?:–|—|ถึง|\s-\s)\s*")
_HAS_YEAR = re.compile(r"\d{4}")
_START_WORD = re.compile(r"^(?:ตั้งแต่|ระหว่าง)\s*")


def whole_fiscal_year(text: str) -> tuple[bool, int | None]:
    """``ตลอดปีงบประมาณ`` → (True, None); ``ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙`` → (True, 2569); else (False, None)."""
    match = _WHOLE_YEAR.match(" ".join(to_arabic_digits(text).split()))
    if match is None:
        return False, None
    return True, int(match[1]) if match[1] else None


def split_period(text: str) -> tuple[str, str] | None:
    """The two ends of a range as dates ``parse_thai_date`` reads, or None when ``text`` is not a range.

    ``ม.ค. – เม.ย. 2565``, ``๑ ต.ค. ๒๕๖๗ – ๒๘ ก.พ. ๒๕๖๘``, ``ต.ค. 2567 - ก.ย. 2568``, ``ม.ค.-มี.ค. 2568``,
    ``ตั้งแต่ ม.ค. 2568 ถึง มี.ค. 2568``: an end with its year lends it to a start without one, a year
    earlier when the start's month comes later in the calendar (``ต.ค. – มี.ค. 2568`` begins in 2567).
    """
    cleaned = _START_WORD.sub("", " ".join(to_arabic_digits(text).split()))
    parts = _RANGE_WORDS.split(cleaned)
    if len(parts) != 2:
        # A bare hyphen also separates dates (ม.ค.-มี.ค. 2568), but ISO dates hold hyphens too:
        # take the one split where both sides read as dates.
        halves = [(cleaned[:i], cleaned[i + 1 :]) for i, c in enumerate(cleaned) if c == "-"]
        found = [pair for pair in halves if _ends_of(*pair) is not None]
        return _ends_of(*found[0]) if len(found) == 1 else None
    return _ends_of(parts[0], parts[1])


def _ends_of(start: str, end: str) -> tuple[str, str] | None:
    start, end = start.strip(), end.strip()
    if not start or not end or not _HAS_YEAR.search(end):
        return None
    try:
        last = parse_thai_date(end)
    except DateParseError as error:
        if not error.impossible:
            return None
        last = ThaiDate(_year_to_ce(int(_HAS_YEAR.findall(end)[-1])), 1)
    if _HAS_YEAR.search(start):
        return (start, end) if _reads_as_date(start) else None
    if re.fullmatch(r"\d{1,2}", start):  # 1-15 ม.ค. 2568: days of the end's month
        start = f"{start} {MONTHS_FULL[last.month - 1]}"
    year = be_year(last.year)
    start_month = _MONTH_IN.search(start)
    if start_month is not None and _MONTH_NAMES[start_month[0]] > last.month:
        year -= 1
    with_year = f"{start} {year}"
    return (with_year, end) if _reads_as_date(with_year) else None


_MONTH_IN = re.compile(_MONTH_PATTERN)


def _reads_as_date(text: str) -> bool:
    try:
        parse_thai_date(text)
    except DateParseError as error:
        return error.impossible  # a date all the same: the validator warns about the day
    return True
