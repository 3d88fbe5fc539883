"""Cross-field checks of the fiscal years: references, uniqueness, levels, and dates in their year.

They run on validated records; a problem names its file and field path, and ``SourceFiles`` adds
the line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..problems import Location
from ..records.fiscal_year import FiscalYear, Period
from ..records.levels import TOTAL_TOLERANCE, level_mismatch, level_rule, levels_of_year, weighted_total
from ..thai.dates import ThaiDate, fiscal_year_bounds, format_date
from .far_dates import check_far
from .schema import Validator

REPORT_GRACE_DAYS = 90
"""A year-end report may be dated up to this long after 30 September."""
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids become parts of URLs and anchors (measures/#measure-m1): keep them plain."""


def check_unique_years(years: list[FiscalYear], data_dir: Path, validator: Validator) -> None:
    seen: set[int] = set()
    for year in years:
        if year.fiscal_year in seen:
            validator.error(
                Location(data_dir / "years", None, "fiscal_year"),
                f"ปีงบประมาณ {year.fiscal_year} มีมากกว่าหนึ่งไฟล์",
                f"fiscal year {year.fiscal_year} appears in more than one file",
            )
        seen.add(year.fiscal_year)


def check_year(year: FiscalYear, path: Path, validator: Validator) -> None:
    """Cross-field checks: references, uniqueness, levels and dates inside the fiscal year."""
    at = Location(path)
    check_far([year.updated], year.fiscal_year, at.child("updated"), validator, only_earlier=True)
    _check_assessment(year, at, validator)
    measure_ids = [m.id for m in year.measures.items] if year.measures else []
    for index, measure_id in enumerate(measure_ids):
        if not ID_PATTERN.match(measure_id):
            validator.error(
                at.child("measures").child("items").child(index).child("id"),
                f"รหัสมาตรการ '{measure_id}' ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก a-z ตัวเลข 0-9 และขีด - (เช่น m1, open-data) เพราะรหัสเป็นส่วนหนึ่งของที่อยู่เว็บ",
                f"measure id '{measure_id}' may only use lowercase a-z, digits 0-9 and hyphens (such as m1, open-data), because it becomes part of web addresses",
            )
        if measure_id in measure_ids[:index]:
            validator.error(
                at.child("measures").child("items").child(index).child("id"),
                f"รหัสมาตรการ '{measure_id}' ซ้ำกัน รหัสต้องไม่ซ้ำ",
                f"measure id '{measure_id}' is used twice; ids must be unique",
            )
    if year.measures:
        for index, measure in enumerate(year.measures.items):
            where = at.child("measures").child("items").child(index)
            _check_indicators(measure.indicators, where.child("indicators"), validator)
            if not measure.responsible:
                validator.warn(
                    where.child("id"),
                    f"มาตรการ '{measure.title}' ยังไม่ระบุผู้รับผิดชอบ (responsible:) ผู้ประเมินและประชาชนต้องรู้ว่าหน่วยงานใดดำเนินการ",
                    f"the measure '{measure.title}' names no responsible unit (responsible:); assessors and citizens need to know who acts",
                )
            if measure.period is not None:
                _check_stated_year(measure.period, year.fiscal_year, where.child("period"), validator)
                start, end = measure.period.days(year.fiscal_year)
                far = check_far(_ends(measure.period), year.fiscal_year, where.child("period"), validator)
                if not far and _check_order(start, end, where.child("period"), validator):
                    _check_in_year(start, end, year.fiscal_year, where.child("period"), validator)
    if year.analysis:
        for index, item in enumerate(year.analysis.items):
            _check_indicators(
                item.indicators, at.child("analysis").child("items").child(index).child("indicators"), validator
            )
    rounds = [report.round for report in year.progress_reports]
    for r_index, report in enumerate(year.progress_reports):
        where = at.child("progress_reports").child(r_index)
        if report.round in rounds[:r_index]:
            validator.error(
                where.child("round"),
                f"รายงานรอบ '{report.round}' มีมากกว่าหนึ่งรายการในปีนี้ (รวมไว้ในรายการเดียว)",
                f"there is more than one '{report.round}' report in this year; merge them into one",
            )
        if report.date is not None and not check_far([report.date], year.fiscal_year, where.child("date"), validator):
            _check_in_year(
                report.date.first_day,
                report.date.first_day,
                year.fiscal_year,
                where.child("date"),
                validator,
                REPORT_GRACE_DAYS,
            )
        for i_index, progress in enumerate(report.items):
            item_at = where.child("items").child(i_index)
            said = progress.actions or progress.outputs or progress.outcomes or progress.evidence or progress.note
            if progress.status == "done" and not said:
                validator.warn(
                    item_at.child("status"),
                    f"รายงานว่ามาตรการ '{progress.measure}' ดำเนินการแล้ว แต่ไม่บอกว่าทำอะไร ใส่ actions:, outputs:, evidence: หรือ note:",
                    f"the report marks measure '{progress.measure}' done but says nothing of what was done; add actions:, outputs:, evidence: or note:",
                )
            if progress.measure not in measure_ids:
                known = ", ".join(measure_ids) or "ไม่มี / none"
                validator.error(
                    item_at.child("measure"),
                    f"ไม่พบมาตรการรหัส '{progress.measure}' ในปีนี้ (รหัสที่มี: {known})",
                    f"no measure with id '{progress.measure}' in this year (known ids: {known})",
                )
            if progress.date is not None and not check_far(
                [progress.date], year.fiscal_year, item_at.child("date"), validator
            ):
                day = progress.date.first_day
                _check_in_year(day, day, year.fiscal_year, item_at.child("date"), validator, REPORT_GRACE_DAYS)
            if progress.period is not None:
                _check_stated_year(progress.period, year.fiscal_year, item_at.child("period"), validator)
                if not check_far(_ends(progress.period), year.fiscal_year, item_at.child("period"), validator):
                    _check_order(*progress.period.days(year.fiscal_year), item_at.child("period"), validator)


def _ends(period: Period) -> list[ThaiDate]:
    """The dates a period was given by (none for the whole fiscal year, which cannot lie far)."""
    if period.whole_fiscal_year or period.start is None:
        return []
    return [period.start] if period.end is None else [period.start, period.end]


def _check_stated_year(period: Period, fiscal_year: int, where: Location, validator: Validator) -> None:
    """``ตลอดปีงบประมาณ พ.ศ. 2568`` in the file of 2569 is a copy from last year's file."""
    if period.stated_year is not None and period.stated_year != fiscal_year:
        validator.error(
            where,
            f"ระบุ ตลอดปีงบประมาณ พ.ศ. {period.stated_year} แต่ไฟล์นี้เป็นของปีงบประมาณ {fiscal_year} (คัดลอกมาจากปีก่อนหรือไม่?)",
            f"the period says the whole fiscal year {period.stated_year}, but this file is fiscal year {fiscal_year} (copied from last year's file?)",
        )


def _check_order(start: dt.date, end: dt.date, where: Location, validator: Validator) -> bool:
    """A period must not end before it starts; True when it is in order."""
    if end >= start:
        return True
    validator.error(
        where.child("end"),
        f"ระยะเวลาสิ้นสุด ({format_date(end)}) ก่อนวันเริ่มต้น ({format_date(start)}) ตรวจว่าสลับ start กับ end หรือไม่",
        f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()}); are start and end swapped?",
    )
    return False


def _check_assessment(year: FiscalYear, at: Location, validator: Validator) -> None:
    assessment = year.assessment
    if assessment is None:
        return
    where = at.child("assessment")
    numbers = [i.number for i in assessment.indicators]
    for index, number in enumerate(numbers):
        if number in numbers[:index]:
            validator.error(
                where.child("indicators").child(index),
                f"ตัวชี้วัดที่ {number} ซ้ำกัน",
                f"indicator {number} is listed twice",
            )
    if assessment.level is not None and assessment.level not in levels_of_year(assessment.ita_year):
        allowed = ", ".join(levels_of_year(assessment.ita_year))
        validator.warn(
            where.child("level"),
            f"ระดับ '{assessment.level}' ไม่ใช่ชื่อระดับที่ใช้ใน ITA {assessment.ita_year} (ระดับที่ใช้: {allowed})",
            f"level '{assessment.level}' is not a level name used in ITA {assessment.ita_year} (used: {allowed})",
        )
    elif (mismatch := level_mismatch(assessment)) is not None:
        published, allowed_levels = mismatch
        allowed = " หรือ ".join(sorted(allowed_levels))
        why = level_rule(assessment, published)
        validator.warn(
            where.child("level"),
            f"ระดับที่ระบุ '{published}' ไม่ตรงกับคะแนน {assessment.overall_score:.2f} ตามเกณฑ์ปี {assessment.ita_year} (ควรเป็น {allowed}): {why[0]} โปรดตรวจสอบ",
            f"the stated level '{published}' does not match the score {assessment.overall_score:.2f} under the {assessment.ita_year} bands (expected {allowed}): {why[1]}",
        )
    total = weighted_total(assessment.tools)
    if (
        total is not None
        and assessment.overall_score is not None
        and abs(total - assessment.overall_score) > TOTAL_TOLERANCE
    ):
        validator.warn(
            where.child("overall_score"),
            f"คะแนนรวม {assessment.overall_score:.2f} ไม่ตรงกับคะแนนรายเครื่องมือ (IIT 30% + EIT 30% + OIT 40% = {total:.2f}) ตรวจตัวเลขกับประกาศผลของ ป.ป.ช.",
            f"the total {assessment.overall_score:.2f} does not match the tools (IIT 30% + EIT 30% + OIT 40% = {total:.2f}); check the figures against NACC's result",
        )
    announced = assessment.announced
    if announced is not None and not check_far([announced], assessment.ita_year, where.child("announced"), validator):
        day = announced.first_day
        _check_in_year(day, day, assessment.ita_year, where.child("announced"), validator, REPORT_GRACE_DAYS)


def _check_indicators(numbers: list[int], where: Location, validator: Validator) -> None:
    for index, number in enumerate(numbers):
        if not 1 <= number <= 10:
            validator.error(
                where.child(index),
                f"ตัวชี้วัดต้องเป็นเลข 1 ถึง 10 แต่พบ {number}",
                f"an indicator is a number from 1 to 10; found {number}",
            )


def _check_in_year(
    start: dt.date, end: dt.date, fiscal_year: int, where: Location, validator: Validator, grace_days: int = 0
) -> None:
    first, last = fiscal_year_bounds(fiscal_year)
    if start >= first and end <= last + dt.timedelta(days=grace_days):
        return
    shown = format_date(start) if start == end else f"{format_date(start)} – {format_date(end)}"
    validator.warn(
        where,
        f"วันที่ {shown} อยู่นอกปีงบประมาณ {fiscal_year} ({format_date(first)} – {format_date(last)})",
        f"the date {start.isoformat()}{'' if start == end else ' – ' + end.isoformat()} lies outside fiscal year {fiscal_year} ({first.isoformat()} – {last.isoformat()})",
    )
