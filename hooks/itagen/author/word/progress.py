"""A progress report (รายงานผลการดำเนินการตามมาตรการ): its round and date, and per measure what was
done, when, its outputs and outcomes.

A row is matched to a measure by its title; the status is written only when the document says it
(a ✓ under ดำเนินการแล้ว, or the report calling the work ``เสร็จเรียบร้อยแล้ว``), else the row is
named for review, as is a row whose measure the document does not hold.
"""

from __future__ import annotations

import re
from typing import Any

from ...thai.dates import MONTHS_FULL, to_arabic_digits
from .blocks import PAGE_NUMBER, Paragraph, Table
from .columns import header_rows, report_round
from .measures import period_text
from .review import Review
from .text import clean, list_items, one_line, squeezed, strip_number

_DONE = re.compile(r"(?:ดำเนินการ|แล้ว)\s*เสร็จ|เสร็จ(?:สิ้น|เรียบร้อย)(?:แล้ว)?")
_MONTHS = "|".join(MONTHS_FULL)
_REPORT_DATE = re.compile(rf"(?:ณ\s*)?วันที่\s*(\d{{1,2}})\s*(?:เดือน)?\s*({_MONTHS})\s*(?:พ\.ศ\.)?\s*(\d{{4}})")


def read_progress_table(
    table: Table, before: list[Paragraph], measures: list[dict[str, Any]], review: Review
) -> dict[str, Any] | None:
    """The report of ``table``, introduced by the paragraphs ``before`` it (since the last table)."""
    depth, roles = header_rows(table)
    review.used_tables.add(table.number)
    intro = " ".join(one_line(p.text) for p in before if p.text.strip() and not PAGE_NUMBER.match(p.text.strip()))
    said_done = _DONE.search(intro) is not None
    # The round the report's own words name, else its header's, else the first its rows mention.
    found_round = (
        report_round(intro)
        or report_round(" ".join(" ".join(row) for row in table.rows[:depth]))
        or report_round(" ".join(" ".join(row) for row in table.rows[depth:]))
    )
    items: list[dict[str, Any]] = []
    for row_number, cells in zip(table.row_numbers[depth:], table.rows[depth:], strict=True):
        values = {role: cells[index] for index, role in roles.items() if index < len(cells) and cells[index].strip()}
        if not values:
            continue
        title = strip_number(one_line(values.get("title", "")))
        measure = _measure_named(title, measures)
        if measure is None:
            review.cell(
                table.number,
                row_number,
                None,
                "",
                title or " | ".join(values.values()),
                "ไม่พบมาตรการชื่อนี้ในเอกสาร จึงไม่ได้นำเข้าแถวรายงานนี้: ใส่ในไฟล์เองโดยอ้าง id ของมาตรการ",
                "no measure of this title is in the document, so this report row was not imported: add it yourself with the measure's id",
            )
            continue
        item: dict[str, Any] = {"measure": measure}
        if "done" in values and re.search(r"[✓✔☑√]", values["done"]):
            item["status"] = "done"
        elif "not_started" in values and re.search(r"[✓✔☑√]", values["not_started"]):
            item["status"] = "not_started"
        elif said_done:
            item["status"] = "done"
        else:
            review.cell(
                table.number,
                row_number,
                None,
                "",
                title,
                "เอกสารไม่บอกสถานะของมาตรการนี้ จึงไม่ได้นำเข้า: ใส่ status: done, in_progress หรือ not_started เอง",
                "the document does not say this measure's status, so it was not imported: add status: done, in_progress or not_started yourself",
            )
            continue
        if "actions" in values:
            item["actions"] = [strip_number(i) for i in list_items(values["actions"])]
        if "period" in values and (period := period_text(values["period"])) is not None:
            item["period"] = period
        for role in ("outputs", "outcomes"):
            if role in values:
                item[role] = [" ".join(clean(values[role]).split("\n"))]
        if "note" in values:
            item["note"] = one_line(values["note"])
        items.append(item)
    if not items:
        return None
    if found_round is None:
        review.table(
            table.number,
            intro,
            "เอกสารไม่บอกรอบของรายงาน (รอบ 6 เดือน / รอบ 12 เดือน / สิ้นปีงบประมาณ) จึงไม่ได้นำเข้ารายงานนี้: ใส่ progress_reports เอง",
            "the document does not say the report's round (6 or 12 months, year-end), so this report was not imported: add progress_reports yourself",
        )
        return None
    report: dict[str, Any] = {}
    report["round"] = found_round
    if date := _REPORT_DATE.search(to_arabic_digits(intro)):
        report["date"] = f"{date[1]} {date[2]} {date[3]}"
    if intro.strip():
        report["introduction"] = intro.strip()
    report["items"] = items
    return report


def _measure_named(title: str, measures: list[dict[str, Any]]) -> str | None:
    wanted = squeezed(title)
    if not wanted:
        return None
    for measure in measures:
        if squeezed(measure["title"]) == wanted:
            return str(measure["id"])
    close = [m for m in measures if squeezed(m["title"]).startswith(wanted) or wanted.startswith(squeezed(m["title"]))]
    return str(close[0]["id"]) if len(close) == 1 else None
