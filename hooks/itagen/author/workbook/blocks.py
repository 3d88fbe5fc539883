"""Measures and progress items typed as offices type them: one on several rows.

A measure starts on a row that gives its number, id or title (not as the lower part of a merged
cell); the rows below it without one continue it: each adds steps, units, projects … A cell merged
down across the rows (a responsible unit, a period) counts once. A progress item likewise starts
on a row that names its measure. A cell merged down across the rows of several measures (one unit
responsible for two measures) belongs to each measure whose first row it covers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...thai.dates import to_arabic_digits
from .layout import MEASURES, PROGRESS, REPORTS
from .opening import SheetRows
from .rows import Files, Row, report_of, rows_by_year, year_file

MEASURE_KEYS = (
    "id",
    "title",
    "indicators",
    "issue",
    "questions",
    "projects",
    "analysis",
    "approach",
    "steps",
    "responsible",
    "period",
    "follow_up",
)
PROGRESS_KEYS = ("measure", "status", "actions", "period", "outputs", "outcomes", "evidence", "note", "date")
_TITLE_NUMBER = re.compile(r"^\(?([0-9๐-๙]{1,3})[.)]\s*(?=\D)")
"""``๑. การสร้างความรู้…``: the number a measures table prints before the title."""


@dataclass
class Block:
    """The record being filled and where it lives."""

    item: dict[str, Any]
    file: str
    path: str
    year: int
    key: Any = None
    """What the rows below must share to continue it (the year, or the year and round)."""


def read_measures(found: Mapping[str, SheetRows], files: Files) -> None:
    if MEASURES.name not in found:
        return
    current: Block | None = None
    blocks = []
    for row in rows_by_year(found[MEASURES.name], files):
        starts = any(key in row.cells and not row.cells[key].merged_below for key in ("number", "id", "title"))
        if starts or current is None or current.year != row.year:
            current = _new_measure(row, files)
            blocks.append(current)
        else:
            _fill(current, row, files, skip=("number", "id", "title"))
    for block in blocks:
        if "id" not in block.item:
            block.item["id"] = f"m{block.key}"
        _reorder(block.item, MEASURE_KEYS)


def _new_measure(row: Row, files: Files) -> Block:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    files.at(file, "measures", row.where("title"))
    items = document.setdefault("measures", {}).setdefault("items", [])
    block = Block({}, file, f"measures.items[{len(items) + 1}]", row.year)
    items.append(block.item)
    files.at(file, block.path, row.where("title"))
    _columns_at(block, row, files)
    number = row.value("number")
    title = row.value("title")
    if isinstance(title, str) and (numbered := _TITLE_NUMBER.match(title)):
        title = title[numbered.end() :]
        if number is None:
            number = int(to_arabic_digits(numbered[1]))
    if title:
        block.item["title"] = title
        files.at(file, f"{block.path}.title", row.where("title"))
    block.key = number if isinstance(number, int) else len(items)
    _fill(block, row, files, skip=("number", "title"), starting=True)
    return block


def read_progress(found: Mapping[str, SheetRows], files: Files) -> None:
    """Reports (sheet รอบรายงาน) and their items (sheet รายงานผล), a report made by either."""
    if REPORTS.name in found:
        for row in rows_by_year(found[REPORTS.name], files):
            _report_head(row, files)
    if PROGRESS.name not in found:
        return
    current: Block | None = None
    blocks = []
    for row in rows_by_year(found[PROGRESS.name], files, "round"):
        round_name = row.value("round")
        if round_name is None:
            if not row.has("round"):
                files.error(row.where("round"), "ขาดรอบรายงานในแถวนี้", "this row has no report round")
            continue
        starts = row.has("measure") and not row.cells["measure"].merged_below
        if starts or current is None or current.key != (row.year, round_name):
            current = _new_progress(row, round_name, files)
            blocks.append(current)
        else:
            _fill(current, row, files, skip=("round", "measure"))
    measure_ids: dict[int, set[Any]] = {}  # per year, made once: a workbook may hold thousands of items
    for block in blocks:
        _resolve_measure(block, files, measure_ids)
        _reorder(block.item, PROGRESS_KEYS)


def _report_head(row: Row, files: Files) -> None:
    round_name = row.value("round")
    if round_name is None:
        if not row.has("round"):
            files.error(row.where("round"), "ขาดรอบรายงานในแถวนี้", "this row has no report round")
        return
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    report, path = report_of(document, round_name)
    if any(key in report for key in ("date", "introduction", "conclusion")):
        files.error(
            row.where("round"),
            f"รายงานรอบนี้ของปี {row.year} มีสองแถว ใช้แถวเดียวต่อรอบ",
            f"this round of {row.year} has two rows; use one row per report",
        )
        return
    files.at(file, path, row.where("round"))
    files.at(file, f"{path}.round", row.where("round"))
    for key in ("date", "introduction", "conclusion"):
        row.put(report, key, file, f"{path}.{key}")


def _new_progress(row: Row, round_name: str, files: Files) -> Block:
    file = year_file(row.year)
    document = files.year(row.year, row.where("fiscal_year"))
    report, path = report_of(document, round_name)
    files.at(file, path, row.where("round"))
    files.at(file, f"{path}.round", row.where("round"))
    items = report["items"]
    block = Block({}, file, f"{path}.items[{len(items) + 1}]", row.year, (row.year, round_name))
    items.append(block.item)
    files.at(file, block.path, row.where("measure"))
    _columns_at(block, row, files)
    _fill(block, row, files, skip=("round",), starting=True)
    return block


def _resolve_measure(block: Block, files: Files, measure_ids: dict[int, set[Any]]) -> None:
    """A measure named by its number (1, ๑) is the year's measure of that number, unless an id is "1"."""
    reference = block.item.get("measure")
    number = to_arabic_digits(reference).rstrip(".") if isinstance(reference, str) else ""
    if not number.isdigit():
        return
    measures = files.years[block.year].get("measures", {}).get("items", [])
    if block.year not in measure_ids:
        measure_ids[block.year] = {measure.get("id") for measure in measures}
    if reference in measure_ids[block.year]:
        return
    if 0 < int(number) <= len(measures) and "id" in measures[int(number) - 1]:
        block.item["measure"] = measures[int(number) - 1]["id"]


def _columns_at(block: Block, row: Row, files: Files) -> None:
    """Every field of a new item is told by its cell on the item's first row, so a required cell left
    blank is named by its column."""
    for column in row.sheet.columns:
        files.at(block.file, f"{block.path}.{column.key}", row.where(column.key))


def _fill(block: Block, row: Row, files: Files, skip: tuple[str, ...], *, starting: bool = False) -> None:
    """Add a row's cells to the record: list cells extend it, a text continues it, anything else
    given twice is a mistake. A merged cell counts on the first row of each record it covers."""
    for key, cell in row.cells.items():
        if key in skip or key == "fiscal_year" or (cell.merged_below and not starting):
            continue
        value = row.value(key)
        if value is None or value == []:
            continue
        path = f"{block.path}.{key}"
        if isinstance(value, list):
            listed = block.item.setdefault(key, [])
            files.at(block.file, path, row.where(key))
            for item in value:
                listed.append(item)
                files.at(block.file, f"{path}[{len(listed)}]", row.where(key))
        elif key not in block.item:
            block.item[key] = value
            files.at(block.file, path, row.where(key))
        elif row.sheet.column(key).kind == "markdown":
            block.item[key] = f"{block.item[key]}\n{value}"
        else:
            files.error(
                row.where(key),
                f"'{row.sheet.column(key).thai}' มีได้ค่าเดียวต่อรายการ แต่แถวก่อนหน้าของรายการนี้มีแล้ว",
                f"'{row.sheet.column(key).english}' takes one value per item, and a row above of this item has one",
            )


def _reorder(item: dict[str, Any], order: tuple[str, ...]) -> None:
    ordered = {key: item[key] for key in order if key in item} | item
    item.clear()
    item.update(ordered)
