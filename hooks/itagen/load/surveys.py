"""Checks on a fiscal year's survey links and response window (records in ``records/surveys.py``).

A wrong link on a printed notice sends citizens to the wrong place, so a link must have exactly the
form NACC gives and carry the agency's own code, unless site.yml lists another host in
``survey_hosts`` (then it is a warning).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Location
from ..records.agency import Agency, SiteSettings
from ..records.fiscal_year import FiscalYear, Surveys
from ..records.record import record
from ..records.surveys import ITAS_HOST, SURVEY_TOOLS, SurveyTool, survey_url, surveys_ita_year
from ..source.yaml_tree import YamlMap
from ..thai.dates import ThaiDate, fiscal_year_bounds, format_date
from .far_dates import check_far
from .schema import Validator
from .sources import SourceFiles

ITAS_CODE = re.compile(r"^[A-Za-z0-9]+$")
_ITAS_PATH = re.compile(r"^/go/([a-z]+)/([^/]+)$")
MAX_SURVEY_URL_CHARS = 200
"""An ITAS link is about 40 characters; a code for 200 still scans from a 5 cm print, much longer ones do not."""


@record
class _Where:
    """Locations of the values a survey check may complain about."""

    year_file: Path
    surveys_line: int | None
    key_lines: dict[str, int]
    agency_file: Path
    code_line: int | None

    def field(self, key: str) -> Location:
        return Location(self.year_file, self.key_lines.get(key, self.surveys_line), f"surveys.{key}")

    @property
    def code(self) -> Location:
        return Location(self.agency_file, self.code_line, "itas_code")


def check_surveys(
    agency: Agency,
    settings: SiteSettings,
    year: FiscalYear,
    files: tuple[Path, Path],
    sources: SourceFiles,
    validator: Validator,
) -> None:
    """Links of the right form and code, and a window that makes sense, for one fiscal year.

    ``files`` are the year file and agency.yml, which ``sources`` has read: they give the lines.
    """
    if year.surveys is None:
        return
    where = _locate(*files, sources)
    code_ok = _check_agency_code(agency, where, validator)
    for tool in SURVEY_TOOLS:
        url = getattr(year.surveys, tool)
        if url is not None:
            _check_link(tool, str(url), agency.itas_code if code_ok else None, settings, where, validator)
        elif agency.itas_code is None:
            validator.error(
                where.field(tool),
                f"ไม่มีลิงก์แบบวัด {tool.upper()}: ระบุ itas_code ใน agency.yml (ระบบจะสร้างลิงก์ให้) หรือระบุ surveys.{tool}",
                f"no {tool.upper()} link: set itas_code in agency.yml (the link is built from it) or give surveys.{tool}",
            )
    _check_window(year, year.surveys, where, validator)


def _locate(year_file: Path, agency_file: Path, sources: SourceFiles) -> _Where:
    raw_year, raw_agency = _mapping(year_file, sources), _mapping(agency_file, sources)
    surveys = raw_year.get("surveys")
    return _Where(
        year_file,
        raw_year.key_lines.get("surveys"),
        surveys.key_lines if isinstance(surveys, YamlMap) else {},
        agency_file,
        raw_agency.key_lines.get("itas_code"),
    )


def _mapping(path: Path, sources: SourceFiles) -> YamlMap:
    """The file's top-level mapping as read for this load (it has loaded without error)."""
    root = sources.read(path).root
    if isinstance(root, YamlMap):
        return root
    empty = YamlMap()
    empty.key_lines = {}
    return empty


def _check_agency_code(agency: Agency, where: _Where, validator: Validator) -> bool:
    code = agency.itas_code
    if code is None or ITAS_CODE.match(code):
        return True
    validator.error(
        where.code,
        f'รหัส ITAS ต้องเป็นตัวอักษรภาษาอังกฤษและตัวเลขเท่านั้น เช่น h9unqk แต่พบ "{code}"',
        f'an ITAS code is English letters and digits only, such as h9unqk; found "{code}"',
    )
    return False


def _check_link(
    tool: SurveyTool, url: str, code: str | None, settings: SiteSettings, where: _Where, validator: Validator
) -> None:
    at = where.field(tool)
    expected = survey_url(tool, code or "<รหัส/code>")
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if len(url) > MAX_SURVEY_URL_CHARS:
        validator.error(
            at,
            f"ลิงก์แบบวัด {tool.upper()} ยาว {len(url):,} ตัวอักษร QR Code ของลิงก์ที่ยาวเกิน {MAX_SURVEY_URL_CHARS} ตัวอักษรจะแน่นจนสแกนจากประกาศที่พิมพ์ไม่ได้ ควรเป็น {expected}",
            f"the {tool.upper()} link is {len(url):,} characters long; the QR code of a link over {MAX_SURVEY_URL_CHARS} characters is too dense to scan from a printed notice; expected {expected}",
        )
        return
    if parts.scheme.lower() != "https":
        validator.error(
            at,
            f'ลิงก์แบบวัดต้องขึ้นต้นด้วย https:// เช่น {expected} แต่พบ "{url}"',
            f'a survey link must start with https://, such as {expected}; found "{url}"',
        )
        return
    if host != ITAS_HOST or parts.netloc.lower() != ITAS_HOST:
        _other_host(tool, url, host, expected, settings, at, validator)
        return
    match = _ITAS_PATH.match(parts.path)
    if match is None or parts.query or parts.fragment or match[1] not in SURVEY_TOOLS:
        validator.error(
            at,
            f'ลิงก์แบบวัด {tool.upper()} ต้องอยู่ในรูป {expected} พอดี แต่พบ "{url}"',
            f'the {tool.upper()} link must be exactly of the form {expected}; found "{url}"',
        )
        return
    if match[1] != tool:
        validator.error(
            at,
            f"ลิงก์นี้เป็นของแบบวัด {match[1].upper()} แต่ใส่ไว้ในช่อง {tool} ควรเป็น {expected}",
            f"this is the {match[1].upper()} link but it is under '{tool}'; expected {expected}",
        )
    _check_code(tool, url, match[2], code, where, validator)


def _check_code(tool: SurveyTool, url: str, found: str, code: str | None, where: _Where, validator: Validator) -> None:
    at = where.field(tool)
    if code is None:
        validator.error(
            at,
            f'ตรวจลิงก์ "{url}" ไม่ได้ เพราะ agency.yml ไม่มี itas_code ที่ถูกต้อง โปรดเพิ่ม itas_code: {found}',
            f'cannot check "{url}": agency.yml has no valid itas_code; add itas_code: {found}',
        )
    elif found != code:
        validator.error(
            at,
            f'รหัสในลิงก์ "{found}" ไม่ตรงกับ itas_code "{code}" ใน agency.yml ควรเป็น {survey_url(tool, code)}',
            f'the code "{found}" in the link does not match itas_code "{code}" in agency.yml; expected {survey_url(tool, code)}',
        )


def _other_host(
    tool: SurveyTool, url: str, host: str, expected: str, settings: SiteSettings, at: Location, validator: Validator
) -> None:
    allowed = {h.strip().lower() for h in settings.survey_hosts}
    if host in allowed and host != "":
        validator.warn(
            at,
            f"ลิงก์แบบวัด {tool.upper()} อยู่ที่ {host} ไม่ใช่ {ITAS_HOST} (อนุญาตไว้ใน site.yml survey_hosts) โปรดตรวจว่าถูกต้อง",
            f"the {tool.upper()} link is on {host}, not {ITAS_HOST} (allowed by survey_hosts in site.yml); make sure it is right",
        )
        return
    validator.error(
        at,
        f'ลิงก์แบบวัด {tool.upper()} ต้องเป็น {expected} แต่พบ "{url}" (โฮสต์ {host or "-"}) หากหน่วยงานได้รับลิงก์จากที่อื่นจริง ให้เพิ่มโฮสต์นั้นใน survey_hosts ของ site.yml',
        f'the {tool.upper()} link must be {expected}; found "{url}" (host {host or "-"}); if your agency really was given another host, list it under survey_hosts in site.yml',
    )


def _check_window(year: FiscalYear, surveys: Surveys, where: _Where, validator: Validator) -> None:
    opens, closes = surveys.opens.first_day, surveys.closes.last_day
    ita_year = surveys_ita_year(year)
    far = [check_far([day], ita_year, where.field(name), validator) for name, day in _dates(surveys)]
    if any(far):
        return
    if closes < opens:
        validator.error(
            where.field("closes"),
            f"วันปิดรับคำตอบ ({format_date(closes)}) อยู่ก่อนวันเปิด ({format_date(opens)})",
            f"the closing day ({closes.isoformat()}) is before the opening day ({opens.isoformat()})",
        )
        return
    first, last = fiscal_year_bounds(ita_year)
    if opens < first or closes > last:
        validator.warn(
            where.field("opens" if opens < first else "closes"),
            f"ช่วงตอบแบบวัด {format_date(opens)} – {format_date(closes)} อยู่นอกปีงบประมาณ {ita_year} ({format_date(first)} – {format_date(last)})",
            f"the response window {opens.isoformat()} – {closes.isoformat()} lies outside fiscal year {ita_year} ({first.isoformat()} – {last.isoformat()})",
        )
    if surveys.announced.first_day > closes:
        validator.warn(
            where.field("announced"),
            f"วันที่ประกาศ ({format_date(surveys.announced.first_day)}) อยู่หลังวันปิดรับคำตอบ ({format_date(closes)})",
            f"the announcement date ({surveys.announced.first_day.isoformat()}) is after the closing day ({closes.isoformat()})",
        )


def _dates(surveys: Surveys) -> list[tuple[str, ThaiDate]]:
    return [("opens", surveys.opens), ("closes", surveys.closes), ("announced", surveys.announced)]
