"""The assessment a measures document reports: years, overall score and level, the tool and the ten
indicator scores, and the findings written beside them.

Scores tables come in the layouts offices use: ``๑. การปฏิบัติหน้าที่ ๙๓.๔๖ คะแนน`` in one cell,
the score in a cell of its own, or the number, the name and the score in three; the tools'
headings (IIT, EIT, OIT) between the rows; the finding for a tool or an indicator beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...records.fiscal_year import INDICATOR_NAMES, INDICATOR_TOOL, Tool
from ...thai.dates import MONTHS_FULL, to_arabic_digits
from .blocks import Paragraph, Table
from .review import Review
from .text import clean, one_line, score_cell, squeezed, strip_number

_NAMES = {squeezed(name): number for number, name in INDICATOR_NAMES.items()} | {
    squeezed("การปรับปรุงการทำงาน"): 8,  # how indicator 8 was named before 2566, and still often is
    squeezed("การใช้จ่ายงบประมาณ"): 2,
}
_TOOL_WORDS: list[tuple[str, Tool]] = [
    ("(IIT)", "iit"),
    ("(EIT)", "eit"),
    ("(OIT)", "oit"),
    ("ผู้มีส่วนได้ส่วนเสียภายใน", "iit"),
    ("ผู้มีส่วนได้ส่วนเสียภายนอก", "eit"),
    ("การเปิดเผยข้อมูลสาธารณะ", "oit"),
    ("การเปิดเผยข้อมูลต่อสาธารณะ", "oit"),
]
_OVERALL = re.compile(
    r"(?:คะแนน(?:โดยรวม|รวม|ภาพรวม)?|ผลคะแนน)\s*(?:เท่ากับ|คือ|ได้)?\s*(\d{2,3}\.\d{1,2}|100)(?![\d.])(?:\s*คะแนน)?"
)
_LEVEL = re.compile(
    r"^.{0,25}?(?:ระดับ\s*[\"“”'(]?\s*|[(\"“]\s*)(ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|[A-F]{1,2}\+?)(?![A-Za-z])",
    re.DOTALL,
)
_YEAR = r"(?:พ\.\s*ศ\.)?\s*(\d{4})"
_FISCAL = [
    re.compile(r"มาตรการ.{0,140}?ประจำปีงบประมาณ\s*" + _YEAR),
    re.compile(r"(?:ปรับปรุง|พัฒนา)\S*\s*(?:ใน)?\s*ปีงบประมาณ\s*" + _YEAR),
]
_YEAR_LINE = re.compile(r"^(?:ประจำ)?ปีงบประมาณ\s*" + _YEAR + r"$")
"""A heading's own line under its title (มาตรการ…, เรื่อง…): the year the document is for."""
_ITA = re.compile(r"(?:ผลการประเมิน|ผลการวิเคราะห์).{0,160}?(?:ปีงบประมาณ|ใน\s*ปี|ปี)\s*" + _YEAR)
_MONTHS = "|".join(MONTHS_FULL)
_DATE = re.compile(rf"(\d{{1,2}})\s*(?:เดือน)?\s*({_MONTHS})\s*(?:พ\.ศ\.)?\s*(\d{{4}})")


@dataclass
class AssessmentFound:
    fiscal_year: int | None = None
    ita_year: int | None = None
    overall_score: float | None = None
    level: str | None = None
    announced: str | None = None
    tools: dict[str, Any] = field(default_factory=dict)
    indicators: dict[int, dict[str, Any]] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)


def read_years(paragraphs: list[Paragraph], found: AssessmentFound, review: Review) -> None:
    above = ""
    for paragraph in paragraphs:
        text = to_arabic_digits(" ".join(paragraph.text.split()))
        # A heading is often two paragraphs: มาตรการส่งเสริม… / ประจำปีงบประมาณ ๒๕๖๕. Under a title
        # about the assessment (ผลการประเมิน, วิเคราะห์) such a line is the assessed year instead.
        heading = f"{above} {text}"
        match = next((m for pattern in _FISCAL if (m := pattern.search(heading))), None)
        if match is None and not re.search(r"ผลการประเมิน|วิเคราะห์", above):
            match = _YEAR_LINE.match(text)
        above = text or above
        if found.fiscal_year is None and match is not None:
            found.fiscal_year = int(match[1])
            review.used_paragraphs.add(paragraph.number)
        # A title over two lines (รายงานการวิเคราะห์ผลการประเมิน… / ของหน่วยงานภาครัฐ ในปี พ.ศ. 2568).
        heading_ita = _ITA.search(heading) if len(heading) <= 200 else None
        if found.ita_year is None and (match := _ITA.search(text) or heading_ita):
            year = int(match[1])
            if found.fiscal_year is None or year < found.fiscal_year:
                found.ita_year = year
                review.used_paragraphs.add(paragraph.number)


def read_overall(paragraphs: list[Paragraph], found: AssessmentFound, review: Review) -> None:
    for paragraph in paragraphs:
        text = to_arabic_digits(" ".join(paragraph.text.split()))
        if found.overall_score is None and (match := _OVERALL.search(text)):
            found.overall_score = float(match[1])
            review.used_paragraphs.add(paragraph.number)
            if level := _LEVEL.match(text[match.end() :]):
                found.level = level[1]
        if found.announced is None and "ประกาศผล" in text and (date := _DATE.search(text)):
            found.announced = f"{date[1]} {date[2]} {date[3]}"
            review.used_paragraphs.add(paragraph.number)


_TOOL_FINDING = re.compile(r"^(?:[0-9๐-๙]{1,2}[.)]\s*)?(ด้าน\s*(IIT|EIT|OIT)\s*พบว่า.*)$", re.DOTALL)
_LOWEST = re.compile(r"(?:เท่ากับ|ได้คะแนน|คะแนน)\s*(\d{1,3}\.\d{1,2})")


def read_tool_findings(paragraphs: list[Paragraph], found: AssessmentFound, review: Review) -> dict[int, list[int]]:
    """``๑. ด้าน IIT พบว่า ผลคะแนนของตัวชี้วัดด้าน การใช้จ่ายงบประมาณ มีค่าต่ำสุด เท่ากับ ๗๗.๗๗ …``: a
    tool's lowest indicator, its score and what to do. Returns paragraph number → the indicators it
    names, so the table after it answers them."""
    named: dict[int, list[int]] = {}
    for paragraph in paragraphs:
        match = _TOOL_FINDING.match(one_line(paragraph.text))
        if match is None:
            continue
        text = match[1]
        item: dict[str, Any] = {"tool": match[2].lower()}
        after = re.split(r"ตัวชี้วัด\s*(?:ด้าน)?", text, maxsplit=1)
        indicator = _named_at_start(after[1]) if len(after) == 2 else None
        if indicator is not None and INDICATOR_TOOL[indicator] == item["tool"]:
            item["indicators"] = [indicator]
            named[paragraph.number] = [indicator]
        if score := _LOWEST.search(to_arabic_digits(text)):
            item["score"] = float(score[1])
        found.findings.append(item | {"text": text})
        review.used_paragraphs.add(paragraph.number)
    return named


def _named_at_start(text: str) -> int | None:
    words = squeezed(text)
    matches = [(len(key), number) for key, number in _NAMES.items() if words.startswith(key)]
    return max(matches)[1] if matches else None


def indicator_of(label: str) -> tuple[int, str | None] | None:
    """(number, the name as written when it differs from NACC's) of a row label, or None."""
    name = squeezed(strip_number(clean(label)))
    name = re.sub(r"^(?:ตัวชี้วัดที่|ประเด็นที่)?\d{1,2}\.?", "", name)
    number = _NAMES.get(name)
    if number is None:
        number = next((n for key, n in _NAMES.items() if name.startswith(key) and len(name) - len(key) <= 2), None)
    if number is None:
        return None
    written = strip_number(one_line(label))
    written = re.sub(r"^[0-9๐-๙]{1,2}\s+", "", written)
    return number, (written if squeezed(written) != squeezed(INDICATOR_NAMES[number]) else None)


def tool_of(text: str) -> Tool | None:
    line = one_line(text)
    return next((tool for word, tool in _TOOL_WORDS if word in line), None)


def _score_in_label(label: str) -> tuple[str, float | None]:
    """``๑. การปฏิบัติหน้าที่ ๙๓.๔๖ คะแนน`` → (``๑. การปฏิบัติหน้าที่``, 93.46)."""
    text = one_line(label)
    match = re.search(r"\s([0-9๐-๙]{1,3}[.][0-9๐-๙]{1,2}|๑๐๐|100)\s*(?:คะแนน)?$", text)
    if match is None:
        return text, None
    return text[: match.start()], float(to_arabic_digits(match[1]))


def read_indicator_table(table: Table, found: AssessmentFound, review: Review) -> bool:
    """The ten indicators' scores (and the findings beside them), if ``table`` is such a table."""
    rows: list[tuple[int, int, float, str | None, list[str]]] = []
    headings: dict[int, tuple[Tool, str, list[str]]] = {}
    totals: dict[str, float] = {}
    """A tool's own score on its heading row, and the overall one on a รวม row."""
    total_rows: set[int] = set()
    for row_number, cells in zip(table.row_numbers, table.rows, strict=True):
        label_cells: list[str] = []
        score: float | None = None
        rest: list[str] = []
        for index, cell in enumerate(cells):
            if score is None and label_cells and (value := score_cell(cell)) is not None:
                score, rest = value, cells[index + 1 :]
                break
            label_cells.append(cell)
        label = " ".join(one_line(c) for c in label_cells if c.strip())
        if score is None:
            label, score = _score_in_label(label_cells[0] if label_cells else "")
            rest = cells[1:]
        indicator = indicator_of(label) if score is not None else None
        if indicator is not None and score is not None:
            rows.append((row_number, indicator[0], score, indicator[1], [clean(c) for c in rest if clean(c)]))
            continue
        tool = tool_of(cells[0]) if cells else None
        if tool is not None:
            texts = [clean(c) for c in cells[1:] if clean(c) and score_cell(c) is None]
            headings[row_number] = (tool, one_line(cells[0]), texts)
            if (own := next((v for c in cells[1:] if (v := score_cell(c)) is not None), None)) is not None:
                totals[tool] = own
        elif score is not None and re.search(r"รวม|ภาพรวม", label):
            totals["overall"] = score
            total_rows.add(row_number)
    if len(rows) < 3:
        return False
    review.used_tables.add(table.number)
    for key, value in totals.items():
        if key == "overall":
            found.overall_score = found.overall_score if found.overall_score is not None else value
        else:
            found.tools.setdefault(key, value)
    for _, number, score, name, _ in rows:
        entry: dict[str, Any] = {"number": number, "score": score}
        if name:
            entry["name"] = name
        found.indicators.setdefault(number, entry)
    _findings(rows, headings, found)
    for row_number, cells in zip(table.row_numbers, table.rows, strict=True):
        known = row_number in headings or row_number in total_rows or any(r[0] == row_number for r in rows)
        if not known and row_number != table.row_numbers[0] and any(c.strip() for c in cells):
            review.cell(
                table.number,
                row_number,
                None,
                "",
                " | ".join(c for c in cells if c.strip()),
                "แถวนี้ไม่ใช่คะแนนตัวชี้วัดที่อ่านได้ จึงไม่ได้นำเข้า",
                "this row is not an indicator score the import could read; it was not imported",
            )
    return True


def _findings(
    rows: list[tuple[int, int, float, str | None, list[str]]],
    headings: dict[int, tuple[Tool, str, list[str]]],
    found: AssessmentFound,
) -> None:
    """The findings written beside a tool's rows: one for the tool when one text covers its rows,
    else one per indicator row that has its own."""
    groups: dict[Tool, tuple[str | None, list[int], list[tuple[int, str]]]] = {}
    for tool, heading, texts in headings.values():
        groups[tool] = (heading, [], [(0, t) for t in texts])
    for _, number, _, _, texts in rows:
        tool = INDICATOR_TOOL[number]
        _, members, beside = groups.setdefault(tool, (None, [], []))
        members.append(number)
        beside.extend((number, t) for t in texts)
    for tool, (title, numbers, written) in groups.items():
        distinct = list(dict.fromkeys(text for _, text in written))
        if len(distinct) == 1:
            item: dict[str, Any] = {"tool": tool, "indicators": sorted(set(numbers))}
            if title:
                item["title"] = title
            found.findings.append(item | {"text": distinct[0]})
            continue
        for text in distinct:
            owners = sorted({number for number, t in written if t == text and number})
            found.findings.append({"indicators": owners, "text": text} if owners else {"tool": tool, "text": text})


def read_tool_table(table: Table, found: AssessmentFound, review: Review) -> bool:
    """``เครื่องมือ | คะแนน``: IIT, EIT (or its parts), OIT."""
    if not table.rows or "เครื่องมือ" not in squeezed(" ".join(table.rows[0])):
        return False
    for row_number, cells in zip(table.row_numbers[1:], table.rows[1:], strict=True):
        values = [c for c in cells if c.strip()]
        score = score_cell(values[-1]) if len(values) >= 2 else None
        name = one_line(values[0]) if values else ""
        key = re.sub(r"[^A-Z]", "", name.upper().split(" ")[0]) if name else ""
        if score is None or key not in ("IIT", "EIT", "OIT"):
            review.cell(
                table.number,
                row_number,
                None,
                "",
                " | ".join(values),
                "แถวนี้ไม่ใช่คะแนนเครื่องมือ (IIT, EIT, OIT) ที่อ่านได้",
                "this row is not a tool score (IIT, EIT, OIT) the import could read",
            )
            continue
        if key == "EIT" and name.upper() != "EIT":
            found.tools.setdefault("eit_parts", []).append({"name": name, "score": score})
        else:
            found.tools[key.lower()] = score
    review.used_tables.add(table.number)
    return True


def read_analysis_table(table: Table, found: AssessmentFound, review: Review) -> bool:
    """``ประเด็น | ผลการวิเคราะห์``: the analysis of each indicator, a row each (continued on the
    next page in a row whose first cell is empty)."""
    if not table.rows or len(table.rows[0]) != 2 or "ผลการวิเคราะห์" not in squeezed(table.rows[0][1]):
        return False
    items: list[dict[str, Any]] = []
    for row_number, cells in zip(table.row_numbers[1:], table.rows[1:], strict=True):
        label, text = [*cells, "", ""][:2]
        indicator = indicator_of(label) if label.strip() else None
        if not label.strip() and items and text.strip():
            items[-1]["text"] = join_continued(items[-1]["text"], clean(text))
        elif indicator is not None and text.strip():
            items.append({"indicators": [indicator[0]], "text": clean(text)})
        elif text.strip():  # a heading of the office's own, not one of the ten indicators
            heading = strip_number(one_line(label))
            items.append({"title": heading, "text": clean(text)} if heading else {"text": clean(text)})
        elif label.strip():
            review.cell(
                table.number,
                row_number,
                1,
                one_line(table.rows[0][0]),
                label,
                "แถวนี้ไม่มีผลการวิเคราะห์ จึงไม่ได้นำเข้า",
                "this row has no analysis text; it was not imported",
            )
    found.findings.extend(items)
    review.used_tables.add(table.number)
    return True


def join_continued(first: str, rest: str) -> str:
    """A text broken by a page: rejoined without a space inside a Thai word, with one elsewhere."""
    if first and rest and "\u0e00" <= first[-1] <= "\u0e7f" and "\u0e00" <= rest[0] <= "\u0e7f":
        return first + rest
    return f"{first} {rest}".strip()
