"""Dates as offices type them into a spreadsheet: ``30/6/2569`` in the Thai order, a two-digit year,
a month for a period, and the 1968 that Calc and Excel make of ``15 ส.ค. 68``.

A date years away from the fiscal year it belongs to never reaches a page: the import names the
cell, the build names the line, and both suggest the year the office meant.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLES, PROJECT_ROOT, edit_text, page_text, run_build
from openpyxl import Workbook

from itagen.author.json_schema import DATE_PATTERNS
from itagen.author.workbook.cells import cell_value, read_cell
from itagen.author.workbook.layout import ASSESSMENT, MEASURES, PROGRESS, REPORTS, YEARS, Sheet
from itagen.author.workbook.template import empty_workbook
from itagen.load.site import load_site
from itagen.problems import DataError
from itagen.thai.dates import DateParseError, ThaiDate, likely_date, parse_thai_date, split_period, to_arabic_digits

FIXTURE = Path(__file__).parent / "bad_data" / "fixture"


# --- text as typed -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["30/6/2569", "30/06/2569", "30-6-2569", "30.6.2569", "๓๐/๖/๒๕๖๙", " 30 / 6 / 2569 "])
def test_day_month_and_buddhist_year_is_read_in_the_thai_order(typed: str) -> None:
    assert parse_thai_date(typed) == ThaiDate(2026, 6, 30)


def test_the_forms_read_before_still_read_the_same() -> None:
    assert parse_thai_date("15 ส.ค. 2568") == ThaiDate(2025, 8, 15)
    assert parse_thai_date("1 ต.ค. 2567") == ThaiDate(2024, 10, 1)
    assert parse_thai_date("๑๕ สิงหาคม ๒๕๖๘") == ThaiDate(2025, 8, 15)
    assert parse_thai_date("2568-08-15") == parse_thai_date("2025-08-15") == ThaiDate(2025, 8, 15)
    assert parse_thai_date("ก.พ. 2569") == ThaiDate(2026, 2)


@pytest.mark.parametrize(
    "typed",
    [
        "30/6/2025",  # a C.E. year: the spreadsheet may have put the month first
        "6/30/2569",  # the month first
        "30/6-2569",  # two different separators
        "30/6/69",  # a two-digit year in a data file: only the workbook reads it (below)
        "1/2/3/2569",
    ],
)
def test_ambiguous_numeric_dates_are_refused(typed: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_thai_date(typed)
    assert not refused.value.impossible


def test_editors_schemas_accept_the_same_numeric_dates() -> None:
    def accepted(typed: str) -> bool:
        return any(re.search(pattern, typed) for pattern in DATE_PATTERNS)

    assert all(accepted(typed) for typed in ["30/6/2569", "30-06-2569", "30.6.2569", "๓๐/๖/๒๕๖๙"])
    assert not any(accepted(typed) for typed in ["30/6/2025", "30/6/69", "30/6-2569"])


def test_a_day_the_month_lacks_is_impossible_and_corrected_with_a_warning(tmp_path: Path) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_thai_date("31/6/2569")
    assert refused.value.impossible
    data = _fixture(tmp_path, ("date: 2568-03-20", "date: 31/6/2568"))
    loaded = load_site(data)
    report = loaded.site.years[0].progress_reports[0]
    assert report.items[0].date == ThaiDate(2025, 6, 30)
    assert any("31/6/2568" in w.english and "2025-06-30 was used" in w.english for w in loaded.warnings)


def test_ranges_of_numeric_dates_split_into_their_ends() -> None:
    assert split_period("1/10/2568 - 30/9/2569") == ("1/10/2568", "30/9/2569")
    assert split_period("1/10/2568–30/9/2569") == ("1/10/2568", "30/9/2569")
    assert split_period("30-6-2569") is None  # one day, not a range


def test_the_workbook_reads_a_two_digit_year_as_buddhist_era() -> None:
    date = MEASURES.column("period")
    assert read_cell(date, "30/6/69") == "30/6/2569"
    assert read_cell(REPORTS.column("date"), "๓๐/๖/๖๙") == "2569-06-30"
    assert read_cell(REPORTS.column("date"), "30-6-69") == "2569-06-30"
    assert read_cell(REPORTS.column("date"), "30/6/2569") == "2569-06-30"
    assert read_cell(date, "1/10/68 - 30/9/69") == "1/10/2568 - 30/9/2569"


# --- date cells ----------------------------------------------------------------------------


def _sheet_cell(value: Any, number_format: str) -> Any:
    cell = Workbook().active.cell(1, 1, value)  # type: ignore[union-attr]
    cell.number_format = number_format
    return cell


@pytest.mark.parametrize(
    ("value", "number_format", "month"),
    [
        (dt.datetime(2569, 2, 1), "mmm yyyy", ThaiDate(2026, 2)),  # Calc: ก.พ. 2569 keeps 2569 as its C.E. year
        (dt.datetime(1969, 1, 1), "[$-41E]mmm\\ yy", ThaiDate(1969, 1)),  # ม.ค. 69
        (dt.datetime(2026, 2, 1), '[$-D07041E]mmmm "พ.ศ." bbbb;@', ThaiDate(2026, 2)),  # Excel's Buddhist calendar
    ],
)
def test_a_date_cell_shown_without_its_day_is_a_month(value: dt.datetime, number_format: str, month: ThaiDate) -> None:
    assert cell_value(_sheet_cell(value, number_format)) == month


@pytest.mark.parametrize("number_format", ["dd/mm/yy", "d mmm yyyy", "yyyy-mm-dd h:mm:ss", '[$-41E]d"/"m"/"yy'])
def test_a_date_cell_shown_with_its_day_is_the_date_it_holds(number_format: str) -> None:
    held = dt.datetime(1968, 8, 15)
    assert cell_value(_sheet_cell(held, number_format)) == held
    assert read_cell(ASSESSMENT.column("announced"), held) == "2511-08-15"  # read as held; the checks refuse it


def test_the_likely_year_of_a_date_years_away() -> None:
    assert likely_date(dt.date(1968, 8, 15), 2569) == dt.date(2025, 8, 15)  # typed 68 meaning 2568
    assert likely_date(dt.date(1969, 1, 5), 2569) == dt.date(2026, 1, 5)
    assert likely_date(dt.date(1983, 6, 30), 2569) == dt.date(2026, 6, 30)  # text 26 read as 2526, meaning 2026
    assert likely_date(dt.date(2015, 12, 1), 2569) == dt.date(2025, 12, 1)  # a typo: the same day in the year


# --- the build -----------------------------------------------------------------------------


def _fixture(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    year = data / "years" / "2568.yml"
    text = year.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    year.write_text(text, encoding="utf-8")
    return data


def test_a_1968_date_in_a_year_file_stops_the_build_with_the_year_meant(tmp_path: Path) -> None:
    data = _fixture(
        tmp_path,
        ("period: {start: 2567-11, end: 2568-03}", "period: 2511-08-15"),
        ("announced: 2567-08-16", "announced: 2510-08-16"),
        ("date: 2568-04-03", "date: 2512-01"),
    )
    result = run_build(data, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert not (tmp_path / "site").exists()
    period = output[output.index("data/years/2568.yml, บรรทัด/line 39, ช่อง/field 'measures.items[1].period'") :]
    assert "วันที่ 15 ส.ค. 2511 อยู่ในปีงบประมาณ 2511 ห่างจากปีงบประมาณ 2568 เกิน 2 ปี" in period
    assert "ตั้งใจพิมพ์ 15 ส.ค. 2568 ใช่ไหม?" in period and "did you mean 15 Aug 2568?" in period
    assert "C.E. 1968" in period
    announced = output[output.index("บรรทัด/line 8, ช่อง/field 'assessment.announced'") :]
    assert "ตั้งใจพิมพ์ 16 ส.ค. 2567 ใช่ไหม?" in announced and "more than 2 years from fiscal year 2567" in announced
    report = output[output.index("บรรทัด/line 48, ช่อง/field 'progress_reports[1].date'") :]
    assert "ตั้งใจพิมพ์ ม.ค. 2569 ใช่ไหม?" in report and "did you mean Jan 2569?" in report


def test_a_date_within_two_years_stays_a_warning_and_a_late_update_is_fine(tmp_path: Path) -> None:
    data = _fixture(
        tmp_path,
        ("date: 2568-04-03", "date: 2566-08-15"),  # fiscal year 2566: two years before 2568
        ("updated: 2568-06-30", "updated: 2575-06-30"),
    )
    loaded = load_site(data)
    assert any("lies outside fiscal year 2568" in w.english for w in loaded.warnings)
    data = _fixture(tmp_path / "early", ("updated: 2568-06-30", "updated: 2511-06-30"))
    result = run_build(data, tmp_path / "site", strict=False)
    assert result.returncode != 0
    assert "ช่อง/field 'updated'" in result.stderr and "did you mean 30 Jun 2568?" in result.stderr


def test_a_survey_date_years_away_is_an_error_naming_its_field(data_copy: Path) -> None:
    edit_text(data_copy / "years/2569.yml", "  opens: 5 มกราคม 2569", "  opens: 5/1/2512")
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    report = caught.value.report(data_copy)
    assert "data/years/2569.yml, บรรทัด/line 91, ช่อง/field 'surveys.opens'" in report
    assert "ตั้งใจพิมพ์ 5 ม.ค. 2569 ใช่ไหม?" in report and "did you mean 5 Jan 2569?" in report
    assert "before the opening day" not in report  # the year is the mistake, not the order


def test_a_document_dated_years_from_its_fiscal_year_is_an_error(data_copy: Path) -> None:
    edit_text(
        data_copy / "documents.yml",
        "  date: 2568-11-15\n  fiscal_year: 2568",
        "  date: 2511-11-15\n  fiscal_year: 2568",
    )
    with pytest.raises(DataError) as caught:
        load_site(data_copy)
    report = caught.value.report(data_copy)
    assert "data/documents.yml, บรรทัด/line 24, ช่อง/field '[4].date'" in report
    assert "ตั้งใจพิมพ์ 15 พ.ย. 2568 ใช่ไหม?" in report and "did you mean 15 Nov 2568?" in report


# --- the import ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CalcCell:
    """A cell as LibreOffice Calc made it from what was typed: its value and its number format."""

    value: Any
    number_format: str


TYPED = ["15 ส.ค. 68", "5 ม.ค. 69", "ม.ค. 69", "ก.พ. 2569", "30/6/2569"]


@pytest.fixture(scope="module")
def typed_in_calc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CalcCell]:
    """``TYPED`` read by the real Calc in the Thai locale (its CSV import recognises dates as typing
    into a cell does), saved as .xlsx: the date cells an office's workbook holds."""
    folder = tmp_path_factory.mktemp("calc")
    typed = folder / "typed.csv"
    typed.write_text("\n".join(TYPED) + "\n", encoding="utf-8")
    thai_locale, detect_dates = "1054", "true"  # CSV filter: UTF-8 (76), language th-TH, special numbers
    options = f"CSV:44,34,76,1,,{thai_locale},false,{detect_dates}"
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"  # apart from any other soffice
    command = ["soffice", profile, "--headless", f"--infilter={options}", "--convert-to", "xlsx"]
    subprocess.run([*command, "--outdir", str(folder), str(typed)], check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(folder / "typed.xlsx").active
    assert sheet is not None
    return {
        text: CalcCell(row[0].value, row[0].number_format) for text, row in zip(TYPED, sheet.iter_rows(), strict=True)
    }


def test_calc_makes_1968_and_the_first_of_the_month_of_what_an_office_types(typed_in_calc: dict[str, CalcCell]) -> None:
    held = {text: cell.value for text, cell in typed_in_calc.items()}
    assert held == {
        "15 ส.ค. 68": dt.datetime(1968, 8, 15),
        "5 ม.ค. 69": dt.datetime(1969, 1, 5),
        "ม.ค. 69": dt.datetime(1969, 1, 1),
        "ก.พ. 2569": dt.datetime(2569, 2, 1),  # the B.E. year kept as a C.E. one, the month as its 1st
        "30/6/2569": dt.datetime(2569, 6, 30),
    }


def test_a_period_date_cell_on_the_first_is_its_month_and_a_date_cell_keeps_its_day() -> None:
    first, fifteenth = dt.datetime(2569, 2, 1), dt.datetime(2569, 2, 15)
    assert read_cell(MEASURES.column("period"), first) == read_cell(PROGRESS.column("period"), first) == "2569-02"
    assert read_cell(MEASURES.column("period"), fifteenth) == "2569-02-15"
    assert read_cell(REPORTS.column("date"), first) == "2569-02-01"


def _fill(book: Workbook, sheet: Sheet, rows: list[dict[str, Any]]) -> None:
    worksheet = book[sheet.name]
    for number, values in enumerate(rows, start=3):
        for key, value in values.items():
            if isinstance(value, CalcCell):
                cell = worksheet.cell(number, sheet.index(key) + 1, value.value)
                cell.number_format = value.number_format
            else:
                worksheet.cell(number, sheet.index(key) + 1, value)


def _import(workbook: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLES / "thetsaban-rae", data)
    shutil.rmtree(data / "years")
    command = [
        sys.executable,
        str(PROJECT_ROOT / "hooks" / "import_xlsx.py"),
        "--xlsx",
        str(workbook),
        "--data",
        str(data),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False, timeout=300)
    return result, data


def _cell(sheet: Sheet, key: str) -> str:
    return f"แผ่นงาน/sheet '{sheet.name}', แถว/row 3, คอลัมน์/column {sheet.letter(key)}"


def test_1968_date_cells_are_refused_at_import_by_cell_with_the_year_meant(
    tmp_path: Path, typed_in_calc: dict[str, CalcCell]
) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2569, "updated": "1 ต.ค. 2568"}])
    _fill(book, ASSESSMENT, [{"fiscal_year": 2569, "ita_year": 2568, "announced": typed_in_calc["15 ส.ค. 68"]}])
    measure = {"fiscal_year": 2569, "title": "มาตรการ", "responsible": "สำนักปลัด", "period": typed_in_calc["ม.ค. 69"]}
    _fill(book, MEASURES, [measure])
    _fill(book, REPORTS, [{"fiscal_year": 2569, "round": "รอบ 6 เดือน", "date": typed_in_calc["5 ม.ค. 69"]}])
    workbook = tmp_path / "typed.xlsx"
    book.save(workbook)
    result, data = _import(workbook, tmp_path)
    errors = result.stderr
    assert result.returncode == 1 and "Traceback" not in errors
    announced = errors[errors.index(_cell(ASSESSMENT, "announced")) :]
    assert "ตั้งใจพิมพ์ 15 ส.ค. 2568 ใช่ไหม?" in announced and "did you mean 15 Aug 2568?" in announced
    period = errors[errors.index(_cell(MEASURES, "period")) :]
    assert "วันที่ ม.ค. 2512" in period and "ตั้งใจพิมพ์ ม.ค. 2569 ใช่ไหม?" in period
    assert "did you mean Jan 2569?" in period
    report = errors[errors.index(_cell(REPORTS, "date")) :]
    assert "ตั้งใจพิมพ์ 5 ม.ค. 2569 ใช่ไหม?" in report and "did you mean 5 Jan 2569?" in report
    assert not (data / "years").exists()


def test_dates_typed_the_thai_way_import_and_a_month_stays_a_month_on_the_page(
    tmp_path: Path, typed_in_calc: dict[str, CalcCell]
) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2569, "updated": typed_in_calc["30/6/2569"]}])
    _fill(book, ASSESSMENT, [{"fiscal_year": 2569, "ita_year": 2568, "announced": "15/8/68"}])
    measures = [
        {
            "fiscal_year": 2569,
            "title": "มาตรการเดือนเดียว",
            "responsible": "สำนักปลัด",
            "period": typed_in_calc["ก.พ. 2569"],
        },
        {"title": "มาตรการพิมพ์เป็นข้อความ", "responsible": "กองคลัง", "period": "มี.ค. 2569"},
        {"title": "มาตรการทั้งปี", "responsible": "กองคลัง", "period": "1/10/68 - 30/9/69"},
    ]
    _fill(book, MEASURES, measures)
    _fill(book, REPORTS, [{"fiscal_year": 2569, "round": "รอบ 6 เดือน", "date": "31.3.2569"}])  # typed as text
    progress = {"fiscal_year": 2569, "round": "รอบ 6 เดือน", "measure": "1", "status": "ดำเนินการแล้ว"}
    _fill(book, PROGRESS, [progress | {"actions": "ประชุมแล้ว", "period": "ม.ค. 69", "date": "๓๐/๖/๖๙"}])
    workbook = tmp_path / "typed.xlsx"
    book.save(workbook)
    result, data = _import(workbook, tmp_path)
    assert result.returncode == 0, result.stderr
    text = (data / "years" / "2569.yml").read_text(encoding="utf-8")
    assert "period: 2569-02\n" in text and "2569-02-01" not in text
    year = load_site(data).site.years[0]
    assert year.updated == ThaiDate(2026, 6, 30)
    assert year.assessment is not None and year.assessment.announced == ThaiDate(2025, 8, 15)
    assert year.progress_reports[0].date == ThaiDate(2026, 3, 31)
    item = year.progress_reports[0].items[0]
    assert item.period is not None and (item.period.start, item.period.end) == (ThaiDate(2026, 1), None)
    assert item.date == ThaiDate(2026, 6, 30)
    assert year.measures is not None
    periods = [measure.period for measure in year.measures.items]
    assert [(p.start, p.end) for p in periods if p is not None] == [
        (ThaiDate(2026, 2), None),
        (ThaiDate(2026, 3), None),
        (ThaiDate(2025, 10, 1), ThaiDate(2026, 9, 30)),
    ]
    build = run_build(data, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.stdout + build.stderr
    page = to_arabic_digits(page_text(tmp_path / "site", "ita/2569/measures/index.html"))  # the site prints Thai digits
    assert "ระยะเวลาดำเนินการ: กุมภาพันธ์ 2569" in page and "1 กุมภาพันธ์" not in page
    assert "ระยะเวลาดำเนินการ: มีนาคม 2569" in page and "1 ต.ค. 2568 – 30 ก.ย. 2569" in page
