"""Thai calendar conventions: examples taken from the seed documents."""

from __future__ import annotations

import datetime as dt

import pytest

from itagen.thai.dates import (
    DateParseError,
    ThaiDate,
    fiscal_year_bounds,
    fiscal_year_of,
    format_date,
    format_range,
    format_score,
    format_whole_fiscal_year,
    parse_thai_date,
    split_period,
    whole_fiscal_year,
)


def test_fiscal_year_runs_october_to_september() -> None:
    assert fiscal_year_of(dt.date(2024, 10, 1)) == 2568
    assert fiscal_year_of(dt.date(2025, 9, 30)) == 2568
    assert fiscal_year_bounds(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))


def test_scores_have_two_decimals_in_either_digits() -> None:
    assert format_score(100) == "100.00"
    assert format_score(90.79, "thai") == "๙๐.๗๙"


def test_dates_full_and_abbreviated() -> None:
    day = dt.date(2025, 8, 15)
    assert format_date(day) == "15 สิงหาคม 2568"
    assert format_date(day, "thai", abbreviated=True) == "๑๕ ส.ค. ๒๕๖๘"


def test_ranges_share_the_year_when_they_can() -> None:
    assert format_range(ThaiDate(2022, 1), ThaiDate(2022, 4), "thai") == "ม.ค. – เม.ย. ๒๕๖๕"
    assert format_range(ThaiDate(2024, 10, 1), ThaiDate(2025, 2, 28), "thai") == "๑ ต.ค. ๒๕๖๗ – ๒๘ ก.พ. ๒๕๖๘"
    assert format_whole_fiscal_year(2569) == "ตลอดปีงบประมาณ พ.ศ. 2569"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2568-08-15", ThaiDate(2025, 8, 15)),
        ("2025-08-15", ThaiDate(2025, 8, 15)),
        ("15 สิงหาคม 2568", ThaiDate(2025, 8, 15)),
        ("๑๕ ส.ค. ๒๕๖๘", ThaiDate(2025, 8, 15)),
        ("วันที่ 3 เดือนมกราคม พ.ศ. 2566", ThaiDate(2023, 1, 3)),
        ("2565-01", ThaiDate(2022, 1)),
        ("มิ.ย. 2566", ThaiDate(2023, 6)),
    ],
)
def test_parse_the_forms_webmasters_write(text: str, expected: ThaiDate) -> None:
    assert parse_thai_date(text) == expected


def test_impossible_day_is_reported_as_such() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_thai_date("31 มิถุนายน 2566")
    assert caught.value.impossible


@pytest.mark.parametrize("text", ["เมื่อวาน", "2568/08/15", "2568-13-01", "15 Augustus 2568"])
def test_not_a_date(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_thai_date(text)
    assert not caught.value.impossible


def test_heading_anchors_keep_thai_vowel_marks() -> None:
    from itagen.thai.slugs import thai_slugify

    assert thai_slugify("ปีงบประมาณ พ.ศ. 2568", "-") == "ปีงบประมาณ-พศ-2568"
    assert thai_slugify("เกี่ยวกับการประเมิน <em>ITA</em>", "-") == "เกี่ยวกับการประเมิน-ita"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("ม.ค. – เม.ย. 2565", ThaiDate(2022, 1), ThaiDate(2022, 4)),  # seed 000's form
        ("ม.ค. – มิ.ย. ๒๕๖๗", ThaiDate(2024, 1), ThaiDate(2024, 6)),
        ("๑ ต.ค. ๒๕๖๗ – ๒๘ ก.พ. ๒๕๖๘", ThaiDate(2024, 10, 1), ThaiDate(2025, 2, 28)),
        ("ต.ค. 2567 - ก.ย. 2568", ThaiDate(2024, 10), ThaiDate(2025, 9)),
        ("ต.ค. – มี.ค. 2568", ThaiDate(2024, 10), ThaiDate(2025, 3)),  # October lies in the year before
        ("ม.ค.-มี.ค. 2568", ThaiDate(2025, 1), ThaiDate(2025, 3)),
        ("ตั้งแต่ มกราคม 2568 ถึง มีนาคม 2568", ThaiDate(2025, 1), ThaiDate(2025, 3)),
        ("1-15 ม.ค. 2568", ThaiDate(2025, 1, 1), ThaiDate(2025, 1, 15)),
        ("2567-10-01 - 2568-03-31", ThaiDate(2024, 10, 1), ThaiDate(2025, 3, 31)),
    ],
)
def test_periods_as_documents_print_them(text: str, start: ThaiDate, end: ThaiDate) -> None:
    ends = split_period(text)
    assert ends is not None
    assert (parse_thai_date(ends[0]), parse_thai_date(ends[1])) == (start, end)


@pytest.mark.parametrize("text", ["2567-10", "2567-10-01", "15 ม.ค. 2568", "ไตรมาสแรก", "ม.ค. – เม.ย.", "ก - ข"])
def test_a_single_date_or_nonsense_is_not_a_range(text: str) -> None:
    assert split_period(text) is None


def test_whole_fiscal_year_with_or_without_its_year() -> None:
    assert whole_fiscal_year("ตลอดปีงบประมาณ") == (True, None)
    assert whole_fiscal_year("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙") == (True, 2569)
    assert whole_fiscal_year("ตลอดปีงบประมาณ 2569") == (True, 2569)
    assert whole_fiscal_year("ทั้งปี 2569") == (False, None)
