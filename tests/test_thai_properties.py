"""Property tests for the Thai calendar: B.E./C.E., fiscal years, date text both ways, digits.

Examples pin the edges: leap days of 2000 (leap) and 1900/2100 (not), the turn of the fiscal year
on 1 October, and the B.E. 2400 threshold under which a four-digit year is read as C.E.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from itagen.thai.dates import (
    BE_YEAR_THRESHOLD,
    MONTHS_ABBR,
    MONTHS_FULL,
    DateParseError,
    Digits,
    ThaiDate,
    be_year,
    ce_year,
    fiscal_year_bounds,
    fiscal_year_of,
    format_date,
    format_range,
    format_score,
    parse_thai_date,
    to_arabic_digits,
    to_thai_digits,
    with_digits,
)

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Dates whose B.E. year has four digits and is read back as B.E. (C.E. 1857 = B.E. 2400).
READABLE_DATES = st.dates(min_value=dt.date(BE_YEAR_THRESHOLD - 543, 1, 1), max_value=dt.date(9999 - 543, 12, 31))


def _day(day: dt.date) -> ThaiDate:
    return ThaiDate(day.year, day.month, day.day)


digits_choice: st.SearchStrategy[Digits] = st.sampled_from(["thai", "arabic"])


@given(st.integers(min_value=-10_000, max_value=10_000))
def test_be_and_ce_are_543_years_apart_and_inverse(year: int) -> None:
    assert be_year(year) - year == 543
    assert ce_year(be_year(year)) == year


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(9000, 12, 31)))
@example(dt.date(2024, 9, 30))
@example(dt.date(2024, 10, 1))
@example(dt.date(2000, 2, 29))
def test_every_day_falls_in_exactly_the_fiscal_year_that_contains_it(day: dt.date) -> None:
    fiscal_year = fiscal_year_of(day)
    first, last = fiscal_year_bounds(fiscal_year)
    assert first <= day <= last
    assert (first.month, first.day, last.month, last.day) == (10, 1, 9, 30)
    assert fiscal_year == be_year(last.year)  # named by the year in which it ends
    assert (last - first).days + 1 == (366 if calendar.isleap(last.year) else 365)
    assert fiscal_year_bounds(fiscal_year + 1)[0] == last + dt.timedelta(days=1)


@given(READABLE_DATES, digits_choice, st.booleans())
@example(dt.date(2024, 2, 29), "thai", False)  # 29 ก.พ. 2567
@example(dt.date(2000, 2, 29), "arabic", True)
@example(dt.date(1857, 1, 1), "arabic", False)  # B.E. 2400, the threshold
@example(dt.date(9456, 12, 31), "thai", True)
def test_formatted_dates_parse_back_to_the_same_day(day: dt.date, digits: Digits, abbreviated: bool) -> None:
    text = format_date(day, digits, abbreviated=abbreviated)
    assert parse_thai_date(text) == _day(day)
    months = MONTHS_ABBR if abbreviated else MONTHS_FULL
    assert months[day.month - 1] in text
    assert str(be_year(day.year)) == to_arabic_digits(text.split()[-1])
    if digits == "thai":
        assert not any(c.isascii() and c.isdigit() for c in text)


@given(READABLE_DATES, digits_choice)
def test_iso_and_thai_forms_with_prefixes_agree(day: dt.date, digits: Digits) -> None:
    be = be_year(day.year)
    expected = _day(day)
    forms = [
        f"{be}-{day.month:02d}-{day.day:02d}",
        f"{be}-{day.month}-{day.day}",
        f"วันที่ {day.day} เดือน{MONTHS_FULL[day.month - 1]} พ.ศ. {be}",
        f"  {day.day}   {MONTHS_ABBR[day.month - 1]}  {be} ",
    ]
    for form in forms:
        assert parse_thai_date(with_digits(form, digits)) == expected


@given(st.dates(min_value=dt.date(1857, 1, 1), max_value=dt.date(2399, 12, 31)))
def test_a_ce_year_and_its_be_year_name_the_same_day(day: dt.date) -> None:
    ce_text = f"{day.year}-{day.month:02d}-{day.day:02d}"
    be_text = f"{be_year(day.year)}-{day.month:02d}-{day.day:02d}"
    assert parse_thai_date(ce_text) == parse_thai_date(be_text) == _day(day)


@given(st.integers(min_value=1857, max_value=9456), st.integers(min_value=1, max_value=12), digits_choice)
def test_months_parse_back_and_span_the_whole_month(year: int, month: int, digits: Digits) -> None:
    for abbreviated in (False, True):
        text = ThaiDate(year, month).format(digits, abbreviated=abbreviated)
        parsed = parse_thai_date(text)
        assert parsed == ThaiDate(year, month)
        assert parsed.first_day.day == 1
        assert parsed.last_day.day == calendar.monthrange(year, month)[1]


@given(st.integers(min_value=1857, max_value=9456), st.integers(min_value=1, max_value=12), st.integers(29, 31))
@example(2023, 6, 31)  # seed 004's 31 มิถุนายน
@example(2100, 2, 29)  # not a leap year: divisible by 100
@example(2000, 2, 29)  # a leap year: divisible by 400
def test_days_past_the_end_of_the_month_are_impossible_not_unreadable(year: int, month: int, day: int) -> None:
    text = f"{day} {MONTHS_FULL[month - 1]} {be_year(year)}"
    if day <= calendar.monthrange(year, month)[1]:
        assert parse_thai_date(text) == ThaiDate(year, month, day)
        return
    with pytest.raises(DateParseError) as caught:
        parse_thai_date(text)
    assert caught.value.impossible


@given(st.integers(min_value=2400, max_value=9999), st.integers(1, 12), st.sampled_from([0, 32, 45, 99]))
def test_day_zero_or_past_31_is_not_a_date(year: int, month: int, day: int) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_thai_date(f"{year}-{month:02d}-{day:02d}")
    assert not caught.value.impossible


@given(st.text())
@example("0000-02-30")  # year 0: datetime has no such year (once a traceback)
@example("0000-01")
@example("9999-12")
@example("๐๐๐๐-๐๒-๓๐")
def test_parsing_any_text_either_gives_a_real_date_or_a_date_error(text: str) -> None:
    try:
        parsed = parse_thai_date(text)
    except DateParseError:
        return
    assert parsed.first_day <= parsed.last_day  # a real calendar day, never an exception of datetime


@given(READABLE_DATES, READABLE_DATES, digits_choice)
def test_a_range_names_a_shared_year_once(a: dt.date, b: dt.date, digits: Digits) -> None:
    start, end = sorted((a, b))
    text = to_arabic_digits(format_range(_day(start), _day(end), digits))
    years = {str(be_year(start.year)), str(be_year(end.year))}
    assert all(year in text for year in years)
    if start.year == end.year:
        assert text.count(str(be_year(start.year))) == 1


@given(st.text(alphabet=st.characters(blacklist_characters=THAI_DIGITS)))
def test_arabic_to_thai_digits_and_back_is_lossless(text: str) -> None:
    thai = to_thai_digits(text)
    assert not any(c in "0123456789" for c in thai)
    assert to_arabic_digits(thai) == text


@given(st.text(alphabet=st.characters(blacklist_characters="0123456789")))
def test_thai_to_arabic_digits_and_back_is_lossless(text: str) -> None:
    assert to_thai_digits(to_arabic_digits(text)) == text


@given(st.integers(min_value=0, max_value=10**12), digits_choice)
def test_numbers_survive_either_digits(number: int, digits: Digits) -> None:
    shown = with_digits(str(number), digits)
    assert int(to_arabic_digits(shown)) == number
    assert with_digits(shown, digits) == shown  # idempotent


@given(st.floats(min_value=0, max_value=100, allow_nan=False), digits_choice)
def test_scores_always_have_two_decimals(score: float, digits: Digits) -> None:
    shown = to_arabic_digits(format_score(score, digits))
    assert len(shown.split(".")[1]) == 2
    assert abs(float(shown) - score) <= 0.005 + 1e-9
