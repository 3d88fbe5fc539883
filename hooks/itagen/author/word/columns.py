"""What a table's columns hold, read from the words of its header as offices write them.

One list of (words, field) pairs, tried in order for each header cell: the first whose words all
appear names the column. A table is a measures table when it names its measures (or the indicator
each answers) and says at least how, who or when; a progress table when it has the results
columns of a report (ผลผลิต, ผลลัพธ์, ดำเนินการแล้ว).
"""

from __future__ import annotations

import re

from ...thai.dates import to_arabic_digits
from .blocks import Table
from .text import squeezed

_ROUNDS = [
    (re.compile(r"รอบ\s*6\s*เดือน"), "6-month"),
    (re.compile(r"รอบ\s*12\s*เดือน"), "12-month"),
    (re.compile(r"สิ้นปีงบประมาณ"), "year-end"),
]


def report_round(text: str) -> str | None:
    """The round a report names (``รอบ ๖ เดือน``, ``รอบ 12 เดือน``, ``ณ สิ้นปีงบประมาณ``), if one."""
    arabic = to_arabic_digits(text)
    found = [(match.start(), name) for pattern, name in _ROUNDS if (match := pattern.search(arabic))]
    return min(found)[1] if found else None  # the first the text names


_ROLES: list[tuple[tuple[str, ...], str]] = [
    (("ดำเนินการแล้ว",), "done"),
    (("ยังไม่ดำเนินการ",), "not_started"),
    (("ความก้าวหน้า",), "status"),
    (("ผลผลิต",), "outputs"),
    (("ผลลัพธ์",), "outcomes"),
    (("ผลการดำเนิน",), "results"),
    (("หมายเหตุ",), "note"),
    (("รายละเอียดการดำเนิน",), "actions"),
    (("แนวทางการนำ",), "approach"),
    (("ผลการวิเคราะห์",), "analysis"),
    (("ตัวชี้วัด",), "indicator"),
    (("ประเด็น",), "issue"),
    (("ข้อบกพร่อง",), "finding"),
    (("ขั้นตอน",), "steps"),
    (("วิธีการ",), "steps"),
    (("ผู้รับผิดชอบ",), "responsible"),
    (("หน่วยงานที่รับผิดชอบ",), "responsible"),
    (("ระยะเวลา",), "period"),
    (("ติดตาม",), "follow_up"),
    (("มาตรการ",), "title"),
    (("แนวทาง",), "approach"),
    (("โครงการ",), "projects"),
    (("กิจกรรม",), "projects"),
]
_MEASURE_FIELDS = {"steps", "responsible", "period", "follow_up", "approach", "projects"}
_RESULTS = {"outputs", "outcomes", "results"}


def column_roles(header: list[str]) -> dict[int, str]:
    """Column index → the field it holds, for the header cells that name one (each field once)."""
    roles: dict[int, str] = {}
    for index, cell in enumerate(header):
        words = squeezed(cell)
        if not words:
            continue
        for needed, role in _ROLES:
            if all(word in words for word in needed) and role not in roles.values():
                roles[index] = role
                break
    return roles


def header_rows(table: Table) -> tuple[int, dict[int, str]]:
    """How many rows come before the data (a caption row above the header, a header of two rows
    under a heading merged across) and what the header's columns hold."""
    start = header_start(table)
    depth, roles = _header_at(table, start)
    return start + depth, roles


def header_start(table: Table) -> int:
    """The header's row: the first of the top three that names a measures or report table's columns
    (a caption merged across the table, ``ตารางที่ ๑ …``, may stand above it), else the first."""
    for start in range(min(_CAPTION_ROWS + 1, len(table.rows))):
        roles = _header_at(table, start)[1]
        if is_measures_table(roles) or is_progress_table(roles):
            return start
    return 0


_CAPTION_ROWS = 2


def _header_at(table: Table, start: int) -> tuple[int, dict[int, str]]:
    if len(table.rows) <= start:
        return 0, {}
    top = table.rows[start]
    roles = column_roles(top)
    below_row = table.rows[start + 1] if len(table.rows) > start + 1 else None
    if below_row is not None and (not below_row[0].strip() or below_row[0] == top[0]):
        # Under a heading merged across (ผลการดำเนินการ), its sub-headings; the cells merged down
        # from the first row repeat it and say nothing new.
        second = [cell if index >= len(top) or cell != top[index] else "" for index, cell in enumerate(below_row)]
        below = column_roles(second)
        if below and all(index not in roles or roles[index] in ("status", "results") for index in below):
            return 2, roles | below
    return 1, roles


def is_measures_table(roles: dict[int, str]) -> bool:
    named = {"title", "indicator", "issue"} & set(roles.values())
    return bool(named) and bool(_MEASURE_FIELDS & set(roles.values())) and not is_progress_table(roles)


def is_progress_table(roles: dict[int, str]) -> bool:
    """A report of what was done (its results columns); a measures table may also tick ดำเนินการแล้ว."""
    return bool(_RESULTS & set(roles.values())) and "title" in roles.values()
