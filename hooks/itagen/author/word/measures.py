"""The measures table: a measure a row, its fields from the columns its header names.

A row whose naming cell is empty continues the row above (a measure broken by a page); a period
the loader cannot read as a period is not written but named for review, as is a row that names
no measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...thai.dates import (
    MONTHS_ABBR,
    MONTHS_FULL,
    DateParseError,
    parse_thai_date,
    split_period,
    to_arabic_digits,
    whole_fiscal_year,
)
from .blocks import Table
from .columns import header_rows, header_start
from .review import Review
from .scores import indicator_of, join_continued
from .text import clean, list_items, one_line, split_numbered_cell, split_units, strip_number

_QUESTION = re.compile(r"^(?:ข้อ\s*)?([a-zA-Z]?[0-9๐-๙]{1,3})\s+เนื่องจาก")
_MONTH = "|".join(re.escape(m) for m in sorted((*MONTHS_ABBR, *MONTHS_FULL), key=len, reverse=True))
_SHORT_YEAR = re.compile(rf"({_MONTH})\s*(\d{{2}})(?!\d)")
_TICK = re.compile(r"[✓✔☑√/xX]")


@dataclass
class MeasuresFound:
    items: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    """The issue and the finding of a row (``ประเด็น``, ``ข้อบกพร่อง``) for the analysis."""
    statuses: list[dict[str, Any]] = field(default_factory=list)
    """What a ✓ under ดำเนินการแล้ว / ยังไม่ดำเนินการ says of a measure."""


def period_text(text: str) -> str | None:
    """The period as the loader reads it (``ม.ค. - มี.ค. ๖๕`` with its year written out), or None."""
    cleaned = one_line(text)
    cleaned = _SHORT_YEAR.sub(lambda m: f"{m[1]} {25}{to_arabic_digits(m[2])}", to_arabic_digits(cleaned))
    if whole_fiscal_year(cleaned)[0] or split_period(cleaned) is not None:
        return cleaned
    whole = re.sub(r"\s+", " ", cleaned.replace("พ.ศ.", " พ.ศ. ")).strip()
    if whole_fiscal_year(whole)[0]:
        return whole
    try:
        parse_thai_date(cleaned)
    except DateParseError:
        return None
    return cleaned


def read_measures_table(table: Table, found: MeasuresFound, review: Review, answers: list[int] | None = None) -> None:
    """The measures of ``table``; ``answers``: the indicators the paragraph before it named, which its
    measures answer unless a row names its own."""
    depth, roles = header_rows(table)
    header = table.rows[header_start(table)]
    headers = {index: one_line(header[index]) if index < len(header) else "" for index in roles}
    review.used_tables.add(table.number)
    _note_unread_columns(table, depth, header, roles, review)
    naming = [i for i, r in roles.items() if r in ("title", "indicator", "issue")]
    previous: dict[str, Any] | None = None
    for row_number, cells in zip(table.row_numbers[depth:], table.rows[depth:], strict=True):
        if any(header_key_matches(cells, above) for above in table.rows[:depth]):
            continue  # a header repeated where the table was not joined
        if not any(c.strip() for c in cells):
            continue
        if previous is not None and not any(cells[i].strip() for i in naming if i < len(cells)):
            _continue_row(previous, cells, roles)
            continue
        measure: dict[str, Any] = {"id": f"m{len(found.items) + 1}"}
        finding: dict[str, Any] = {}
        for index, role in roles.items():
            value = cells[index] if index < len(cells) else ""
            if value.strip():
                _field(measure, finding, role, value, found, review, table.number, row_number, index, headers[index])
        if "title" not in measure:
            if "issue" in measure and "text" not in finding:
                measure["title"] = measure.pop("issue")
            else:
                review.cell(
                    table.number,
                    row_number,
                    None,
                    "",
                    " | ".join(c for c in cells if c.strip()),
                    "แถวนี้ไม่มีชื่อมาตรการ จึงไม่ได้นำเข้า: เพิ่มในไฟล์เองหากเป็นมาตรการ",
                    "this row names no measure and was not imported: add it to the file yourself if it is one",
                )
                continue
        if "text" in finding:  # an issue alone is the measure's; with its finding it is also analysis
            found.findings.append(finding)
        if answers and "indicators" not in measure:
            measure["indicators"] = list(answers)
        found.items.append(_ordered(measure))
        previous = measure


def _note_unread_columns(
    table: Table, depth: int, header_row: list[str], roles: dict[int, str], review: Review
) -> None:
    """A column whose header names no field (ลำดับ, งบประมาณ, a column of the office's own) is not
    imported: said once per column, with what its first cell holds."""
    width = max(len(row) for row in table.rows)
    for index in range(width):
        if index in roles:
            continue
        filled = [row[index] for row in table.rows[depth:] if index < len(row) and row[index].strip()]
        if filled:
            header = one_line(header_row[index]) if index < len(header_row) else ""
            review.cell(
                table.number,
                None,
                index + 1,
                header,
                filled[0],
                "คอลัมน์นี้ไม่ใช่ช่องที่ระบบรู้จัก จึงไม่ได้นำเข้า",
                "this column is not a field the import knows; it was not imported",
            )


def header_key_matches(cells: list[str], header: list[str]) -> bool:
    return [c.split() for c in cells] == [c.split() for c in header]


def _field(
    measure: dict[str, Any],
    finding: dict[str, Any],
    role: str,
    value: str,
    found: MeasuresFound,
    review: Review,
    table: int,
    row: int,
    column: int,
    header: str,
) -> None:
    if role == "title":
        measure.update(_title_and_steps(value))
        indicator = indicator_of(value)
        if indicator is not None:
            measure["indicators"] = [indicator[0]]
    elif role == "indicator":
        indicator = indicator_of(value)
        if indicator is None:
            review.cell(table, row, column + 1, header, value, "ไม่รู้จักตัวชี้วัดนี้", "not an indicator the import knows")
            measure.setdefault("title", strip_number(one_line(value)))
        else:
            measure.setdefault("title", indicator[1] or strip_number(one_line(value)))
            measure["indicators"] = [indicator[0]]
    elif role == "issue":
        issues = list_items(value)
        if len(issues) > 1:  # a numbered list in the cell stays one, numbered as the page shows it
            measure["issue"] = "\n".join(f"{number}. {strip_number(item)}" for number, item in enumerate(issues, 1))
        else:
            measure["issue"] = strip_number(one_line(value))
        finding["title"] = measure["issue"]
    elif role == "finding":
        text = clean(value)
        finding["text"] = text
        if question := _QUESTION.match(text):
            finding["questions"] = [question[1]]
            measure["questions"] = [question[1]]
    elif role in ("steps", "approach", "projects", "analysis"):
        measure[role] = [strip_number(i) for i in list_items(value)]
    elif role == "responsible":
        measure["responsible"] = split_units(value)
    elif role == "period":
        period = period_text(value)
        if period is None:
            review.cell(
                table,
                row,
                column + 1,
                header,
                value,
                "อ่านระยะเวลานี้ไม่ได้ (เช่น ม.ค. – เม.ย. 2568 หรือ ตลอดปีงบประมาณ) จึงไม่ได้ใส่ period: ใส่เองในไฟล์",
                "this period could not be read (e.g. ม.ค. – เม.ย. 2568 or ตลอดปีงบประมาณ); period: was left out, add it yourself",
            )
        else:
            measure["period"] = period
    elif role == "follow_up":
        measure["follow_up"] = one_line(value)
    elif role in ("done", "not_started") and len(value.strip()) <= 3 and _TICK.search(value):
        # The tick is all the document says of the work; the note says so, for the page and the office.
        ticked = "ดำเนินการแล้ว" if role == "done" else "ยังไม่ดำเนินการ"
        note = f"เอกสารทำเครื่องหมาย {value.strip()} ในช่อง{ticked}"
        found.statuses.append({"measure": measure["id"], "status": role, "note": note})


def _title_and_steps(value: str) -> dict[str, Any]:
    """A มาตรการ cell: one title, or several numbered measures joined by ``และ`` (as Thai writes it,
    bound to the next name); dashed actions under a
    measure are its steps (under several, each step keeps its measure's name above its actions:
    ``มาตรการสร้างการรับรู้ภายใน`` / ``- ประชุม…``)."""
    parts = [
        [piece.strip() for piece in re.split(r"(?:^|\s)-\s*", strip_number(item)) if piece.strip()]
        for item in split_numbered_cell(value)
    ]
    parts = [part for part in parts if part]
    if not parts:
        return {"title": one_line(value)}
    fields: dict[str, Any] = {"title": " และ".join(part[0] for part in parts)}
    if len(parts) == 1 and len(parts[0]) > 1:
        fields["steps"] = parts[0][1:]
    elif any(len(part) > 1 for part in parts):
        fields["steps"] = ["\n".join([part[0], *(f"- {action}" for action in part[1:])]) for part in parts]
    return fields


_FIELD_ORDER = ("id", "title", "indicators", "issue", "questions", "projects", "analysis", "approach", "steps")


def _ordered(measure: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order data/README.md lists them, whatever the order of the columns."""
    first = {key: measure[key] for key in _FIELD_ORDER if key in measure}
    return first | {key: value for key, value in measure.items() if key not in first}


def _continue_row(previous: dict[str, Any], cells: list[str], roles: dict[int, str]) -> None:
    """A row with no measure of its own: the rest of the one above, broken by the page."""
    for index, role in roles.items():
        value = cells[index] if index < len(cells) else ""
        if not value.strip():
            continue
        if role in ("steps", "approach", "projects", "analysis"):
            previous.setdefault(role, []).extend(strip_number(i) for i in list_items(value))
        elif role == "responsible":
            previous.setdefault("responsible", [])
            previous["responsible"] += [u for u in split_units(value) if u not in previous["responsible"]]
        elif role == "follow_up":
            previous["follow_up"] = join_continued(previous.get("follow_up", ""), one_line(value))
