"""Survey links and response windows: the IIT/EIT addresses NACC gives an agency, and their checks.

Every agency gets one short code in NACC's ITAS system; both surveys use it
(``https://itas.nacc.go.th/go/iit/<code>``, ``…/go/eit/<code>``). A wrong link on a printed
notice sends citizens to the wrong place, so a link must have exactly that form and carry the
agency's own code, unless site.yml lists another host in ``survey_hosts`` (then it is a warning).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .errors import DataError, Location
from .model import TOOL_NAMES, Agency, FiscalYear, SiteSettings, Surveys
from .schema import Validator
from .thai import fiscal_year_bounds, format_date
from .yaml_source import YamlMap, load_yaml_file

ITAS_HOST = "itas.nacc.go.th"
SurveyTool = Literal["iit", "eit"]
SURVEY_TOOLS: tuple[SurveyTool, ...] = ("iit", "eit")
ITAS_CODE = re.compile(r"^[A-Za-z0-9]+$")
_ITAS_PATH = re.compile(r"^/go/([a-z]+)/([^/]+)$")
THAILAND = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Thailand keeps UTC+7 all year: no tz database needed (Windows has none)."""


def survey_url(tool: SurveyTool, code: str) -> str:
    return f"https://{ITAS_HOST}/go/{tool}/{code}"


@dataclass(frozen=True)
class SurveyLink:
    tool: SurveyTool
    url: str

    @property
    def survey_name(self) -> str:
        return TOOL_NAMES[self.tool]


def survey_links(agency: Agency, surveys: Surveys) -> list[SurveyLink]:
    """The IIT and EIT links of a validated year: as written, or built from the agency's code."""
    links = []
    for tool in SURVEY_TOOLS:
        url = getattr(surveys, tool) or survey_url(tool, agency.itas_code or "")
        links.append(SurveyLink(tool, str(url)))
    return links


def surveys_ita_year(year: FiscalYear) -> int:
    assert year.surveys is not None
    return year.surveys.ita_year or year.fiscal_year


# --- The response window -----------------------------------------------------------------------


def today_in_thailand() -> dt.date:
    return dt.datetime.now(THAILAND).date()


def window_is_open(surveys: Surveys, today: dt.date) -> bool:
    return surveys.opens.first_day <= today <= surveys.closes.last_day


def window_bounds_iso(surveys: Surveys) -> tuple[str, str]:
    """Start of the first day and end of the last day, Thai time, for the page's script."""
    opens = dt.datetime.combine(surveys.opens.first_day, dt.time(0, 0, 0), THAILAND)
    closes = dt.datetime.combine(surveys.closes.last_day, dt.time(23, 59, 59), THAILAND)
    return opens.isoformat(), closes.isoformat()


# --- Checks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
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
    agency: Agency, settings: SiteSettings, year: FiscalYear, data_dir: Path, validator: Validator
) -> None:
    """Links of the right form and code, and a window that makes sense, for one fiscal year."""
    if year.surveys is None:
        return
    where = _locate(data_dir, year)
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


def _locate(data_dir: Path, year: FiscalYear) -> _Where:
    year_file = data_dir / "years" / f"{year.fiscal_year}.yml"
    agency_file = data_dir / "agency.yml"
    raw_year, raw_agency = _raw(year_file), _raw(agency_file)
    surveys = raw_year.get("surveys")
    return _Where(
        year_file,
        raw_year.key_lines.get("surveys"),
        surveys.key_lines if isinstance(surveys, YamlMap) else {},
        agency_file,
        raw_agency.key_lines.get("itas_code"),
    )


def _raw(path: Path) -> YamlMap:
    """The file's mapping again, for line numbers only: it has already loaded once without error."""
    try:
        raw = load_yaml_file(path)
    except DataError:
        raw = None
    if isinstance(raw, YamlMap):
        return raw
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
    if closes < opens:
        validator.error(
            where.field("closes"),
            f"วันปิดรับคำตอบ ({format_date(closes)}) อยู่ก่อนวันเปิด ({format_date(opens)})",
            f"the closing day ({closes.isoformat()}) is before the opening day ({opens.isoformat()})",
        )
        return
    ita_year = surveys_ita_year(year)
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
