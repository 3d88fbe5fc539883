"""Data → workbook → data gives the same records, for the demo and every example: every fiscal year
whole (the workbook covers every key of years/*.yml), documents.yml and the OIT files; the CLIs
never overwrite without --force. The same after Debian's LibreOffice Calc saved the workbook again,
as .xlsx or by way of .ods, and the sites built from what comes back are byte for byte the same."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from calc_support import Calc
from conftest import DEMO_DATA, PROJECT_ROOT, example_dirs, run_build
from same_output import fingerprint

from itagen.author.workbook.importing import read_import, write_import
from itagen.author.workbook.layout import DATA_SHEETS, INSTRUCTIONS, MEASURES, PROGRESS, TEXT_FORMAT
from itagen.author.workbook.writing import write_workbook
from itagen.load.site import load_site


def _without_workbook_files(source: Path, target: Path) -> None:
    """The data folder with what the workbook holds taken out."""
    shutil.copytree(source, target)
    shutil.rmtree(target / "years")
    shutil.rmtree(target / "oit", ignore_errors=True)
    (target / "documents.yml").unlink(missing_ok=True)


def _round_trip(source: Path, tmp_path: Path, workbook: Path | None = None) -> Path:
    """The data of ``source`` through its workbook (written now, or ``workbook``, its export saved by
    Calc) and back, compared record for record; the data folder that came back."""
    before = load_site(source).site
    if workbook is None:
        workbook = tmp_path / "data.xlsx"
        write_workbook(before, workbook)
    data = tmp_path / "data"
    _without_workbook_files(source, data)
    imported = read_import(workbook, data)
    assert imported.existing == []
    write_import(imported, data)
    after = load_site(data).site
    assert [y.fiscal_year for y in after.years] == [y.fiscal_year for y in before.years]
    for old, new in zip(before.years, after.years, strict=True):
        assert new == old, f"fiscal year {old.fiscal_year} changed on the way through the workbook"
    old_documents = before.content.documents if before.content else []
    new_documents = after.content.documents if after.content else []
    assert new_documents == old_documents
    if old_documents:
        assert (data / "documents.yml").is_file()
    assert [(o.fiscal_year, o.checklist, o.items, o.url_sheet) for o in after.oit] == [
        (o.fiscal_year, o.checklist, o.items, o.url_sheet) for o in before.oit
    ]
    return data


SOURCES = [DEMO_DATA, *example_dirs()]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_data_to_workbook_to_data_gives_the_same_records(source: Path, tmp_path: Path) -> None:
    _round_trip(source, tmp_path)


@pytest.fixture(scope="module")
def saved_by_calc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every source's export as Calc saves it: .xlsx again, and .ods opened and saved as .xlsx
    (three starts of Calc for all of them)."""
    folder = tmp_path_factory.mktemp("exports")
    exports = []
    for source in SOURCES:
        exports.append(folder / f"{source.name}.xlsx")
        write_workbook(load_site(source).site, exports[-1])
    calc = Calc(tmp_path_factory.mktemp("calc"))
    routes = {"xlsx": calc.convert(exports, "xlsx"), "ods": calc.convert(calc.convert(exports, "ods"), "xlsx")}
    return {route: {s.name: p for s, p in zip(SOURCES, saved, strict=True)} for route, saved in routes.items()}


@pytest.mark.parametrize("route", ["xlsx", "ods"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_export_saved_by_calc_gives_the_same_records_and_a_byte_identical_site(
    source: Path,
    route: str,
    saved_by_calc: dict[str, dict[str, Path]],
    built_site: Callable[[Path], Path],
    tmp_path: Path,
) -> None:
    data = _round_trip(source, tmp_path, saved_by_calc[route][source.name])
    result = run_build(data, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    before, after = fingerprint(built_site(source)), fingerprint(tmp_path / "site")
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []


OIT_CORRECTIONS = """
url_sheet: false
corrections:
  - code: O5
    name: แผนพัฒนาท้องถิ่น (ถ้อยคำของปีนี้)
    period: assessed_year
    suggested: [documents, overview]
  - code: O44
    name: ข้อที่เพิ่มในปีนี้
    group: การเปิดเผยข้อมูล
    checks: มีประกาศบนเว็บไซต์
    note: เพิ่มตามหนังสือแจ้ง
"""


def test_an_oit_file_with_corrections_and_another_checklist_round_trips(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(DEMO_DATA, source)
    oit = source / "oit" / "2569.yml"
    text = oit.read_text(encoding="utf-8").replace("checklist: ita-2569", "checklist: ita-2568")
    oit.write_text(text + OIT_CORRECTIONS, encoding="utf-8")
    assert load_site(source).site.oit[0].checklist.item("O44") is not None
    (tmp_path / "trip").mkdir()
    _round_trip(source, tmp_path / "trip")


def test_the_written_files_read_as_a_person_would_write_them(tmp_path: Path) -> None:
    workbook = tmp_path / "data.xlsx"
    write_workbook(load_site(DEMO_DATA).site, workbook)
    data = PROJECT_ROOT / "build" / "test-workbook-data"  # inside the project: the schema line is relative
    shutil.rmtree(data, ignore_errors=True)
    try:
        _without_workbook_files(DEMO_DATA, data)
        write_import(read_import(workbook, data), data)
        text = (data / "years" / "2569.yml").read_text(encoding="utf-8")
        documents = (data / "documents.yml").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(data, ignore_errors=True)
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/year.schema.json\n")
    assert documents.startswith("# yaml-language-server: $schema=../../schemas/documents.schema.json\n")
    assert "\\u" not in text and "มาตรการ" in text
    assert "updated: 2569-" in text  # dates bare, B.E., as data/README.md writes them
    assert "- {number: 1, score: 98.02}" in text


def test_the_export_is_the_template_filled(tmp_path: Path) -> None:
    workbook = tmp_path / "data.xlsx"
    write_workbook(load_site(DEMO_DATA).site, workbook)
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == [INSTRUCTIONS, *(sheet.name for sheet in DATA_SHEETS)]
    measures = book[MEASURES.name]
    assert measures.cell(1, MEASURES.index("responsible") + 1).value == "ผู้รับผิดชอบ"
    assert measures.cell(2, MEASURES.index("responsible") + 1).value == "responsible"
    assert measures.merged_cells.ranges, "a measure's single values span its step rows"
    progress = book[PROGRESS.name]
    status = f"{PROGRESS.letter('status')}3"
    lists = [v.formula1 for v in progress.data_validations.dataValidation if status in v.sqref]
    assert lists == ['"ดำเนินการแล้ว,อยู่ระหว่างดำเนินการ,ยังไม่ดำเนินการ"']


def _run(script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / script), *arguments]
    return subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    workbook = tmp_path / "ข้อมูล.xlsx"
    assert _run("export_xlsx.py", "--xlsx", str(workbook), "--data", str(data)).returncode == 0
    year_file = data / "years" / "2569.yml"
    original = year_file.read_bytes()
    refused = _run("import_xlsx.py", "--xlsx", str(workbook), "--data", str(data))
    assert refused.returncode == 2
    assert "data/years/2569.yml" in refused.stderr and "FORCE=1" in refused.stderr
    assert year_file.read_bytes() == original
    forced = _run("import_xlsx.py", "--xlsx", str(workbook), "--data", str(data), "--force")
    assert forced.returncode == 0, forced.stderr
    assert year_file.read_bytes() != original  # now the workbook's text, with the same records
    assert load_site(data).site.years == load_site(DEMO_DATA).site.years
    again = _run("export_xlsx.py", "--xlsx", str(workbook), "--data", str(data))
    assert again.returncode == 2 and "FORCE=1" in again.stderr  # a filled workbook is never overwritten


def test_the_empty_template(tmp_path: Path) -> None:
    workbook = tmp_path / "แบบฟอร์ม.xlsx"
    result = _run("export_xlsx.py", "--xlsx", str(workbook), "--template")
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(workbook)
    for sheet in DATA_SHEETS:  # headers only
        assert all(cell.value is None for row in book[sheet.name].iter_rows(min_row=3) for cell in row)
    for (
        sheet
    ) in DATA_SHEETS:  # dates and periods in text columns (tests/test_workbook_in_calc.py: Calc keeps them text)
        for column in (c for c in sheet.columns if c.kind in ("date", "period")):
            worksheet, letter = book[sheet.name], sheet.letter(column.key)
            assert worksheet.column_dimensions[letter].number_format == TEXT_FORMAT
    instructions = "\n".join(str(c.value) for c in book[INSTRUCTIONS]["A"] if c.value)
    assert "make import" in instructions and "Alt+Enter" in instructions
