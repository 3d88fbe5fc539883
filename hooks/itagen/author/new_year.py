"""The next fiscal year's data file, made from the latest year before it (``make new-year``).

What usually stays is carried forward for review: the measures (their periods moved one year on),
the responsible units, the signatories, and the survey announcement with the agency's ITAS code.
What must be new is left out, with comments that say what to fill in: the ITA result, its analysis,
the progress reports and the survey dates.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

from ..records.fiscal_year import FiscalYear, Measure, Period
from ..records.oit import Evidence
from ..records.site import Site
from ..records.surveys import today_in_thailand
from ..thai.dates import ThaiDate, fiscal_year_of
from .records_yaml import date_text, plain

HEADER = """\
# yaml-language-server: $schema=../../schemas/year.schema.json
# ข้อมูลปีงบประมาณ พ.ศ. {year} สร้างจากปี {previous} ด้วย make new-year — ตรวจและแก้ทุกส่วนก่อนเผยแพร่
# Fiscal year {year}, made from {previous} by make new-year: review every part before publishing.
# ดูคำอธิบายทุกช่องที่ data/README.md / every key is explained in data/README.md
"""

RESULT_TO_FILL = """
# ผลการประเมิน ITA {ita_year}: เติมเมื่อ ป.ป.ช. ประกาศผล แล้วลบ # หน้าบรรทัด
# The ITA {ita_year} result: fill in once NACC announces it, then remove the leading #.
# assessment:
#   ita_year: {ita_year}
#   overall_score: 00.00
#   level: ผ่าน
#   tools: {{iit: 00.00, eit: 00.00, oit: 00.00}}
#   indicators:
#     - {{number: 1, score: 00.00}}
# analysis:
#   items:
#     - indicators: [1]
#       text: ผลการวิเคราะห์
"""

REPORTS_TO_FILL = """
# รายงานผลการดำเนินการตามมาตรการ: เพิ่มเมื่อถึงรอบ 6 เดือนและ 12 เดือน
# Progress reports: add them at the 6-month and 12-month rounds.
# progress_reports:
#   - round: 6-month
#     date: {year}-04-01
#     items:
{report_items}
"""

SURVEYS_TO_FILL = """
# ประกาศเชิญตอบแบบวัด IIT/EIT: เติมวันที่เมื่อ ป.ป.ช. แจ้งช่องทาง แล้วลบ # หน้าบรรทัด
# Survey announcements: fill in the dates once NACC opens the surveys, then remove the leading #.
# surveys:
#   opens: {year}-01-05
#   closes: {year}-06-30
#   announced: {year}-01-05
{signatory}{links}"""


def new_year_text(site: Site, fiscal_year: int) -> str:
    """The text of ``years/<fiscal_year>.yml`` made from the latest earlier year of ``site``."""
    previous = _previous(site, fiscal_year)
    today = today_in_thailand()
    carried: dict[str, Any] = {
        "fiscal_year": fiscal_year,
        "updated": date_text(ThaiDate(today.year, today.month, today.day)),
    }
    if previous.measures is not None:
        measures = [_next_year(measure) for measure in previous.measures.items]
        carried["measures"] = plain(dataclasses.replace(previous.measures, items=measures))
    text = HEADER.format(year=fiscal_year, previous=previous.fiscal_year)
    text += yaml.safe_dump(carried, allow_unicode=True, sort_keys=False, width=100)
    text += RESULT_TO_FILL.format(ita_year=fiscal_year - 1)
    measure_ids = [m.id for m in previous.measures.items] if previous.measures else ["m1"]
    items = "\n".join(f"#       - {{measure: {m}, status: in_progress, actions: [สิ่งที่ทำแล้ว]}}" for m in measure_ids)
    text += REPORTS_TO_FILL.format(year=fiscal_year, report_items=items)
    text += SURVEYS_TO_FILL.format(year=fiscal_year, signatory=_signatory(previous), links=_links(site))
    return text


def _previous(site: Site, fiscal_year: int) -> FiscalYear:
    earlier = [year for year in site.years if year.fiscal_year < fiscal_year]
    if not earlier:
        raise ValueError(f"no fiscal year before {fiscal_year}")
    return earlier[-1]


def _next_year(measure: Measure) -> Measure:
    """The measure with its period moved one fiscal year on, for review."""
    period = measure.period
    if period is None or period.start is None:
        return dataclasses.replace(measure, period=Period(whole_fiscal_year=True) if period else None)
    moved = Period(_a_year_later(period.start), _a_year_later(period.end) if period.end else None)
    return dataclasses.replace(measure, period=moved)


def _a_year_later(date: ThaiDate) -> ThaiDate:
    day = date.day if date.day is None or (date.month, date.day) != (2, 29) else 28
    return ThaiDate(date.year + 1, date.month, day)


def _signatory(previous: FiscalYear) -> str:
    signatory = previous.surveys.signatory if previous.surveys else None
    if signatory is None:
        return "#   signatory: {name: ชื่อ นามสกุล, position: ตำแหน่ง}\n"
    written = yaml.safe_dump({"signatory": plain(signatory)}, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"#   {line}\n" for line in written.splitlines())


def _links(site: Site) -> str:
    if site.agency.itas_code:
        return f"#   # ลิงก์สร้างจาก itas_code: {site.agency.itas_code} ใน agency.yml / links come from agency.yml's itas_code\n"
    return "#   iit: https://itas.nacc.go.th/go/iit/<รหัส>\n#   eit: https://itas.nacc.go.th/go/eit/<รหัส>\n"


def next_fiscal_year(site: Site) -> int:
    """The year after the site's newest, or the current fiscal year for a site without years."""
    newest = max((year.fiscal_year for year in site.years), default=None)
    return fiscal_year_of(today_in_thailand()) if newest is None else newest + 1


OIT_HEADER = """\
# yaml-language-server: $schema=../../schemas/oit-year.schema.json
# หลักฐาน OIT ปีงบประมาณ พ.ศ. {year} คัดลอกจากปี {previous} ด้วย make new-year — ตรวจทุกข้อกับรายการตรวจของปีนี้
# OIT evidence for {year}, copied from {previous} by make new-year: check every item against this year's list.
# หน้าของปี {previous} ที่ใช้เป็นหลักฐานเขียนเป็น {previous}/ชื่อหน้า ให้เปลี่ยนเป็นหน้าของปีนี้เมื่อมีข้อมูล
# Pages of {previous} are written {previous}/<page>: point them at this year's pages once they exist.
# checklist: ita-{year}   # ระบุเมื่อ ป.ป.ช. ประกาศรายการของปีนี้ / set once NACC publishes this year's list
"""


def new_oit_text(site: Site, fiscal_year: int, year_pages: set[str]) -> str | None:
    """``oit/<fiscal_year>.yml`` from the latest earlier OIT year, or None when the site keeps no OIT data.

    Evidence that names a page of the year without its year (``analysis``) would name a page the new
    year does not have yet: it is pinned to the year it came from (``2569/analysis``)."""
    earlier = [oit for oit in site.oit if oit.fiscal_year < fiscal_year]
    if not earlier:
        return None
    previous = earlier[-1]
    items = {}
    for code, entry in previous.items.items():
        evidence = [_pinned(e, previous.fiscal_year, year_pages) for e in entry.evidence]
        items[code] = plain(dataclasses.replace(entry, evidence=evidence))
    document = {"fiscal_year": fiscal_year, "items": items}
    text = OIT_HEADER.format(year=fiscal_year, previous=previous.fiscal_year)
    return text + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def _pinned(evidence: Evidence, year: int, year_pages: set[str]) -> Evidence:
    page = evidence.page
    if page is None or "/" in page or page.split("#")[0] not in year_pages:
        return evidence
    return dataclasses.replace(evidence, page=f"{year}/{page}")
