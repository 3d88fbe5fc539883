"""The typed records of a disclosure site. Their type hints are the data format (see data/README.md).

A required field has no default. ``SCORE`` bounds a score to 0–100. Later stages trust these
records: everything here has been validated by ``schema.Validator``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .schema import Url
from .text import MarkdownText
from .thai import Digits, ThaiDate, fiscal_year_bounds

if TYPE_CHECKING:
    from .content import AgencyContent
    from .errors import Location
    from .oit import OitYear
    from .schema import Validator

SCORE = {"minimum": 0, "maximum": 100}
FISCAL_YEAR = {"minimum": 2500, "maximum": 2700}

Tool = Literal["iit", "eit", "oit"]
Digits_ = Digits  # re-exported for the schema: Literal["thai", "arabic"]

INDICATOR_NAMES = {
    1: "การปฏิบัติหน้าที่",
    2: "การใช้งบประมาณ",
    3: "การใช้อำนาจ",
    4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต",
    6: "คุณภาพการดำเนินงาน",
    7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงระบบการทำงาน",
    9: "การเปิดเผยข้อมูล",
    10: "การป้องกันการทุจริต",
}
INDICATOR_TOOL: dict[int, Tool] = {n: "iit" if n <= 5 else "eit" if n <= 8 else "oit" for n in INDICATOR_NAMES}
TOOL_NAMES: dict[Tool, str] = {
    "iit": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "eit": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "oit": "แบบตรวจการเปิดเผยข้อมูลต่อสาธารณะ (OIT)",
}


# --- The agency -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contacts:
    phone: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    line_oa: str | None = None
    facebook: Url | None = None
    map: Url | None = None


@dataclass(frozen=True)
class Agency:
    name: str
    type: str
    province: str | None = None
    """Optional because some documents (seed 003) never say where the agency is."""
    district: str | None = None
    subdistrict: str | None = None
    address: str | None = None
    contacts: Contacts = field(default_factory=Contacts)
    website: Url | None = None
    logo: str | None = None
    itas_code: str | None = None
    example: bool = False
    """Marks demo data: every page then says the agency is fictional."""

    @property
    def place(self) -> str:
        """``อำเภอพังโคน จังหวัดสกลนคร``, as the documents write it."""
        parts = [f"อำเภอ{self.district}" if self.district else "", f"จังหวัด{self.province}" if self.province else ""]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class SiteSettings:
    digits: Literal["thai", "arabic"] = "arabic"
    """Thai (๐–๙) or Arabic digits for scores, dates and years on generated pages."""
    survey_hosts: list[str] = field(default_factory=list)
    """Hosts other than itas.nacc.go.th allowed in survey links (a warning instead of an error)."""
    site_url: Url | None = None
    """Where the site is published (https://…/); absolute links such as the OIT URL sheet need it."""


# --- One fiscal year --------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    name: str
    position: str
    role: str | None = None
    """What the person signs as: ผู้จัดทำ, ผู้ตรวจสอบ, ผู้อนุมัติ …"""
    prefix: str | None = None
    """A rank written before the signature, such as จ.อ."""


@dataclass(frozen=True)
class IndicatorScore:
    number: int = field(metadata={"minimum": 1, "maximum": 10})
    score: float = field(metadata=SCORE)
    name: str | None = None
    """Overrides the standard name when the document words it differently."""

    @property
    def title(self) -> str:
        return self.name or INDICATOR_NAMES[self.number]

    @property
    def tool(self) -> Tool:
        return INDICATOR_TOOL[self.number]


@dataclass(frozen=True)
class ToolPart:
    name: str
    score: float = field(metadata=SCORE)


@dataclass(frozen=True)
class ToolScores:
    iit: float | None = field(default=None, metadata=SCORE)
    eit: float | None = field(default=None, metadata=SCORE)
    eit_parts: list[ToolPart] = field(default_factory=list)
    oit: float | None = field(default=None, metadata=SCORE)


@dataclass(frozen=True)
class Assessment:
    """The ITA result that a fiscal year's documents analyse."""

    ita_year: int = field(metadata=FISCAL_YEAR)
    overall_score: float | None = field(default=None, metadata=SCORE)
    level: str | None = None
    announced: ThaiDate | None = None
    tools: ToolScores = field(default_factory=ToolScores)
    indicators: list[IndicatorScore] = field(default_factory=list)

    def indicator(self, number: int) -> IndicatorScore | None:
        return next((i for i in self.indicators if i.number == number), None)


@dataclass(frozen=True)
class AnalysisItem:
    """One finding: about an indicator, a tool, or an issue raised by survey questions."""

    text: MarkdownText
    title: str | None = None
    indicators: list[int] = field(default_factory=list)
    tool: Tool | None = None
    score: float | None = field(default=None, metadata=SCORE)
    """A score the finding quotes when the indicator table does not carry it (seed 001)."""
    questions: list[str] = field(default_factory=list)
    """Survey questions the finding comes from, as NACC numbers them: e8, i10 …"""


@dataclass(frozen=True)
class Analysis:
    items: list[AnalysisItem]
    introduction: MarkdownText | None = None
    conclusion: MarkdownText | None = None
    signatories: list[Signatory] = field(default_factory=list)


@dataclass(frozen=True)
class Period:
    """When a measure runs: the whole fiscal year, a range of days or months, or one month."""

    start: ThaiDate | None = None
    end: ThaiDate | None = None
    whole_fiscal_year: bool = False

    @classmethod
    def from_yaml(cls, value: Any, location: Location, validator: Validator) -> Any:
        from .schema import INVALID

        if isinstance(value, str) and value.strip() in WHOLE_YEAR_WORDS:
            return cls(whole_fiscal_year=True)
        if isinstance(value, str | int):
            date = validator.date(value, location)
            return INVALID if date is INVALID else cls(start=date)
        if not isinstance(value, dict):
            return validator.expected(
                location,
                ("ระยะเวลา เช่น ตลอดปีงบประมาณ หรือ start:/end:", "a period such as ตลอดปีงบประมาณ or start:/end:"),
                value,
            )
        fields = _PeriodFields
        parsed = validator.record(fields, value, location)
        if parsed is INVALID:
            return INVALID
        if parsed.start is None and not parsed.whole_fiscal_year:
            return validator.error(
                location,
                "ระยะเวลาต้องมี start: หรือ whole_fiscal_year: true",
                "a period needs start: or whole_fiscal_year: true",
            )
        return cls(parsed.start, parsed.end, parsed.whole_fiscal_year)

    def days(self, fiscal_year: int) -> tuple[dt.date, dt.date]:
        if self.whole_fiscal_year or self.start is None:
            return fiscal_year_bounds(fiscal_year)
        end = self.end or self.start
        return self.start.first_day, end.last_day


WHOLE_YEAR_WORDS = {"ตลอดปีงบประมาณ", "ตลอดปี", "whole_fiscal_year", "whole fiscal year"}


@dataclass(frozen=True)
class _PeriodFields:
    start: ThaiDate | None = None
    end: ThaiDate | None = None
    whole_fiscal_year: bool = False


@dataclass(frozen=True)
class Measure:
    id: str
    """A short key (m1, m2 …) that progress reports refer to."""
    title: str
    indicators: list[int] = field(default_factory=list)
    issue: MarkdownText | None = None
    """The weakness or finding the measure answers."""
    questions: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    """Projects and activities (โครงการ/กิจกรรม)."""
    analysis: list[MarkdownText] = field(default_factory=list)
    """What the ITA criteria require here (ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์)."""
    approach: list[MarkdownText] = field(default_factory=list)
    """How the analysis is turned into practice (แนวทาง)."""
    steps: list[MarkdownText] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    period: Period | None = None
    follow_up: MarkdownText | None = None


@dataclass(frozen=True)
class Measures:
    items: list[Measure]
    introduction: MarkdownText | None = None
    signatories: list[Signatory] = field(default_factory=list)


@dataclass(frozen=True)
class EvidenceLink:
    title: str
    url: Url


@dataclass(frozen=True)
class ProgressItem:
    measure: str
    """The ``id`` of the measure this reports on."""
    status: Literal["done", "in_progress", "not_started"]
    actions: list[MarkdownText] = field(default_factory=list)
    period: Period | None = None
    outputs: list[MarkdownText] = field(default_factory=list)
    outcomes: list[MarkdownText] = field(default_factory=list)
    evidence: list[EvidenceLink] = field(default_factory=list)
    note: MarkdownText | None = None
    date: ThaiDate | None = None


ROUND_NAMES = {
    "6-month": "รอบ 6 เดือน",
    "12-month": "รอบ 12 เดือน",
    "year-end": "สรุปผล ณ สิ้นปีงบประมาณ",
}


@dataclass(frozen=True)
class ProgressReport:
    round: Literal["6-month", "12-month", "year-end"]
    items: list[ProgressItem]
    date: ThaiDate | None = None
    introduction: MarkdownText | None = None
    conclusion: MarkdownText | None = None
    signatories: list[Signatory] = field(default_factory=list)

    @property
    def round_name(self) -> str:
        return ROUND_NAMES[self.round]

    @property
    def slug(self) -> str:
        return f"progress-{self.round}"


@dataclass(frozen=True)
class Surveys:
    """The year's IIT and EIT survey announcements (ประกาศ) with their links and response window."""

    opens: ThaiDate
    closes: ThaiDate
    announced: ThaiDate
    signatory: Signatory
    ita_year: int | None = field(default=None, metadata=FISCAL_YEAR)
    """The ITA the surveys belong to; the fiscal year when not given."""
    iit: Url | None = None
    """The IIT link; derived from agency.itas_code when not given."""
    eit: Url | None = None
    assessment_name: str | None = None
    """Overrides "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ" in the title."""
    introduction: MarkdownText | None = None
    """Overrides the first paragraph (ด้วย…) of both announcements."""


@dataclass(frozen=True)
class FiscalYear:
    fiscal_year: int = field(metadata=FISCAL_YEAR)
    updated: ThaiDate
    """When this year's data was last changed; shown on every page of the year."""
    assessment: Assessment | None = None
    analysis: Analysis | None = None
    measures: Measures | None = None
    progress_reports: list[ProgressReport] = field(default_factory=list)
    surveys: Surveys | None = None
    title: str | None = None
    notes: MarkdownText | None = None

    def indicator_names(self) -> dict[int, str]:
        """Indicator names as this year's documents word them (the assessment may rename some)."""
        names = dict(INDICATOR_NAMES)
        if self.assessment is not None:
            names.update({i.number: i.name for i in self.assessment.indicators if i.name})
        return names

    def measure(self, measure_id: str) -> Measure | None:
        if self.measures is None:
            return None
        return next((m for m in self.measures.items if m.id == measure_id), None)


@dataclass(frozen=True)
class Site:
    """Everything a build needs, validated."""

    agency: Agency
    settings: SiteSettings
    years: list[FiscalYear]
    """Oldest first."""
    data_dir: Path
    """Where the data came from: files it names (logo, documents) are relative to it."""
    content: AgencyContent | None = None
    """The agency's standing pages and documents (organization.yml, services.yml … documents.yml)."""
    oit: list[OitYear] = field(default_factory=list)
    """The fiscal years with an OIT checklist (oit/<year>.yml), oldest first."""

    @property
    def digits(self) -> Digits:
        return self.settings.digits

    def year(self, fiscal_year: int) -> FiscalYear | None:
        return next((y for y in self.years if y.fiscal_year == fiscal_year), None)
