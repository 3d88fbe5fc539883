"""Loaded records → the template, filled, so an office edits last year's data in Excel.

What is written reads back as the same records (a test holds every example to it): dates and
periods as Thai text (``1 ต.ค. 2567``, ``ม.ค. 2565 – เม.ย. 2565``), a measure's steps, units and
other lists one item per row with its single values merged down the rows, as measures tables are
drawn in the offices' documents. Rows are as tall as their lines, merged cells sit at the top of
their block, and dates and periods stay in text cells (``appearance``, ``template``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from ...records.content import DOCUMENT_CATEGORIES, Document
from ...records.fiscal_year import (
    INDICATOR_TOOL,
    ROUND_NAMES,
    STATUS_NAMES,
    FiscalYear,
    Period,
    Signatory,
)
from ...records.site import Site
from ...thai.dates import ThaiDate
from .appearance import TOP, WRAP, fit_rows
from .cells import list_cell
from .layout import (
    ANALYSIS,
    ASSESSMENT,
    DATA_SHEETS,
    DOCUMENTS,
    FIRST_DATA_ROW,
    INDICATORS,
    MEASURES,
    PART_CHOICES,
    PROGRESS,
    REPORTS,
    SIGNATORIES,
    SURVEYS,
    TEXT_FORMAT,
    YEARS,
    Sheet,
)
from .oit import oit_rows
from .template import empty_workbook, header_cells

PART_NAMES = {code: name for name, code in PART_CHOICES.items()}
MAX_CELL_CHARACTERS = 32_767
"""Excel's limit for one cell."""

Block = list[dict[str, Any]]
"""The rows of one measure or progress item: the first holds its single values, every row a list item."""


class TooLong(ValueError):
    """A text longer than one Excel cell holds."""


def write_workbook(site: Site | None, path: Path) -> None:
    """The template, filled with ``site`` when given, saved to ``path``."""
    workbook = empty_workbook()
    if site is not None:
        _fill(workbook, site)
    partial = path.with_name(f".{path.name}.writing")
    try:
        workbook.save(partial)
        partial.replace(path)  # whole or not at all: an open copy in Excel is never left half-written
    finally:
        partial.unlink(missing_ok=True)


def _fill(workbook: Workbook, site: Site) -> None:
    sheets = {sheet.name: sheet for sheet in DATA_SHEETS}
    rows: dict[str, list[dict[str, Any] | Block]] = {name: [] for name in sheets}
    for year in site.years:
        _year(year, rows)
    rows[DOCUMENTS.name] = [_document(d) for d in (site.content.documents if site.content else [])]
    rows |= oit_rows(site)
    for name, sheet in sheets.items():
        worksheet = workbook[name]
        fit_rows(worksheet, [*header_cells(worksheet, sheet), *_write_rows(worksheet, sheet, rows[name])])


def _year(year: FiscalYear, rows: dict[str, list[dict[str, Any] | Block]]) -> None:
    fy = year.fiscal_year
    analysis, measures = year.analysis, year.measures
    rows[YEARS.name].append(
        {
            "fiscal_year": fy,
            "updated": _date(year.updated),
            "title": year.title,
            "notes": year.notes,
            "analysis_introduction": analysis and analysis.introduction,
            "analysis_conclusion": analysis and analysis.conclusion,
            "measures_introduction": measures and measures.introduction,
        }
    )
    if (assessment := year.assessment) is not None:
        tools = assessment.tools
        parts = "\n".join(f"{part.name}: {part.score!r}" for part in tools.eit_parts)
        rows[ASSESSMENT.name].append(
            {
                "fiscal_year": fy,
                "ita_year": assessment.ita_year,
                "overall_score": assessment.overall_score,
                "level": assessment.level,
                "announced": _date(assessment.announced),
                "iit": tools.iit,
                "eit": tools.eit,
                "oit": tools.oit,
                "eit_parts": parts or None,
            }
        )
        for indicator in assessment.indicators:
            tool = INDICATOR_TOOL[indicator.number].upper()
            row = {"number": indicator.number, "tool": tool, "name": indicator.title, "score": indicator.score}
            rows[INDICATORS.name].append({"fiscal_year": fy, **row})
    for finding in analysis.items if analysis else []:
        rows[ANALYSIS.name].append(
            {
                "fiscal_year": fy,
                "indicators": _numbers(finding.indicators),
                "tool": finding.tool and finding.tool.upper(),
                "title": finding.title,
                "score": finding.score,
                "questions": ", ".join(finding.questions) or None,
                "text": finding.text,
            }
        )
    _measures_and_reports(year, rows)


def _measures_and_reports(year: FiscalYear, rows: dict[str, list[dict[str, Any] | Block]]) -> None:
    fy = year.fiscal_year
    analysis, measures = year.analysis, year.measures
    for number, measure in enumerate(measures.items if measures else [], start=1):
        single = {
            "fiscal_year": fy,
            "number": number,
            "title": measure.title,
            "period": _period(measure.period),
            "follow_up": measure.follow_up,
            "indicators": _numbers(measure.indicators),
            "id": measure.id,
            "issue": measure.issue,
            "questions": ", ".join(measure.questions) or None,
        }
        lists = {key: getattr(measure, key) for key in ("steps", "responsible", "projects", "analysis", "approach")}
        rows[MEASURES.name].append(_block(single, lists))
    for report in year.progress_reports:
        round_name = ROUND_NAMES[report.round]
        head = {"date": _date(report.date), "introduction": report.introduction, "conclusion": report.conclusion}
        rows[REPORTS.name].append({"fiscal_year": fy, "round": round_name, **head})
        for item in report.items:
            single = {
                "fiscal_year": fy,
                "round": round_name,
                "measure": item.measure,
                "status": STATUS_NAMES[item.status],
                "period": _period(item.period),
                "note": item.note,
                "date": _date(item.date),
            }
            evidence = [f"{link.title} | {link.url}" for link in item.evidence]
            lists = {"actions": item.actions, "outputs": item.outputs, "outcomes": item.outcomes, "evidence": evidence}
            rows[PROGRESS.name].append(_block(single, lists))
    signed: list[tuple[str, list[Signatory]]] = [
        ("analysis", analysis.signatories if analysis else []),
        ("measures", measures.signatories if measures else []),
        *((report.round, report.signatories) for report in year.progress_reports),
    ]
    if (surveys := year.surveys) is not None:
        signed.append(("surveys", [surveys.signatory]))
        rows[SURVEYS.name].append(
            {
                "fiscal_year": fy,
                "opens": _date(surveys.opens),
                "closes": _date(surveys.closes),
                "announced": _date(surveys.announced),
                "iit": surveys.iit,
                "eit": surveys.eit,
                "ita_year": surveys.ita_year,
                "assessment_name": surveys.assessment_name,
                "introduction": surveys.introduction,
            }
        )
    for part, signatories in signed:
        for person in signatories:
            rows[SIGNATORIES.name].append(
                {
                    "fiscal_year": fy,
                    "part": PART_NAMES[part],
                    **{k: getattr(person, k) for k in ("role", "prefix", "name", "position")},
                }
            )


def _document(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "file": document.file,
        "date": _date(document.date),
        "fiscal_year": document.fiscal_year,
        "fiscal_year_end": document.fiscal_year_end,
        "category": DOCUMENT_CATEGORIES[document.category],
        "description": document.description,
    }


def _block(single: dict[str, Any], lists: dict[str, list[str]]) -> Block:
    """One row per list item, the single values in the first row (merged down when written)."""
    height = max([1, *(len(items) for items in lists.values())])
    rows: Block = [dict(single)] + [{} for _ in range(height - 1)]
    for key, items in lists.items():
        for index, item in enumerate(items):
            rows[index][key] = list_cell([item])
    return rows


def _write_rows(worksheet: Worksheet, sheet: Sheet, rows: list[dict[str, Any] | Block]) -> list[Cell | MergedCell]:
    """The cells written."""
    written = []
    number = FIRST_DATA_ROW
    for entry in rows:
        block = entry if isinstance(entry, list) else [entry]
        for offset, values in enumerate(block):
            for key, value in values.items():
                text = sheet.column(key).typed_as_text
                cell = _write_cell(worksheet, number + offset, sheet.index(key) + 1, value, text=text)
                if cell is not None:
                    written.append(cell)
        if len(block) > 1:  # the single values span the item's rows, as a measures table draws them
            for key, value in block[0].items():
                if value is not None and not any(key in values for values in block[1:]):
                    column = sheet.index(key) + 1
                    worksheet.merge_cells(
                        start_row=number, start_column=column, end_row=number + len(block) - 1, end_column=column
                    )
        number += len(block)
    return written


def _write_cell(worksheet: Worksheet, row: int, column: int, value: Any, *, text: bool) -> Cell | MergedCell | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = str(value)  # MarkdownText, Url … are str subclasses openpyxl does not know
        if len(value) > MAX_CELL_CHARACTERS:
            raise TooLong(f"{worksheet.title}!{row},{column}")
    cell: Cell | MergedCell = worksheet.cell(row, column, value)
    if text:
        cell.number_format = TEXT_FORMAT  # a date retyped in Calc stays text (below the template's rows too)
    if isinstance(value, str):
        cell.data_type = "s"  # text that starts with = is text, never a formula
        cell.alignment = WRAP
    else:
        cell.alignment = TOP  # a year or number merged down a measure's rows stands at its top
        if isinstance(value, float):
            cell.number_format = "0.00"
    return cell


def _date(date: ThaiDate | None) -> str | None:
    return None if date is None else date.format(abbreviated=True)


def _period(period: Period | None) -> str | None:
    if period is None:
        return None
    if period.whole_fiscal_year or period.start is None:
        return "ตลอดปีงบประมาณ" + (f" พ.ศ. {period.stated_year}" if period.stated_year else "")
    if period.end is None:
        return _date(period.start)
    return f"{_date(period.start)} – {_date(period.end)}"


def _numbers(numbers: list[int]) -> str | None:
    return ", ".join(str(n) for n in numbers) or None
