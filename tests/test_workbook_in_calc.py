"""The workbook as a person sees it in LibreOffice Calc (Debian's, headless), the program offices open it in.

Typing into a Thai-locale Calc: a date or period column keeps ``15 ส.ค. 68`` as typed, where a
General cell makes it a date in 1968; a Thai-typed workbook imports as typed, also after Calc saved
it again as .xlsx or as .ods and back. Calc's own optimal row height is never taller than the rows
the template and the export set, so every line of every cell shows. Printed (Calc's PDF): landscape
A4, every page a sheet's whole width under its two header rows, the instructions whole.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from calc_support import Calc, pdf_page_sizes, pdf_pages
from conftest import DEMO_DATA, EXAMPLES, example_dirs

from itagen.author.workbook.importing import read_import
from itagen.author.workbook.layout import (
    ASSESSMENT,
    DATA_SHEETS,
    MEASURES,
    PROGRESS,
    REPORTS,
    YEARS,
    Sheet,
)
from itagen.author.workbook.template import INSTRUCTION_LINES, VALIDATED_ROWS
from itagen.author.workbook.writing import write_workbook
from itagen.load.site import load_site

TYPED_DATE = "15 ส.ค. 68"
"""What an office types for 15 August 2568; a Thai Calc reads it as 15 August 1968 in a General cell."""
DATE_1968 = 25065
"""15 August 1968 as a spreadsheet's day number: what the General cell holds."""
THREE_STEPS = ["ประชุมคณะทำงานเพื่อกำหนดแนวทาง", "ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน", "รายงานผลต่อผู้บริหารทุกไตรมาส"]
FIRST_STEP = "        - รวบรวมข้อมูลการจัดซื้อจัดจ้างทั้งปี\n"
"""A step of the demo's 2569 measures, made into one step of three lines (one cell, three lines)."""


def _at(sheet: Sheet, key: str, row: int = 3) -> dict[str, str]:
    return {"sheet": sheet.name, "cell": f"{sheet.letter(key)}{row}"}


def _text_cells() -> list[dict[str, str]]:
    """Every date and period column of the template, on its first data row, and one far below."""
    cells = [_at(s, c.key) for s in DATA_SHEETS for c in s.columns if c.kind in ("date", "period")]
    return [*cells, _at(YEARS, "updated", VALIDATED_ROWS + 50)]


THAI_TYPED_YEAR = [
    (_at(YEARS, "fiscal_year"), "2569"),
    (_at(YEARS, "updated"), "5 ม.ค. 69"),
    (_at(ASSESSMENT, "fiscal_year"), "2569"),
    (_at(ASSESSMENT, "ita_year"), "2568"),
    (_at(ASSESSMENT, "overall_score"), "91.25"),
    (_at(ASSESSMENT, "announced"), TYPED_DATE),
    (_at(MEASURES, "fiscal_year"), "2569"),
    (_at(MEASURES, "number"), "1"),
    (_at(MEASURES, "title"), "มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง"),
    (_at(MEASURES, "steps"), "\n".join(THREE_STEPS)),  # three steps in one cell (Alt+Enter)
    (_at(MEASURES, "responsible"), "สำนักปลัด\nกองคลัง"),
    (_at(MEASURES, "period"), "ม.ค. 69"),
    (_at(REPORTS, "fiscal_year"), "2569"),
    (_at(REPORTS, "round"), "รอบ 6 เดือน"),
    (_at(REPORTS, "date"), "1 เม.ย. 69"),
    (_at(PROGRESS, "fiscal_year"), "2569"),
    (_at(PROGRESS, "round"), "รอบ 6 เดือน"),
    (_at(PROGRESS, "measure"), "1"),
    (_at(PROGRESS, "status"), "อยู่ระหว่างดำเนินการ"),
    (_at(PROGRESS, "actions"), "ประชุมแล้ว"),
    (_at(PROGRESS, "period"), "ก.พ. 69"),
]


def _demo_with_three_line_step(target: Path) -> Path:
    shutil.copytree(DEMO_DATA, target)
    year = target / "years" / "2569.yml"
    text = year.read_text(encoding="utf-8")
    assert FIRST_STEP in text
    lines = "".join(f"          {line}\n" for line in THREE_STEPS)
    year.write_text(text.replace(FIRST_STEP, f"        - |-\n{lines}", 1), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def calc(tmp_path_factory: pytest.TempPathFactory) -> Calc:
    return Calc(tmp_path_factory.mktemp("calc"))


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The template, the demo's export (with a step of three lines) and every example's export."""
    folder = tmp_path_factory.mktemp("workbooks")
    books = {"template": folder / "template.xlsx", "demo": folder / "demo.xlsx"}
    write_workbook(None, books["template"])
    write_workbook(load_site(_demo_with_three_line_step(folder / "demo-data")).site, books["demo"])
    for example in example_dirs():
        books[example.name] = folder / f"{example.name}.xlsx"
        write_workbook(load_site(example).site, books[example.name])
    return books


@pytest.fixture(scope="module")
def in_calc(calc: Calc, workbooks: dict[str, Path]) -> dict[str, Any]:
    """One Calc session: the typing of every test, then the rows of every workbook."""
    folder = calc.workspace
    typed = folder / "typed.xlsx"
    tasks: list[dict[str, Any]] = [
        {
            "task": "type",
            "source": str(workbooks["template"]),
            "target": str(folder / "template-typed.xlsx"),
            "cells": [
                *({**cell, "text": TYPED_DATE} for cell in _text_cells()),
                {**_at(YEARS, "title"), "text": TYPED_DATE},  # a General column, for comparison
            ],
        },
        {
            "task": "type",
            "source": str(workbooks["demo"]),
            "target": str(folder / "demo-retyped.xlsx"),
            "cells": [
                {**_at(ASSESSMENT, "announced"), "text": TYPED_DATE},
                {**_at(REPORTS, "date"), "text": "1 เม.ย. 69"},
            ],
        },
        {
            "task": "type",
            "source": str(workbooks["template"]),
            "target": str(typed),
            "cells": [{**cell, "text": text} for cell, text in THAI_TYPED_YEAR],
        },
        *({"task": "rows", "source": str(path)} for path in workbooks.values()),
        *({"task": "merged", "source": str(path), "ranges": _merged_down(path)} for path in workbooks.values()),
    ]
    answers = calc.uno(tasks)
    count = len(workbooks)
    return {
        "template": answers[0],
        "export": answers[1],
        "typed": typed,
        "rows": dict(zip(workbooks, answers[3 : 3 + count], strict=True)),
        "merged": dict(zip(workbooks, answers[3 + count :], strict=True)),
    }


def _merged_down(workbook: Path) -> list[dict[str, str]]:
    """The ranges of cells merged down several rows that hold a value."""
    book = openpyxl.load_workbook(workbook)
    return [
        {"sheet": sheet.title, "range": area.coord}
        for sheet in book.worksheets
        for area in sheet.merged_cells.ranges
        if area.max_row > area.min_row and sheet.cell(area.min_row, area.min_col).value is not None
    ]


def test_a_thai_calc_keeps_dates_typed_into_the_template_as_text(in_calc: dict[str, Any]) -> None:
    *text_columns, general = in_calc["template"]
    cells = _text_cells()
    assert len(text_columns) == len(cells)
    for cell, typed in zip(cells, text_columns, strict=True):
        assert (typed["kind"], typed["shows"]) == ("TEXT", TYPED_DATE), f"{cell} became {typed}"
    # The same typing into a General cell of the same Calc: the 1968 date the template keeps out.
    assert general["kind"] == "VALUE" and general["number"] == DATE_1968


def test_a_date_retyped_into_the_export_stays_text(in_calc: dict[str, Any]) -> None:
    assert [(a["kind"], a["shows"]) for a in in_calc["export"]] == [("TEXT", TYPED_DATE), ("TEXT", "1 เม.ย. 69")]


def _rae_without_years(target: Path) -> Path:
    shutil.copytree(EXAMPLES / "thetsaban-rae", target)
    shutil.rmtree(target / "years")
    shutil.rmtree(target / "oit", ignore_errors=True)
    return target


def test_a_thai_typed_workbook_imports_as_typed_also_after_calc_saved_it_again(
    in_calc: dict[str, Any], calc: Calc, tmp_path: Path
) -> None:
    typed: Path = in_calc["typed"]
    data = _rae_without_years(tmp_path / "data")
    imported = read_import(typed, data).texts
    year = imported["years/2569.yml"]
    assert "announced: 2568-08-15" in year and "updated: 2569-01-05" in year
    assert "\n".join(f"        - {step}" for step in THREE_STEPS) in year  # three steps, not one
    assert "period: ม.ค. 2569" in year and "period: ก.พ. 2569" in year  # months stay months
    saved = calc.convert([typed], "xlsx")[0]
    through_ods = calc.convert(calc.convert([typed], "ods"), "xlsx")[0]
    for again in (saved, through_ods):
        copy = again.parent / "typed" / typed.name  # the same name: the files' comment names the workbook
        copy.parent.mkdir()
        shutil.copyfile(again, copy)
        assert read_import(copy, data).texts == imported, f"{again} imports differently"


def test_every_line_of_every_cell_shows_in_calc(in_calc: dict[str, Any]) -> None:
    short = {name: rows for name, rows in in_calc["rows"].items() if rows}
    assert short == {}, "rows Calc would draw taller to show every line (height, needs: 1/100 mm)"


def test_every_line_of_a_cell_merged_down_a_measures_rows_shows_in_calc(
    in_calc: dict[str, Any], workbooks: dict[str, Path]
) -> None:
    assert len(_merged_down(workbooks["demo"])) > 10, "the demo's measures and progress have merged cells"
    short = {name: ranges for name, ranges in in_calc["merged"].items() if ranges}
    assert short == {}, "cells merged down rows that together are too low for their lines (1/100 mm)"


def test_merged_year_and_number_cells_stand_at_the_top(calc: Calc, workbooks: dict[str, Path]) -> None:
    saved = calc.convert([workbooks["demo"]], "xlsx")[0]  # as Calc keeps them
    measures = openpyxl.load_workbook(saved)[MEASURES.name]
    merged = [m for m in measures.merged_cells.ranges if m.min_col in (1, MEASURES.index("number") + 1)]
    assert merged, "the demo's measures have years and numbers merged down their steps"
    for area in merged:
        assert measures.cell(area.min_row, area.min_col).alignment.vertical == "top", area.coord


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_export_prints_landscape_each_page_a_sheets_whole_width_under_its_headers(
    calc: Calc, workbooks: dict[str, Path]
) -> None:
    pdf = calc.convert([workbooks["demo"]], "pdf")[0]
    sizes = pdf_page_sizes(pdf)
    assert sizes and all(round(width) == 842 and round(height) == 595 for width, height in sizes)  # A4 landscape
    pages = [_flat(page) for page in pdf_pages(pdf)]
    headers = {s.name: [_flat(c.thai) for c in s.columns] + [_flat(c.english) for c in s.columns] for s in DATA_SHEETS}
    sheet_of = [[name for name, words in headers.items() if all(w in page for w in words)] for page in pages]
    instructions = sheet_of.index(next(found for found in sheet_of if found))
    assert instructions >= 1 and not any(sheet_of[:instructions])
    unplaced = [number for number, found in enumerate(sheet_of, start=1) if not found and number > instructions]
    assert unplaced == [], "pages without the whole header rows of one sheet (columns cut off or headers not repeated)"
    printed = {name for found in sheet_of for name in found}
    assert printed == {s.name for s in DATA_SHEETS}
    assert len(sheet_of) > len(DATA_SHEETS) + instructions, "some sheet runs over pages: its headers repeat"
    instruction_text = "".join(pages[:instructions])
    for line, _ in INSTRUCTION_LINES:
        # Its start and its end: a line cut at the page's or the column's edge loses its end (pdftotext
        # may draw a dash between Thai digits apart from them, so the middle is not compared).
        assert _flat(line)[:10] in instruction_text and _flat(line)[-10:] in instruction_text, f"cut: {line}"
    assert "แผ่นงาน/sheets" in instruction_text  # with its tone mark
    measures_pages = [page for page, found in zip(pages, sheet_of, strict=True) if MEASURES.name in found]
    assert any(all(_flat(step) in page for step in THREE_STEPS) for page in measures_pages)
