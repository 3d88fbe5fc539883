"""Loading a data directory into a validated ``Site``, with the checks that span fields.

Layout of a data directory (documented for webmasters in data/README.md)::

    agency.yml        the agency
    site.yml          site settings (optional)
    years/2568.yml    one file per fiscal year (B.E.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import DataError, Location, Problem
from .integrity import add_lines, check_logo, check_year_files
from .levels import level_mismatch, levels_of_year
from .model import Agency, FiscalYear, Site, SiteSettings
from .oit import load_content_and_oit
from .schema import INVALID, Validator, load_record
from .surveys import check_surveys
from .thai import fiscal_year_bounds, format_date
from .yaml_source import YamlMap, load_yaml_file

YEAR_FILE_GLOB = "*.yml"
T = TypeVar("T")
REPORT_GRACE_DAYS = 90
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids become parts of URLs and anchors (measures/#measure-m1): keep them plain."""
"""A year-end report may be dated up to this long after 30 September."""


@dataclass(frozen=True)
class LoadResult:
    site: Site
    warnings: list[Problem]


def load_site(data_dir: Path) -> LoadResult:
    """Read and validate everything under ``data_dir``; raise DataError listing every error."""
    validator = Validator()
    if not (data_dir / "agency.yml").is_file():
        raise DataError(
            [
                Problem(
                    Location(data_dir / "agency.yml"),
                    f"ไม่พบไฟล์ข้อมูลหน่วยงาน agency.yml ในโฟลเดอร์ {data_dir}",
                    f"the agency file agency.yml was not found in {data_dir}",
                )
            ]
        )
    agency = _load_file(Agency, data_dir / "agency.yml", validator)
    settings_file = data_dir / "site.yml"
    settings = _load_file(SiteSettings, settings_file, validator) if settings_file.is_file() else SiteSettings()
    if agency is not INVALID:
        check_logo(agency, data_dir, validator)
    check_year_files(data_dir, validator)
    years = [_load_year(path, validator) for path in sorted((data_dir / "years").glob(YEAR_FILE_GLOB))]
    content, oit = load_content_and_oit(data_dir, years, settings, validator)
    # Cross-field checks run on every record that validated, even when another file did not, so
    # that one build reports every mistake it can see.
    years = sorted((y for y in years if y is not INVALID), key=lambda y: y.fiscal_year)
    _check_unique_years(years, data_dir, validator)
    for year in years:
        _check_year(year, data_dir / "years" / f"{year.fiscal_year}.yml", validator)
        if agency is not INVALID and settings is not INVALID:
            check_surveys(agency, settings, year, data_dir, validator)
    _raise_if_errors(validator)
    return LoadResult(Site(agency, settings, years, data_dir, content, oit), add_lines(validator.warnings))


def _raise_if_errors(validator: Validator) -> None:
    validator.errors[:] = add_lines(validator.errors)  # cross-field checks know fields, not lines
    validator.raise_if_errors()


def _load_file(cls: type[T], path: Path, validator: Validator) -> T:
    try:
        raw = load_yaml_file(path)
    except DataError as exc:
        validator.errors.extend(exc.problems)
        return INVALID  # type: ignore[no-any-return]
    return load_record(cls, raw, path, validator)


def _load_year(path: Path, validator: Validator) -> FiscalYear:
    year = _load_file(FiscalYear, path, validator)
    if year is not INVALID and path.stem != str(year.fiscal_year):
        raw = load_yaml_file(path)
        line = raw.key_lines.get("fiscal_year") if isinstance(raw, YamlMap) else None
        validator.error(
            Location(path, line, "fiscal_year"),
            f"ชื่อไฟล์ต้องเป็นปีงบประมาณ {year.fiscal_year}.yml ให้ตรงกับ fiscal_year แต่ชื่อไฟล์คือ {path.name}",
            f"the file name must match fiscal_year ({year.fiscal_year}.yml); found {path.name}",
        )
    return year


def _check_unique_years(years: list[FiscalYear], data_dir: Path, validator: Validator) -> None:
    seen: set[int] = set()
    for year in years:
        if year.fiscal_year in seen:
            validator.error(
                Location(data_dir / "years", None, "fiscal_year"),
                f"ปีงบประมาณ {year.fiscal_year} มีมากกว่าหนึ่งไฟล์",
                f"fiscal year {year.fiscal_year} appears in more than one file",
            )
        seen.add(year.fiscal_year)


def _check_year(year: FiscalYear, path: Path, validator: Validator) -> None:
    """Cross-field checks: references, uniqueness, levels and dates inside the fiscal year."""
    at = Location(path)
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
            if measure.period is not None:
                start, end = measure.period.days(year.fiscal_year)
                if _check_order(start, end, where.child("period"), validator):
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
        if report.date is not None:
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
            if progress.measure not in measure_ids:
                known = ", ".join(measure_ids) or "ไม่มี / none"
                validator.error(
                    item_at.child("measure"),
                    f"ไม่พบมาตรการรหัส '{progress.measure}' ในปีนี้ (รหัสที่มี: {known})",
                    f"no measure with id '{progress.measure}' in this year (known ids: {known})",
                )
            if progress.date is not None:
                day = progress.date.first_day
                _check_in_year(day, day, year.fiscal_year, item_at.child("date"), validator, REPORT_GRACE_DAYS)
            if progress.period is not None:
                _check_order(*progress.period.days(year.fiscal_year), item_at.child("period"), validator)


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
        validator.warn(
            where.child("level"),
            f"ระดับที่ระบุ '{published}' ไม่ตรงกับคะแนน {assessment.overall_score:.2f} ตามเกณฑ์ปี {assessment.ita_year} (ควรเป็น {allowed}) โปรดตรวจสอบ",
            f"the stated level '{published}' does not match the score {assessment.overall_score:.2f} under the {assessment.ita_year} bands (expected {allowed})",
        )
    if assessment.announced is not None:
        day = assessment.announced.first_day
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
