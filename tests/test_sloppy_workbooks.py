"""Workbooks as they come back from offices: what the import would have lost or got wrong is read
right or refused naming the cell, and every refusal says its cause in Thai and English."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_workbook_import import _data_without_years, _fill, _seed_workbook
from workbook_support import ImportRun, run_import, snapshot

from itagen.author.workbook.layout import MEASURES, OIT_EVIDENCE, PROGRESS, REPORTS, YEARS
from itagen.author.workbook.template import empty_workbook
from itagen.load.site import load_site


def _refused(result: ImportRun, *reasons: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for reason in reasons:
        assert reason in result.stderr, result.stderr


def _measures_workbook(path: Path, measures: list[dict[str, object]], merges: list[tuple[str, int, int]]) -> Path:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": "1 ต.ค. 2564"}])
    _fill(book, MEASURES, measures, merges)
    book.save(path)
    return path


def test_cached_formula_errors_are_refused_at_their_cells(tmp_path: Path) -> None:
    plain = _measures_workbook(
        tmp_path / "plain.xlsx",
        [{"fiscal_year": 2565, "title": "#N/A", "responsible": "#REF!", "steps": "ขั้นตอน"}],
        [],
    )
    # As Excel saves a formula that failed: the formula and its error, kept as the cell's value.
    workbook = tmp_path / "errors.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(workbook, "w") as target:
        for part in source.infolist():
            content = source.read(part)
            content = re.sub(rb'(<c r="[A-Z]+3"[^>]*t="e"[^>]*>)(<v>)', rb"\1<f>VLOOKUP(A3,Z:Z,2,0)</f>\2", content)
            target.writestr(part, content)
    with zipfile.ZipFile(workbook) as check:
        assert sum(check.read(name).count(b"<f>VLOOKUP") for name in check.namelist()) == 2
    data = _data_without_years(tmp_path)
    result = run_import(workbook, data)
    for key, error in (("title", "#N/A"), ("responsible", "#REF!")):
        cell = f"แผ่นงาน/sheet '{MEASURES.name}', แถว/row 3, คอลัมน์/column {MEASURES.letter(key)}"
        _refused(result, cell, f"this cell holds the formula error {error}, not data", f"ค่าผิดพลาดของสูตร {error}")
    assert not (data / "years").exists()


def test_a_renamed_header_is_refused_naming_its_cell_and_the_header_expected(tmp_path: Path) -> None:
    workbook = tmp_path / "renamed-header.xlsx"
    measures = [{"fiscal_year": 2565, "title": "มาตรการ", "responsible": "สำนักปลัด"}]
    _measures_workbook(workbook, measures, [])
    book = openpyxl.load_workbook(workbook)
    column = MEASURES.index("responsible") + 1
    book[MEASURES.name].cell(1, column).value = "หน่วยงานที่รับผิดชอบ"
    book[MEASURES.name].cell(2, column).value = "unit"
    book.save(workbook)
    result = run_import(workbook, _data_without_years(tmp_path))
    letter = MEASURES.letter("responsible")
    _refused(
        result,
        f"แผ่นงาน/sheet '{MEASURES.name}', แถว/row 1, คอลัมน์/column {letter}",
        "the header 'หน่วยงานที่รับผิดชอบ' / 'unit' is not the template's, so this column would not be read",
        "the header expected: 'ผู้รับผิดชอบ' (responsible)",
        "หัวคอลัมน์ที่ควรเป็น: 'ผู้รับผิดชอบ'",
    )


def test_a_unit_merged_down_across_two_measures_is_each_ones(tmp_path: Path) -> None:
    measures: list[dict[str, object]] = [
        {"fiscal_year": 2565, "title": "มาตรการแรก", "steps": "ขั้นแรก", "responsible": "กองคลัง", "period": "ตลอดปี 2565"},
        {"steps": "ขั้นที่สอง"},
        {"title": "มาตรการที่สอง", "steps": "ขั้นเดียว"},
    ]
    workbook = _measures_workbook(tmp_path / "merged.xlsx", measures, [("responsible", 3, 5), ("period", 3, 5)])
    data = _data_without_years(tmp_path)
    result = run_import(workbook, data)
    assert result.returncode == 0, result.stderr
    year = load_site(data).site.years[0]
    assert year.measures is not None
    first, second = year.measures.items
    assert first.steps == ["ขั้นแรก", "ขั้นที่สอง"] and second.steps == ["ขั้นเดียว"]
    assert first.responsible == second.responsible == ["กองคลัง"]
    assert first.period == second.period and first.period is not None


def test_two_tabs_that_differ_by_a_trailing_space_are_refused_naming_both(tmp_path: Path) -> None:
    workbook = tmp_path / "tabs.xlsx"
    _measures_workbook(workbook, [{"fiscal_year": 2565, "title": "มาตรการแรก"}], [])
    book = openpyxl.load_workbook(workbook)
    copy = book.copy_worksheet(book[MEASURES.name])
    copy.title = f"{MEASURES.name} "
    copy["C3"] = "มาตรการในแผ่นที่สอง"
    book.save(workbook)
    result = run_import(workbook, _data_without_years(tmp_path))
    _refused(
        result,
        f"two sheets have names that look the same: '{MEASURES.name}' and '{MEASURES.name} '",
        "มีแผ่นงานสองแผ่นที่ชื่อดูเหมือนกัน",
    )


def test_a_password_protected_workbook_is_named_so_with_how_to_remove_the_password(tmp_path: Path) -> None:
    # The start of an OLE file as Excel writes a .xlsx saved with a password: its streams' names
    # (UTF-16) include EncryptionInfo and EncryptedPackage.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    directory = "".join(name.ljust(64, "\0") for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    workbook = tmp_path / "ข้อมูล.xlsx"
    workbook.write_bytes(header + directory.encode("utf-16-le") + b"\0" * 4096)
    result = run_import(workbook, _data_without_years(tmp_path))
    _refused(result, "this workbook is password-protected", "ไฟล์นี้ตั้งรหัสผ่านไว้", "without a password")
    assert ".xls)" not in result.stderr


def test_a_truncated_download_is_called_incomplete(tmp_path: Path) -> None:
    whole = tmp_path / "whole.xlsx"
    _seed_workbook(whole)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = run_import(cut, _data_without_years(tmp_path))
    _refused(result, "this .xlsx file is incomplete or damaged (a download cut short?)", "download it again")
    assert "not an .xlsx" not in result.stderr


def test_a_damaged_member_is_named(tmp_path: Path) -> None:
    whole = tmp_path / "whole.xlsx"
    _seed_workbook(whole)
    content = bytearray(whole.read_bytes())
    with zipfile.ZipFile(whole) as archive:
        info = archive.getinfo("xl/styles.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    content[start : start + 40] = b"\x55" * 40
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(content))
    result = run_import(damaged, _data_without_years(tmp_path))
    _refused(result, "the part 'xl/styles.xml' of the .xlsx file is damaged", "เสียหาย")


def test_a_named_pipe_is_not_a_regular_file(tmp_path: Path) -> None:
    pipe = tmp_path / "ข้อมูล.xlsx"
    os.mkfifo(pipe)
    result = run_import(pipe, _data_without_years(tmp_path), time_limit=30)
    _refused(result, "is not a regular file but a special file (such as a named pipe)", "ไม่ใช่ไฟล์ธรรมดา")
    assert "no such file" not in result.stderr


def test_a_year_too_big_for_a_data_file_names_the_file_and_its_longest_cells(tmp_path: Path) -> None:
    long_text = "การดำเนินงาน" * 900  # 10,800 characters, 32 KB of UTF-8 each
    measures: list[dict[str, object]] = [
        {"fiscal_year": 2565, "title": f"มาตรการ {n}", "issue": long_text}
        if n == 1
        else {"title": f"มาตรการ {n}", "issue": long_text}
        for n in range(1, 36)
    ]
    workbook = _measures_workbook(tmp_path / "big.xlsx", measures, [])
    data = _data_without_years(tmp_path)
    result = run_import(workbook, data)
    letter = MEASURES.letter("issue")
    _refused(
        result,
        "the workbook's data for years/2565.yml comes to",
        "over the limit of 1,000,000 for a data file",
        f"แผ่นงาน/sheet '{MEASURES.name}', แถว/row 3, คอลัมน์/column {letter}",
    )
    first_line = result.stderr.split("\n")[1]
    assert "แผ่นงาน/sheet 'ปีงบประมาณ'" not in first_line  # not told at the year cell, as before
    assert not (data / "years").exists()


def test_a_deleted_english_header_row_is_named(tmp_path: Path) -> None:
    workbook = tmp_path / "no-english.xlsx"
    measures = [{"fiscal_year": 2565, "title": "มาตรการแรก"}, {"title": "มาตรการที่สอง"}]
    _measures_workbook(workbook, measures, [])
    book = openpyxl.load_workbook(workbook)
    book[MEASURES.name].delete_rows(2)
    book.save(workbook)
    result = run_import(workbook, _data_without_years(tmp_path))
    _refused(
        result,
        f"แผ่นงาน/sheet '{MEASURES.name}', แถว/row 2",
        "row 2 must be the English header row",
        "was the English header row deleted?",
    )


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff"])
def test_a_zero_width_character_inside_a_dropdown_value_is_dropped(tmp_path: Path, invisible: str) -> None:
    workbook = tmp_path / "zwsp.xlsx"
    _measures_workbook(workbook, [{"fiscal_year": 2565, "title": "มาตรการแรก"}], [])
    book = openpyxl.load_workbook(workbook)
    _fill(book, REPORTS, [{"fiscal_year": 2565, "round": f"รอบ 6{invisible} เดือน", "date": "1 เม.ย. 2565"}])
    status = f"ดำเนินการ{invisible}แล้ว"
    _fill(book, PROGRESS, [{"fiscal_year": 2565, "round": "รอบ 6 เดือน", "measure": "1", "status": status}])
    book.save(workbook)
    data = _data_without_years(tmp_path)
    result = run_import(workbook, data)
    assert result.returncode == 0, result.stderr
    report = load_site(data).site.years[0].progress_reports[0]
    assert report.round == "6-month" and report.items[0].status == "done"


def test_another_invisible_character_inside_a_dropdown_value_is_named(tmp_path: Path) -> None:
    workbook = tmp_path / "zwnj.xlsx"
    _measures_workbook(workbook, [{"fiscal_year": 2565, "title": "มาตรการแรก"}], [])
    book = openpyxl.load_workbook(workbook)
    _fill(book, PROGRESS, [{"fiscal_year": 2565, "round": "รอบ 6 เดือน", "measure": "1", "status": "ดำเนินการ\u200cแล้ว"}])
    book.save(workbook)
    data = _data_without_years(tmp_path)
    before = snapshot(data)
    result = run_import(workbook, data)
    _refused(
        result,
        f"แผ่นงาน/sheet '{PROGRESS.name}', แถว/row 3, คอลัมน์/column {PROGRESS.letter('status')}",
        "the cell holds the invisible character(s) (U+200C ZERO WIDTH NON-JOINER)",
        "อักขระที่มองไม่เห็น",
    )
    assert snapshot(data) == before


def test_an_explanation_merged_down_across_two_oit_items_explains_each(tmp_path: Path) -> None:
    workbook = tmp_path / "oit.xlsx"
    _measures_workbook(workbook, [{"fiscal_year": 2565, "title": "มาตรการแรก"}], [])
    book = openpyxl.load_workbook(workbook)
    evidence: list[dict[str, object]] = [
        {"fiscal_year": 2565, "code": "O1", "target": "https://example.go.th/structure", "explanation": "ดูหน้าเว็บไซต์"},
        {"code": "O2", "target": "https://example.go.th/executives"},
    ]
    _fill(book, OIT_EVIDENCE, evidence, [("explanation", 3, 4)])
    book.save(workbook)
    data = _data_without_years(tmp_path)
    result = run_import(workbook, data)
    assert result.returncode == 0, result.stderr
    items = load_site(data).site.oit[0].items
    assert items["O1"].explanation == items["O2"].explanation == "ดูหน้าเว็บไซต์"


def test_a_column_whose_header_repeats_another_is_refused_naming_both(tmp_path: Path) -> None:
    workbook = tmp_path / "twice.xlsx"
    _measures_workbook(workbook, [{"fiscal_year": 2565, "title": "มาตรการ", "responsible": "สำนักปลัด"}], [])
    book = openpyxl.load_workbook(workbook)
    sheet = book[MEASURES.name]
    extra = len(MEASURES.columns) + 1
    sheet.cell(1, extra).value = "ผู้รับผิดชอบ"
    sheet.cell(3, extra).value = "กองคลัง"
    book.save(workbook)
    result = run_import(workbook, _data_without_years(tmp_path))
    first, again = MEASURES.letter("responsible"), openpyxl.utils.get_column_letter(extra)
    _refused(
        result,
        f"แผ่นงาน/sheet '{MEASURES.name}', แถว/row 1, คอลัมน์/column {again}",
        f"the header 'ผู้รับผิดชอบ' (responsible) is column {first}'s already, so this column would not be read",
    )
