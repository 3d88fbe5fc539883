"""One fiscal year's records (``years/<B.E. year>.yml``): the assessment, its analysis, the measures,
progress reports and survey announcements. Their type hints are the data format (data/README.md).

A required field has no default. ``SCORE`` bounds a score to 0–100. Later stages trust these
records: everything here has been validated by ``load.schema.Validator``.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import field
from typing import Literal

from ..thai.dates import ThaiDate, fiscal_year_bounds
from .record import record
from .values import LevelName, MarkdownText, Url

SCORE = {"minimum": 0, "maximum": 100, "decimals": 2}
"""NACC publishes scores with two decimals; pages show two."""
FISCAL_YEAR = {"minimum": 2500, "maximum": 2700}

Tool = Literal["iit", "eit", "oit"]

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


# --- One fiscal year --------------------------------------------------------------------------


@record
class Signatory:
    name: str
    position: str
    role: str | None = None
    """What the person signs as: ผู้จัดทำ, ผู้ตรวจสอบ, ผู้อนุมัติ …"""
    prefix: str | None = None
    """A rank written before the signature, such as จ.อ."""


@record
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


@record
class ToolPart:
    name: str
    score: float = field(metadata=SCORE)


@record
class ToolScores:
    iit: float | None = field(default=None, metadata=SCORE)
    eit: float | None = field(default=None, metadata=SCORE)
    eit_parts: list[ToolPart] = field(default_factory=list)
    oit: float | None = field(default=None, metadata=SCORE)


@record
class Assessment:
    """The ITA result that a fiscal year's documents analyse."""

    ita_year: int = field(metadata=FISCAL_YEAR)
    overall_score: float | None = field(default=None, metadata=SCORE)
    level: LevelName | None = None
    announced: ThaiDate | None = None
    tools: ToolScores = field(default_factory=ToolScores)
    indicators: list[IndicatorScore] = field(default_factory=list)

    def indicator(self, number: int) -> IndicatorScore | None:
        return next((i for i in self.indicators if i.number == number), None)


@record
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


@record
class Analysis:
    items: list[AnalysisItem]
    introduction: MarkdownText | None = None
    conclusion: MarkdownText | None = None
    signatories: list[Signatory] = field(default_factory=list)


@record
class Period:
    """When a measure runs: the whole fiscal year, a range of days or months, or one month."""

    start: ThaiDate | None = None
    end: ThaiDate | None = None
    whole_fiscal_year: bool = False
    stated_year: int | None = None
    """The fiscal year a whole-year period names (``ตลอดปีงบประมาณ พ.ศ. 2569``): it must be the file's."""

    def days(self, fiscal_year: int) -> tuple[dt.date, dt.date]:
        if self.whole_fiscal_year or self.start is None:
            return fiscal_year_bounds(fiscal_year)
        end = self.end or self.start
        return self.start.first_day, end.last_day


@record
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


@record
class Measures:
    items: list[Measure]
    introduction: MarkdownText | None = None
    signatories: list[Signatory] = field(default_factory=list)


@record
class EvidenceLink:
    title: str
    url: Url


@record
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


STATUS_NAMES = {"done": "ดำเนินการแล้ว", "in_progress": "อยู่ระหว่างดำเนินการ", "not_started": "ยังไม่ดำเนินการ"}
"""A progress item's status as the reports print it, in this order."""

ROUND_NAMES = {
    "6-month": "รอบ 6 เดือน",
    "12-month": "รอบ 12 เดือน",
    "year-end": "สรุปผล ณ สิ้นปีงบประมาณ",
}


@record
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


@record
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


@record
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
        found = self._measures_by_id.get(measure_id)
        return found[1] if found else None

    def measure_number(self, measure_id: str) -> int:
        """The measure's number as the measures page shows it (1 for the first)."""
        return self._measures_by_id[measure_id][0]

    @functools.cached_property
    def _measures_by_id(self) -> dict[str, tuple[int, Measure]]:
        """Id → (number, measure), made once: a report of a hundred items looks up a hundred measures."""
        index: dict[str, tuple[int, Measure]] = {}
        for number, measure in enumerate(self.measures.items if self.measures else [], start=1):
            index.setdefault(measure.id, (number, measure))  # the first of a repeated id, as the page numbers it
        return index
