"""``make import``: a workbook filled in as an office types its measures table imports and builds;
mistakes are named by sheet, row and column with the loader's own messages, and nothing is written;
what is not a safe .xlsx is refused."""

from __future__ import annotations

import datetime as dt
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import EXAMPLES, PROJECT_ROOT, run_build
from openpyxl import Workbook

from itagen.author.workbook.layout import (
    ASSESSMENT,
    INDICATORS,
    MEASURES,
    OIT_EVIDENCE,
    PROGRESS,
    REPORTS,
    SIGNATORIES,
    YEARS,
    Sheet,
)
from itagen.author.workbook.template import empty_workbook
from itagen.load.site import load_site

RAE = EXAMPLES / "thetsaban-rae"

# Seed 000's measures table (เทศบาลตำบลแร่, 2565) as an office keeps it in Excel: numbered measures,
# steps with dashes on lines of one cell or on rows of their own, units merged down the rows,
# periods in Thai digits with a two-digit year. The texts are the example's (examples/thetsaban-rae).
M1 = "การสร้างความรู้ความเข้าใจในการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
M2 = "การเปิดเผยข้อมูลข่าวสารด้านการใช้จ่ายงบประมาณ"
SEED_MEASURES: list[dict[str, Any]] = [
    {
        "fiscal_year": "๒๕๖๕",
        "title": f"๑. {M1}",
        "steps": "- จัดประชุมปรึกษาหารือเพื่อทบทวนปัญหาและอุปสรรคในการดำเนินงานฯ และเตรียมความพร้อมในการเข้ารับการประเมิน ITA ในปีถัดไป",
        "responsible": "สำนักปลัด, หน่วยงานตรวจสอบภายใน",
        "period": "ม.ค. - เม.ย. ๒๕๖๕",
        "follow_up": "รายงานผลและติดตามประเมินผลการดำเนินงานอย่างน้อยปีละครั้ง",
    },
    {
        "title": f"๒. {M2}",
        "steps": "- ตรวจสอบและปรับปรุงข้อมูลเว็บไซต์ของเทศบาลให้เป็นปัจจุบัน\n"
        "- ทุกส่วนราชการรวบรวมข้อมูลข่าวสารส่งให้หน่วยงานผู้รับผิดชอบเพื่อเผยแพร่ประชาสัมพันธ์ให้บุคลากรภายในและประชาชนทั่วไปได้รับทราบ\n"
        "- กองคลังแจ้งสรุปในที่ประชุมประจำเดือนถึงการใช้จ่ายงบประมาณ",
        "responsible": "สำนักปลัด\nกองคลัง",
        "period": "ตลอดปี ๒๕๖๕",
        "follow_up": "  รายงานผลการดำเนินงานในที่ประชุมประจำเดือน ",
    },
    {
        "title": "๓. พัฒนาระบบ เทคโนโลยี สารสนเทศ",
        "steps": "- ปรับปรุงและพัฒนาเว็บไซต์ ของเทศบาลให้สามารถเข้าถึง ข้อมูลได้ง่ายและแลกเปลี่ยน ข้อมูลข่าวสารได้อย่างชัดเจน และสม่ำเสมอ",
        "responsible": "สำนักปลัด",
        "period": "ม.ค. - มี.ค. ๖๕",
        "follow_up": "รายงานผลและติดตามประเมินผลการดำเนินงานอย่างน้อยปีละครั้ง",
    },
    {"steps": "- จัดฝึกอบรมผู้ดูแลเว็บไซต์ ของเทศบาล เพื่อเพิ่มพูน ทักษะและความรู้ ความสามารถ"},
    {
        "title": "๔. โครงการพัฒนา คุณธรรมจริยธรรม",
        "steps": "- แต่งตั้งคณะทำงาน",
        "responsible": "สำนักปลัด",
        "period": "มี.ค.-เม.ย.๖๕",
        "follow_up": "รายงานผลการดำเนินโครงการ และนำภาพกิจกรรมไปเผยแพร่บนเว็บไซต์ของหน่วยงาน",
    },
    {"steps": "- ประชุมคณะทำงานเพื่อ ดำเนินโครงการ"},
    {"steps": "- จัดกิจกรรมบรรยาย เสริมสร้างคุณธรรมจริยธรรม โดย คณะผู้บริหาร ปลัดเทศบาลตำบลแร่ บรรยายให้ความรู้แก่พนักงาน เจ้าหน้าที่"},
    {
        "steps": "- จัดกิจกรรมบำเพ็ญประโยชน์นอกสถานที่ ส่งเสริมให้รู้จัก เสียสละ สามัคคี ช่วยเหลือแบ่งปันและ เห็นคุณค่าของการเสริมสร้าง สังคมแห่งความดีมีคุณธรรม"
    },
]
SEED_MERGES = [("fiscal_year", 3, 10), ("title", 5, 6), ("responsible", 5, 6), ("period", 5, 6), ("follow_up", 5, 6)]
SEED_MERGES += [(key, 7, 10) for key in ("title", "responsible", "period", "follow_up")]
SEED_SCORES = ["๙๓.๔๖", "๘๖.๓๔", "๙๑.๗๗", "๘๘.๔๙", "๘๗.๗๑", "๘๕.๐๒", "๘๒.๕๔", "๗๖.๑๒", "๙๗.๗๘", "๑๐๐.๐๐"]


def _fill(
    book: Workbook, sheet: Sheet, rows: list[dict[str, Any]], merges: Sequence[tuple[str, int, int]] = ()
) -> None:
    worksheet = book[sheet.name]
    for number, values in enumerate(rows, start=3):
        for key, value in values.items():
            worksheet.cell(number, sheet.index(key) + 1, value)
    for key, first, last in merges:
        column = sheet.index(key) + 1
        worksheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


def _seed_workbook(path: Path) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": dt.datetime(2026, 11, 21)}])  # an Excel date (C.E.)
    _fill(book, ASSESSMENT, [{"fiscal_year": 2565, "ita_year": "๒๕๖๔", "overall_score": "๙๐.๗๙", "level": "ระดับ A"}])
    indicators = [{"number": str(n), "score": s} for n, s in enumerate(SEED_SCORES, start=1)]
    indicators[7]["name"] = "การปรับปรุงการทำงาน"  # the seed's wording of indicator 8
    indicators[0]["name"] = "การปฏิบัติหน้าที่"  # the standard name, typed: not an override
    _fill(book, INDICATORS, [{"fiscal_year": 2565, **indicators[0]}, *indicators[1:]], [("fiscal_year", 3, 12)])
    _fill(book, MEASURES, SEED_MEASURES, SEED_MERGES)
    signatories = [
        {
            "fiscal_year": 2565,
            "part": "มาตรการ",
            "role": "ผู้จัดทำ",
            "name": "นางสาวปราณี จันทไชย",
            "position": "นักวิชาการตรวจสอบภายในชำนาญการ",
        },
        {"prefix": "จ.อ.", "name": "ทวี จันทรเสนา", "position": "ปลัดเทศบาลตำบลแร่"},
        {"name": "นางครสวรรณ สุพัฒนานนท์", "position": "นายกเทศมนตรีตำบลแร่"},
    ]
    _fill(book, SIGNATORIES, signatories, [("part", 3, 5)])
    _fill(book, REPORTS, [{"fiscal_year": 2565, "round": "รอบ 6 เดือน", "date": "๑ เม.ย. ๒๕๖๕"}])
    progress = [
        {"fiscal_year": 2565, "round": "รอบ 6 เดือน", "measure": "๑", "status": "ดำเนินการแล้ว", "actions": "ประชุมแล้ว"},
        {"measure": "m2", "status": "อยู่ระหว่างดำเนินการ", "actions": "- ปรับปรุงเว็บไซต์\n- ส่งข้อมูลแล้ว"},
    ]
    _fill(book, PROGRESS, progress)
    book.save(path)


def _data_without_years(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(RAE, data)
    shutil.rmtree(data / "years")
    return data


def _at_most_two_gigabytes() -> None:
    """A workbook that got past the guards must fail the test, not exhaust the machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))


def _import(workbook: Path, data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    script = PROJECT_ROOT / "hooks" / "import_xlsx.py"
    command = [sys.executable, str(script), "--xlsx", str(workbook), "--data", str(data), *extra]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=300,
        preexec_fn=_at_most_two_gigabytes,
    )


def test_a_measures_table_typed_as_in_seed_000_imports_and_builds(tmp_path: Path) -> None:
    workbook = tmp_path / "มาตรการ.xlsx"
    _seed_workbook(workbook)
    data = _data_without_years(tmp_path)
    result = _import(workbook, data)
    assert result.returncode == 0, result.stderr
    year = load_site(data).site.years[0]
    example = load_site(RAE).site.years[0]
    assert year.measures is not None and example.measures is not None
    for got, want in zip(year.measures.items, example.measures.items, strict=True):
        assert (got.id, got.title, got.steps, got.responsible) == (want.id, want.title, want.steps, want.responsible)
        assert got.follow_up == want.follow_up
        assert got.period is not None and want.period is not None
        assert got.period.days(2565) == want.period.days(2565)
    assert year.measures.signatories == example.measures.signatories
    assert year.assessment == example.assessment
    assert str(year.updated.first_day) == "2026-11-21"
    report = year.progress_reports[0]
    assert [(i.measure, i.status) for i in report.items] == [("m1", "done"), ("m2", "in_progress")]
    assert report.items[1].actions == ["ปรับปรุงเว็บไซต์", "ส่งข้อมูลแล้ว"]
    text = (data / "years" / "2565.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "สำนักปลัด" in text
    build = run_build(data, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.stdout + build.stderr
    page = (tmp_path / "site" / "ita" / "2565" / "measures" / "index.html").read_text(encoding="utf-8")
    assert "จัดฝึกอบรมผู้ดูแลเว็บไซต์" in page and "หน่วยงานตรวจสอบภายใน" in page


def _broken_workbook(path: Path) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": "1 ต.ค. 2564"}])
    _fill(book, INDICATORS, [{"fiscal_year": 2565, "number": 1, "score": 130}])
    _fill(book, ASSESSMENT, [{"fiscal_year": 2565, "ita_year": 2564}])
    _fill(
        book,
        MEASURES,
        [{"fiscal_year": 2565, "title": "มาตรการแรก", "steps": "ขั้นตอน"}, {"number": 2, "steps": "ไม่มีชื่อ"}],
    )
    _fill(book, PROGRESS, [{"fiscal_year": 2565, "round": "รอบ 6 เดือน", "measure": "m1", "status": "เสร็จแล้ว"}])
    evidence = [
        {"fiscal_year": 2565, "code": "O5", "kind": "เอกสาร", "target": "no-such-plan"},
        {"target": "structure"},
    ]
    _fill(book, OIT_EVIDENCE, evidence)
    book.save(path)


def test_mistakes_are_named_by_sheet_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    workbook = tmp_path / "ข้อมูล.xlsx"
    _broken_workbook(workbook)
    data = _data_without_years(tmp_path)
    result = _import(workbook, data)
    assert result.returncode == 1
    errors = result.stderr
    status = f"ข้อมูล.xlsx, แผ่นงาน/sheet 'รายงานผล', แถว/row 3, คอลัมน์/column {PROGRESS.letter('status')} (สถานะ)"
    assert status in errors and '"เสร็จแล้ว"' in errors and "ดำเนินการแล้ว" in errors
    assert errors.count("แผ่นงาน/sheet 'รายงานผล'") == 1  # the refused status is not also called missing
    score = f"แผ่นงาน/sheet 'คะแนนตัวชี้วัด', แถว/row 3, คอลัมน์/column {INDICATORS.letter('score')} (คะแนน)"
    assert score in errors
    assert "ต้องอยู่ระหว่าง 0 ถึง 100 แต่พบ 130" in errors  # the loader's own words
    title = f"แผ่นงาน/sheet 'มาตรการ', แถว/row 4, คอลัมน์/column {MEASURES.letter('title')} (มาตรการ/แนวทาง)"
    assert title in errors and "ขาดข้อมูลที่จำเป็นช่องนี้" in errors
    missing = f"แผ่นงาน/sheet 'หลักฐาน OIT', แถว/row 3, คอลัมน์/column {OIT_EVIDENCE.letter('target')}"
    assert missing in errors and "ไม่พบเอกสารรหัส 'no-such-plan'" in errors
    kind = f"แผ่นงาน/sheet 'หลักฐาน OIT', แถว/row 4, คอลัมน์/column {OIT_EVIDENCE.letter('kind')} (ชนิดหลักฐาน)"
    assert kind in errors
    assert not (data / "years").exists() and not (data / "oit").exists()


def test_a_wrong_cell_is_found_after_its_column_was_moved(tmp_path: Path) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": "1 ต.ค. 2564"}])
    _fill(book, INDICATORS, [{"fiscal_year": 2565, "number": 1, "score": "๑๓๐"}])
    book[INDICATORS.name].insert_cols(2)  # a column of the office's own before the template's
    workbook = tmp_path / "moved.xlsx"
    book.save(workbook)
    result = _import(workbook, _data_without_years(tmp_path))
    assert result.returncode == 1
    moved = chr(ord(INDICATORS.letter("score")) + 1)
    assert f"แถว/row 3, คอลัมน์/column {moved} (คะแนน)" in result.stderr


def test_a_formula_without_a_saved_value_is_named(tmp_path: Path) -> None:
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": "1 ต.ค. 2564", "title": '=A3&"x"'}])
    workbook = tmp_path / "formula.xlsx"
    book.save(workbook)  # openpyxl saves formulas without values, as a program that never calculates does
    result = _import(workbook, _data_without_years(tmp_path))
    assert result.returncode == 1
    assert f"แถว/row 3, คอลัมน์/column {YEARS.letter('title')} (ชื่อเรื่อง)" in result.stderr
    assert "formula" in result.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ข้อมูล.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
        ("ข้อมูล.ods", b"PK\x03\x04 an OpenDocument spreadsheet"),
    ],
)
def test_xls_and_ods_are_refused_with_how_to_save_as_xlsx(tmp_path: Path, name: str, content: bytes) -> None:
    workbook = tmp_path / name
    workbook.write_bytes(content)
    result = _import(workbook, _data_without_years(tmp_path))
    assert result.returncode == 1
    assert "บันทึกเป็น (Save As)" in result.stderr and "Excel Workbook (*.xlsx)" in result.stderr
    assert "Save As" in result.stderr.split("บันทึกเป็น")[1]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    workbook = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(workbook, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
    assert workbook.stat().st_size < 200_000
    result = _import(workbook, _data_without_years(tmp_path))
    assert result.returncode == 1
    assert "60,000,011" in result.stderr or "unpacks to" in result.stderr


def test_a_merged_range_over_the_whole_sheet_is_refused_before_openpyxl_builds_it(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    book = empty_workbook()
    _fill(book, YEARS, [{"fiscal_year": 2565, "updated": "1 ต.ค. 2564"}])
    book.save(plain)
    workbook = tmp_path / "merged.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(workbook, "w") as target:
        for part in source.infolist():
            content = source.read(part)
            if part.filename == "xl/worksheets/sheet2.xml":
                content = content.replace(
                    b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
                )
            target.writestr(part, content)
    result = _import(workbook, _data_without_years(tmp_path))
    assert result.returncode == 1
    assert "17,179,869,184 merged cells" in result.stderr


def test_a_year_without_its_row_and_an_empty_template(tmp_path: Path) -> None:
    book = empty_workbook()
    _fill(book, MEASURES, [{"fiscal_year": 2566, "title": "มาตรการ"}])
    workbook = tmp_path / "no-year.xlsx"
    book.save(workbook)
    data = _data_without_years(tmp_path)
    result = _import(workbook, data)
    assert result.returncode == 1
    assert f"แผ่นงาน/sheet 'ปีงบประมาณ', คอลัมน์/column {YEARS.letter('updated')}" in result.stderr
    assert "ปีงบประมาณ 2566" in result.stderr
    empty = tmp_path / "empty.xlsx"
    empty_workbook().save(empty)
    result = _import(empty, data)
    assert result.returncode == 1 and "holds no data" in result.stderr
    assert not (data / "years").exists() and not (data / "documents.yml").exists()


def test_a_renamed_sheet_is_refused_naming_the_sheet_it_was_and_other_sheets_are_said_to_be_left_unread(
    tmp_path: Path,
) -> None:
    seed = tmp_path / "seed.xlsx"
    _seed_workbook(seed)
    book = openpyxl.load_workbook(seed)
    book[SIGNATORIES.name].title = "ผู้ลงนามมาตรการ"
    book[MEASURES.name].title = f" {MEASURES.name} "  # a stray space around a tab's name is forgiven
    renamed = tmp_path / "renamed.xlsx"
    book.save(renamed)
    data = _data_without_years(tmp_path)
    result = _import(renamed, data)
    assert result.returncode == 1
    assert "แผ่นงาน/sheet 'ผู้ลงนามมาตรการ'" in result.stderr
    assert f"was renamed, so it would not be read: rename it back to '{SIGNATORIES.name}'" in result.stderr
    book[SIGNATORIES.name if SIGNATORIES.name in book else "ผู้ลงนามมาตรการ"].title = SIGNATORIES.name
    book.create_sheet("บันทึกของฉัน")["A1"] = "ร่างข้อความ"
    book.save(renamed)
    result = _import(renamed, data)
    assert result.returncode == 0, result.stderr
    assert "แผ่นงาน/sheet 'บันทึกของฉัน'" in result.stdout and "was not read" in result.stdout
    measures = load_site(data).site.years[0].measures
    assert measures is not None and len(measures.items) == 4 and len(measures.signatories) == 3
