"""The rows of a filled workbook → the plain values of ``years/<year>.yml`` and ``documents.yml``
(``oit.py`` reads the OIT sheets).

Every value put into a file remembers its cell (``Files.cells``, by the field path the loader names
in its messages: ``measures.items[2].steps[1]``), so the loader's problems can be told by sheet, row
and column. Blank cells are left out; a blank or merged fiscal year (or round) is the one above.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...records.fiscal_year import INDICATOR_NAMES
from .blocks import read_measures, read_progress
from .layout import (
    ANALYSIS,
    ASSESSMENT,
    DOCUMENTS,
    INDICATORS,
    SIGNATORIES,
    SURVEYS,
    YEARS,
)
from .oit import oit_data, read_oit
from .opening import SheetRows, cell_location
from .rows import Files, Row, report_of, rows_by_year, year_file

YEAR_KEYS = (
    "fiscal_year",
    "updated",
    "title",
    "notes",
    "assessment",
    "analysis",
    "measures",
    "progress_reports",
    "surveys",
)
ANALYSIS_KEYS = ("introduction", "items", "conclusion", "signatories")
MEASURES_KEYS = ("introduction", "items", "signatories")
REPORT_KEYS = ("round", "date", "introduction", "items", "conclusion", "signatories")


def read_workbook(workbook: Path, sheets: list[SheetRows]) -> Files:
    files = Files(workbook)
    found = {rows.sheet.name: rows for rows in sheets}
    readers = [
        (YEARS, _years),
        (ASSESSMENT, _assessment),
        (INDICATORS, _indicators),
        (ANALYSIS, _analysis),
        (SURVEYS, _surveys),
    ]
    for sheet, reader in readers:
        if sheet.name in found:
            for row in rows_by_year(found[sheet.name], files, bare=sheet is YEARS):
                reader(row, files)
    read_measures(found, files)
    read_progress(found, files)
    if SIGNATORIES.name in found:
        for row in rows_by_year(found[SIGNATORIES.name], files, "part"):
            _signatory(row, files)
    if DOCUMENTS.name in found:
        _documents(found[DOCUMENTS.name], files)
    read_oit(found, files)
    for number in sorted(set(files.years) - files.listed):
        column = found[YEARS.name].columns.get("updated") if YEARS.name in found else None
        where = cell_location(workbook, YEARS, None, "updated", column)
        files.at(year_file(number), "updated", where)
        files.error(
            where,
            f"ปีงบประมาณ {number} มีข้อมูลในแผ่นงานอื่น แต่ไม่มีแถวของปีนี้ในแผ่นงาน '{YEARS.name}' เพิ่มแถวพร้อมวันที่ปรับปรุงข้อมูลล่าสุด",
            f"fiscal year {number} has data on other sheets but no row on the sheet '{YEARS.name}'; add one with the date it was last updated",
        )
    return files


def _years(row: Row, files: Files) -> None:
    if set(row.cells) == {"fiscal_year"} and row.cells["fiscal_year"].merged_below:
        return
    file = year_file(row.year)
    if row.year in files.years and "updated" in files.years[row.year]:
        files.error(
            row.where("fiscal_year"),
            f"ปีงบประมาณ {row.year} มีสองแถว ใช้แถวเดียวต่อปี",
            f"fiscal year {row.year} has two rows; use one row per year",
        )
        return
    document = files.year(row.year, row.where("fiscal_year"))
    files.listed.add(row.year)
    for key in ("updated", "title", "notes"):
        row.put(document, key, file, key)
    for part, key, name in (
        ("analysis", "analysis_introduction", "introduction"),
        ("analysis", "analysis_conclusion", "conclusion"),
        ("measures", "measures_introduction", "introduction"),
    ):
        if row.has(key):
            files.at(file, part, row.where(key))
            row.put(document.setdefault(part, {}), key, file, f"{part}.{name}", name)


def _assessment(row: Row, files: Files) -> None:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    if "ita_year" in document.get("assessment", {}):
        files.error(
            row.where("fiscal_year"),
            f"ปีงบประมาณ {row.year} มีผลการประเมินสองแถว ใช้แถวเดียวต่อปี",
            f"fiscal year {row.year} has two ITA results; use one row per year",
        )
        return
    files.at(file, "assessment", row.where("ita_year"))
    assessment = document.setdefault("assessment", {})
    for key in ("ita_year", "overall_score", "level", "announced"):
        row.put(assessment, key, file, f"assessment.{key}")
    tools: dict[str, Any] = {}
    for key in ("iit", "eit", "oit", "eit_parts"):
        row.put(tools, key, file, f"assessment.tools.{key}")
    if tools:
        assessment["tools"] = tools
    order = ("ita_year", "overall_score", "level", "announced", "tools", "indicators")
    document["assessment"] = {key: assessment[key] for key in order if key in assessment}


def _indicators(row: Row, files: Files) -> None:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    files.at(file, "assessment", row.where("number"))
    indicators = document.setdefault("assessment", {}).setdefault("indicators", [])
    path = f"assessment.indicators[{len(indicators) + 1}]"
    files.at(file, path, row.where("number"))
    item: dict[str, Any] = {}
    row.put(item, "number", file, f"{path}.number")
    row.put(item, "score", file, f"{path}.score")
    name = row.value("name")
    if name and name != INDICATOR_NAMES.get(item.get("number", 0)):  # the standard name is the default
        row.put(item, "name", file, f"{path}.name")
    indicators.append(item)


def _analysis(row: Row, files: Files) -> None:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    files.at(file, "analysis", row.where("text"))
    items = document.setdefault("analysis", {}).setdefault("items", [])
    path = f"analysis.items[{len(items) + 1}]"
    files.at(file, path, row.where("text"))
    item: dict[str, Any] = {}
    for key in ("indicators", "tool", "title", "score", "questions", "text"):
        row.put(item, key, file, f"{path}.{key}")
    items.append(item)


def _surveys(row: Row, files: Files) -> None:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    files.at(file, "surveys", row.where("opens"))
    surveys = document.setdefault("surveys", {})
    for column in SURVEYS.columns[1:]:
        row.put(surveys, column.key, file, f"surveys.{column.key}")


def _signatory(row: Row, files: Files) -> None:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    part = row.value("part")
    if part is None:
        return
    signatory: dict[str, Any] = {}
    if part == "surveys":
        surveys = document.setdefault("surveys", {})
        if "signatory" in surveys:
            files.error(
                row.where("part"),
                "ประกาศแบบวัดมีผู้ลงนามได้คนเดียว",
                "a survey announcement has one signatory",
            )
            return
        files.at(file, "surveys", row.where("part"))
        path = "surveys.signatory"
        surveys["signatory"] = signatory
    else:
        container, base = _signed(document, part)
        files.at(file, base, row.where("part"))
        signatories = container.setdefault("signatories", [])
        path = f"{base}.signatories[{len(signatories) + 1}]"
        signatories.append(signatory)
    files.at(file, path, row.where("name"))
    for key in ("role", "prefix", "name", "position"):
        row.put(signatory, key, file, f"{path}.{key}")


def _signed(document: dict[str, Any], part: str) -> tuple[dict[str, Any], str]:
    """The part of a year a signatory signs, made when the sheets had nothing else of it."""
    if part in ("analysis", "measures"):
        return document.setdefault(part, {}), part
    return report_of(document, part)


def _documents(rows: SheetRows, files: Files) -> None:
    if not rows.rows:
        return  # an empty documents sheet leaves documents.yml alone
    files.documents = []
    files.at("documents.yml", "", cell_location(files.workbook, DOCUMENTS, None, None))
    for number, cells in rows.rows:
        row = Row(number, cells, 0, DOCUMENTS, files, rows.columns)
        path = f"[{len(files.documents) + 1}]"
        files.at("documents.yml", path, row.where("id"))
        document: dict[str, Any] = {}
        for column in DOCUMENTS.columns:
            row.put(document, column.key, "documents.yml", f"{path}.{column.key}")
        files.documents.append(document)


def data_files(files: Files) -> dict[str, Any]:
    """Relative path → the plain value of the file, for every file the workbook fills."""
    written: dict[str, Any] = {year_file(n): _year_document(doc) for n, doc in sorted(files.years.items())}
    if files.documents is not None:
        written["documents.yml"] = files.documents
    return written | oit_data(files)


def _year_document(document: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order data/README.md shows them."""
    ordered = _ordered(document, YEAR_KEYS)
    for key, order in (("analysis", ANALYSIS_KEYS), ("measures", MEASURES_KEYS)):
        if key in ordered:
            ordered[key] = _ordered(ordered[key], order)
    if "progress_reports" in ordered:
        ordered["progress_reports"] = [_ordered(report, REPORT_KEYS) for report in ordered["progress_reports"]]
    return ordered


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    first = {key: mapping[key] for key in order if key in mapping}
    return first | {key: value for key, value in mapping.items() if key not in first}
