"""Workbooks made to exhaust the import: each is refused with its reason, in under 300 MB and 30 s.

Each import runs in a process of its own, whose peak memory (``ru_maxrss``) and time are measured;
a workbook that got past the guards fails the test at 1.5 GB instead of taking the machine down.
"""

from __future__ import annotations

import re
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from workbook_support import ImportRun, demo_with_workbook, edited, run_import, snapshot

from itagen.author.workbook.layout import DATA_SHEETS, INSTRUCTIONS, MEASURES, OIT_EVIDENCE, YEARS, Sheet
from itagen.author.workbook.opening import open_workbook
from itagen.author.workbook.template import empty_workbook
from itagen.author.workbook.time_limit import ReadingTooSlow, reading_time_limit

MAX_MEGABYTES = 300
MAX_SECONDS = 30


def _rewritten(workbook: Path, target: Path, change: Callable[[str, bytes], tuple[str, bytes]]) -> Path:
    """The workbook with every member passed through ``change`` (name, bytes → name, bytes)."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as written:
        for part in source.infolist():
            name, content = change(part.filename, source.read(part))
            written.writestr(name, content)
    return target


def _with_merge(reference: bytes) -> Callable[[str, bytes], tuple[str, bytes]]:
    def change(name: str, content: bytes) -> tuple[str, bytes]:
        if name == "xl/worksheets/sheet2.xml":
            merges = b'<mergeCells count="1"><mergeCell ref=' + reference + b"/></mergeCells>"
            content = re.sub(rb"<mergeCells.*?</mergeCells>", b"", content, flags=re.S)
            content = content.replace(b"</sheetData>", b"</sheetData>" + merges)
        return name, content

    return change


def _refused_within_limits(result: ImportRun, reason: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert reason in result.stderr, result.stderr
    assert result.peak_megabytes < MAX_MEGABYTES, f"{result.peak_megabytes:.0f} MB"
    assert result.seconds < MAX_SECONDS, f"{result.seconds:.1f} s"


@pytest.mark.parametrize(
    "reference",
    [b"'A1:XFD1048576'", b'"$A$1:$XFD$1048576"', b"'$A1:XFD$1048576'", b'"A:XFD"'],
    ids=["single-quotes", "dollars", "both", "whole-columns"],
)
def test_a_merge_over_the_whole_sheet_however_written_is_refused(tmp_path: Path, reference: bytes) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    hostile = _rewritten(workbook, tmp_path / "merged.xlsx", _with_merge(reference))
    before = snapshot(data)
    result = run_import(hostile, data, "--force")
    _refused_within_limits(result, "merged cells; the limits are 4,000,000 and 100,000")
    assert re.search(r"เซลล์ที่ผสานไว้ 17,179,86\d,\d{3} เซลล์", result.stderr)  # the range, and the demo's own merges
    assert snapshot(data) == before


def _lying_about_size(workbook: Path, target: Path, actual_bytes: int) -> Path:
    """A real workbook whose first sheet inflates to ``actual_bytes`` while the zip says 100."""
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as written:
        for part in source.infolist():
            if part.filename != sheet:
                written.writestr(part.filename, source.read(part))
                continue
            with written.open(sheet, "w") as member:
                piece = b" " * (1 << 20)
                for _ in range(actual_bytes // len(piece)):
                    member.write(piece)
    content = bytearray(target.read_bytes())
    name = sheet.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        name_at = 30 if signature == b"PK\x03\x04" else 46
        start = next(
            m.start()
            for m in re.finditer(re.escape(signature), content)
            if content[m.start() + name_at :].startswith(name)
        )
        struct.pack_into("<I", content, start + size_at, 100)
    target.write_bytes(bytes(content))
    with zipfile.ZipFile(target) as check:
        assert check.getinfo(sheet).file_size == 100
    return target


def test_a_zip_that_lies_about_a_members_size_is_refused_by_the_bytes_that_come_out(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    hostile = _lying_about_size(workbook, tmp_path / "lying.xlsx", 600_000_000)
    assert hostile.stat().st_size < 2_000_000
    result = run_import(hostile, data, "--force")
    _refused_within_limits(
        result, "the part 'xl/worksheets/sheet1.xml' of the .xlsx file is damaged (its size or checksum is wrong)"
    )


def _big_sheet(rows: int) -> bytes:
    cells = "".join(f'<c r="{column}{{row}}"><v>1</v></c>' for column in "ABCDEFGHIJKLMNOPQRST")
    body = "".join(f'<row r="{row}">{cells.format(row=row)}</row>' for row in range(3, rows + 3))
    namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return f'<?xml version="1.0"?><worksheet xmlns="{namespace}"><sheetData>{body}</sheetData></worksheet>'.encode()


def test_a_sheet_stored_outside_the_worksheets_folder_is_still_measured(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    sheet = _big_sheet(70_000)
    assert 35_000_000 < len(sheet) < 50_000_000

    def elsewhere(name: str, content: bytes) -> tuple[str, bytes]:
        if name == "xl/worksheets/sheet2.xml":
            return "xl/hidden/data.bin", sheet
        if name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            content = content.replace(b"worksheets/sheet2.xml", b"hidden/data.bin")
        return name, content

    hostile = _rewritten(workbook, tmp_path / "elsewhere.xlsx", elsewhere)
    result = run_import(hostile, data, "--force")
    _refused_within_limits(result, "bytes of XML")


def test_the_largest_sheet_the_guards_let_through_stays_within_the_limits(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    sheet = _big_sheet(7_400)
    assert 3_700_000 < len(sheet) < 4_000_000 - 130_000  # the demo's other sheets and styles fill the rest
    hostile = _rewritten(
        workbook, tmp_path / "largest.xlsx", lambda n, c: (n, sheet) if n.endswith("sheet4.xml") else (n, c)
    )
    result = run_import(hostile, data, "--force")
    _refused_within_limits(result, "the column 'fiscal year' (ปีงบประมาณ) is missing from the header row")


def test_the_largest_merge_the_guards_let_through_stays_within_the_limits(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    hostile = _rewritten(workbook, tmp_path / "merged.xlsx", _with_merge(b'"A1:BH1600"'))  # 96,000 cells
    result = run_import(hostile, data, "--force")
    _refused_within_limits(result, "the column 'updated' (ปรับปรุงข้อมูลล่าสุด) is missing from the header row")


def test_a_merge_just_under_a_million_cells_is_refused_before_it_takes_750_megabytes(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)
    hostile = _rewritten(workbook, tmp_path / "merged.xlsx", _with_merge(b'"A1:BH16600"'))  # 996,000 cells
    result = run_import(hostile, data, "--force")
    _refused_within_limits(result, "merged cells; the limits are 4,000,000 and 100,000")


def test_a_list_cell_of_thousands_of_spaces_reads_in_a_moment(tmp_path: Path) -> None:
    data, workbook = demo_with_workbook(tmp_path)

    def spaces(book: openpyxl.Workbook) -> None:
        book[MEASURES.name].cell(3, MEASURES.index("responsible") + 1).value = " " * 20_000 + "กองคลัง" + " " * 20_000

    hostile = edited(workbook, tmp_path / "spaces.xlsx", spaces)
    result = run_import(hostile, data, "--force")
    assert result.returncode == 0, result.stderr
    assert result.seconds < MAX_SECONDS and result.peak_megabytes < MAX_MEGABYTES


def test_reading_is_stopped_when_it_runs_past_its_time_limit(tmp_path: Path) -> None:
    _, workbook = demo_with_workbook(tmp_path)
    big = _rewritten(
        workbook, tmp_path / "big.xlsx", lambda n, c: (n, _big_sheet(7_400)) if n.endswith("sheet4.xml") else (n, c)
    )
    started = time.monotonic()
    with pytest.raises(ReadingTooSlow), reading_time_limit(0.2):
        open_workbook(big, DATA_SHEETS, INSTRUCTIONS)
    assert time.monotonic() - started < 2
    open_workbook(workbook, DATA_SHEETS, INSTRUCTIONS)  # the timer is gone with its block


def _many_rows_workbook(path: Path, sheet: Sheet, rows: list[dict[str, object]]) -> Path:
    book = empty_workbook()
    for number, values in enumerate(rows, start=3):
        for key, value in values.items():
            book[sheet.name].cell(number, sheet.index(key) + 1, value)
    book[YEARS.name].cell(3, 1, 2565)
    book[YEARS.name].cell(3, YEARS.index("updated") + 1, "1 ต.ค. 2564")
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("sheet", "row"),
    [
        (OIT_EVIDENCE, lambda n: {"code": f"O{n}", "target": f"https://example.go.th/{n}"}),
        (MEASURES, lambda n: {"title": f"มาตรการ {n}", "steps": "ขั้นตอน"}),
    ],
    ids=["oit-items", "measures"],
)
def test_thousands_of_rows_are_read_and_checked_within_the_limits(
    tmp_path: Path, sheet: Sheet, row: Callable[[int], dict[str, object]]
) -> None:
    data, _ = demo_with_workbook(tmp_path)
    rows = [{"fiscal_year": 2565, **row(1)}, *(row(n) for n in range(2, 11_000))]
    workbook = _many_rows_workbook(tmp_path / "many.xlsx", sheet, rows)
    result = run_import(workbook, data, "--force")
    assert "Traceback" not in result.stderr
    assert result.peak_megabytes < MAX_MEGABYTES, f"{result.peak_megabytes:.0f} MB"
    assert result.seconds < MAX_SECONDS, f"{result.seconds:.1f} s"
