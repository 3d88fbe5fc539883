"""A Word document → the plain values of one year's data file, and what was left for review.

Each table is offered to the readers in turn (indicator scores, tool scores, the analysis, the
measures, a progress report); one none of them understands is named in the review with its first
row, and the facts of the other tables are still imported. Every paragraph no reader used is named
too, so the office sees all that the draft does not hold.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ...thai.dates import be_year, fiscal_year_of, parse_thai_date, split_period, whole_fiscal_year
from .blocks import Paragraph, Table, document_blocks
from .columns import header_rows, is_measures_table, is_progress_table, report_round
from .measures import MeasuresFound, read_measures_table
from .opening import DocumentLocation, document_problem, open_document
from .progress import read_progress_table
from .review import Note, Review
from .scores import (
    AssessmentFound,
    read_analysis_table,
    read_indicator_table,
    read_overall,
    read_tool_findings,
    read_tool_table,
    read_years,
)
from .signatures import read_signatories
from .surveys import announcement_ranges, read_surveys
from .text import one_line


def read_document(
    path: Path, today: dt.date | None = None, known_measures: list[dict[str, Any]] | None = None
) -> tuple[dict[str, Any], Review]:
    """The year's values and the review; ``known_measures``: the year's measures already in the data
    folder, which a report-only document's rows are matched to."""
    blocks = document_blocks(open_document(path))
    review = Review(path)
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    assessment = AssessmentFound()
    read_years(paragraphs, assessment, review)
    read_overall(paragraphs, assessment, review)
    named = read_tool_findings(paragraphs, assessment, review)
    answers: list[int] | None = None
    measures = MeasuresFound()
    reports: list[dict[str, Any]] = []
    since_table: list[Paragraph] = []
    status_round: str | None = None
    after: dict[int, str] = {}
    """Paragraph number → the section of the last table before it: a signature closes that section."""
    section = "analysis"
    for block in blocks:
        if isinstance(block, Paragraph):
            since_table.append(block)
            after[block.number] = section
            answers = named.get(block.number, answers)
            continue
        reported_on = measures.items or known_measures or []
        section = (
            _read_table(block, since_table, assessment, measures, reports, review, answers, reported_on) or section
        )
        if measures.statuses and status_round is None:
            status_round = report_round(" ".join(block.rows[0]) if block.rows else "")
        since_table = []
    announcements = announcement_ranges(paragraphs)
    surveys = read_surveys(announcements, review)
    inside = {paragraph.number for announcement in announcements for paragraph in announcement}
    signatories = read_signatories([p for p in paragraphs if p.number not in inside], review)
    _note_unused(paragraphs, review)
    if measures.statuses and status_round is not None:
        reports.insert(0, {"round": status_round, "items": measures.statuses})
    elif measures.statuses:
        review.notes.append(
            Note(
                DocumentLocation(path),
                "มีเครื่องหมายในช่องดำเนินการแล้ว/ยังไม่ดำเนินการ แต่หัวตารางไม่บอกรอบของรายงาน จึงไม่ได้นำเข้าสถานะ: ใส่ progress_reports เอง",
                "ticks under ดำเนินการแล้ว / ยังไม่ดำเนินการ were found, but the header names no report round, "
                "so the statuses were not imported: add progress_reports yourself",
            )
        )
    year = _year(path, assessment, measures, reports, review, today or dt.date.today())
    if surveys is not None:
        year["surveys"] = surveys
    _sign(year, [(after.get(number, "analysis"), signatory) for number, signatory in signatories])
    return year, review


def _sign(year: dict[str, Any], signatories: list[tuple[str, dict[str, Any]]]) -> None:
    """Signatories under the section whose table they follow (the measures, else a report, else
    the analysis, whichever the year holds)."""
    for section, signatory in signatories:
        reports = year.get("progress_reports") or []
        holders = {"measures": year.get("measures"), "report": reports[-1] if reports else None}
        holder = holders.get(section) or year.get("measures") or holders["report"] or year.get("analysis")
        if holder is not None:
            holder.setdefault("signatories", []).append(signatory)


def _read_table(
    table: Table,
    before: list[Paragraph],
    assessment: AssessmentFound,
    measures: MeasuresFound,
    reports: list[dict[str, Any]],
    review: Review,
    answers: list[int] | None,
    reported_on: list[dict[str, Any]],
) -> str | None:
    """The section the table belongs to, once read (None: not understood)."""
    if read_indicator_table(table, assessment, review) or read_tool_table(table, assessment, review):
        return "analysis"
    if read_analysis_table(table, assessment, review):
        return "analysis"
    _, roles = header_rows(table)
    if is_measures_table(roles):
        read_measures_table(table, measures, review, answers)
        return "measures"
    if is_progress_table(roles):
        report = read_progress_table(table, before, reported_on, review)
        if report is not None:
            reports.append(report)
        return "report"
    if any(cell.strip() for row in table.rows for cell in row):
        first = " | ".join(one_line(cell) for cell in (table.rows[0] if table.rows else []) if cell.strip())
        review.table(
            table.number,
            first,
            "ไม่เข้าใจตารางนี้ (หัวตารางไม่ใช่ของคะแนน การวิเคราะห์ มาตรการ หรือรายงานผล) จึงไม่ได้นำเข้า: ตรวจและใส่เองหากจำเป็น",
            "the import did not understand this table (its header is not one of scores, analysis, measures or a report); "
            "it was not imported: check it and add what it holds yourself",
        )
    return None


def _note_unused(paragraphs: list[Paragraph], review: Review) -> None:
    for paragraph in paragraphs:
        text = one_line(paragraph.text)
        if text and paragraph.number not in review.used_paragraphs and any(c.isalpha() for c in text):
            review.paragraph(
                paragraph.number,
                text,
                "ย่อหน้านี้ไม่ได้นำเข้า (ข้อความบรรยาย หรือข้อมูลที่ระบบไม่แน่ใจ)",
                "this paragraph was not imported (prose, or a fact the import was not sure of)",
            )


def _year(
    path: Path,
    assessment: AssessmentFound,
    measures: MeasuresFound,
    reports: list[dict[str, Any]],
    review: Review,
    today: dt.date,
) -> dict[str, Any]:
    fiscal_year = assessment.fiscal_year or _fiscal_year_of_periods(measures.items)
    ita_year = assessment.ita_year
    if fiscal_year is None and ita_year is not None:
        fiscal_year = ita_year + 1
        review.notes.insert(0, _next_year_note(path, ita_year))
    if fiscal_year is None:
        raise document_problem(
            path,
            "ไม่พบปีงบประมาณในเอกสาร (เช่น 'มาตรการ… ประจำปีงบประมาณ พ.ศ. 2568' หรือ 'ผลการประเมิน ITA ปี พ.ศ. 2567') "
            "เพิ่มในหัวเอกสารแล้วนำเข้าใหม่",
            "no fiscal year was found in the document (such as 'มาตรการ… ประจำปีงบประมาณ พ.ศ. 2568' or "
            "'ผลการประเมิน ITA ปี พ.ศ. 2567'); add it to the document's heading and import again",
        )
    year: dict[str, Any] = {
        "fiscal_year": fiscal_year,
        "updated": f"{be_year(today.year)}-{today.month:02d}-{today.day:02d}",
    }
    scores = assessment.indicators or assessment.overall_score is not None or assessment.tools
    if scores and ita_year is None:
        ita_year = fiscal_year - 1
        review.notes.insert(0, _year_before_note(path, fiscal_year))
    if ita_year is not None:
        found: dict[str, Any] = {"ita_year": ita_year}
        for key in ("overall_score", "level", "announced"):
            if (value := getattr(assessment, key)) is not None:
                found[key] = value
        if assessment.tools:
            found["tools"] = assessment.tools
        if assessment.indicators:
            found["indicators"] = [assessment.indicators[n] for n in sorted(assessment.indicators)]
        year["assessment"] = found
    findings = assessment.findings + measures.findings
    if findings:
        year["analysis"] = {"items": findings}
    if measures.items:
        year["measures"] = {"items": measures.items}
    if reports:
        year["progress_reports"] = reports
    return year


def _next_year_note(path: Path, ita_year: int) -> Note:
    return Note(
        DocumentLocation(path),
        f"เอกสารบอกปีที่ประเมิน (ITA {ita_year}) แต่ไม่บอกปีงบประมาณของมาตรการ จึงใช้ปีถัดไป {ita_year + 1}: ตรวจ",
        f"the document names the assessed year (ITA {ita_year}) but not the measures' fiscal year, "
        f"so the next, {ita_year + 1}, was used: check it",
    )


def _year_before_note(path: Path, fiscal_year: int) -> Note:
    return Note(
        DocumentLocation(path),
        f"เอกสารไม่บอกปีที่ประเมิน จึงใช้ปีก่อนปีงบประมาณ (ITA {fiscal_year - 1}): ตรวจ",
        f"the document does not name the assessed year, so the year before the fiscal year (ITA {fiscal_year - 1}) was used: check it",
    )


def _fiscal_year_of_periods(items: list[dict[str, Any]]) -> int | None:
    """The fiscal year every dated period of the measures falls in, when they agree."""
    years: set[int] = set()
    for item in items:
        period = item.get("period")
        if not isinstance(period, str):
            continue
        whole, stated = whole_fiscal_year(period)
        if whole and stated:
            years.add(stated)
        elif (ends := split_period(period)) is not None:
            years.add(fiscal_year_of(parse_thai_date(ends[0]).first_day))
    return years.pop() if len(years) == 1 else None
