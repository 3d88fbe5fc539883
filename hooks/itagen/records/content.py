"""The agency's standing content that OIT items ask for, and the documents it publishes.

Optional files of a data directory (documented in data/README.md, section "OIT")::

    organization.yml   structure (political and civil-service sides), executives, duties and powers
    services.yml       Q&A channels and answers, e-services, complaint and opinion channels
    news.yml           news (ข่าวประชาสัมพันธ์), a list
    policies.yml       the No Gift policy
    documents.yml      published files (PDF …) kept under the data directory, a list

They are read and checked by ``load/content.py``.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from ..thai.dates import ThaiDate, fiscal_year_of
from .fiscal_year import FISCAL_YEAR, Signatory
from .record import record
from .values import ContactUrl, MarkdownText, Url

# --- organization.yml ---------------------------------------------------------------------------


@record
class Position:
    """One box of the organisation chart: a post or a unit, with the ones under it."""

    title: str
    holder: str | None = None
    note: str | None = None
    units: list[Position] = field(default_factory=list)


@record
class Structure:
    political: list[Position] = field(default_factory=list)
    """ฝ่ายการเมือง: the executive (นายก) and the council (สภา)."""
    civil_service: list[Position] = field(default_factory=list)
    """ฝ่ายประจำ: ปลัด, the divisions (กอง) and sections."""
    chart: str | None = None
    """An image of the chart, shown beside the lists (never instead of them)."""
    note: MarkdownText | None = None


@record
class Executive:
    position: str
    name: str | None = None
    """Left out for a vacant post, which is then shown as ตำแหน่งว่าง."""
    side: Literal["political", "civil_service"] = "political"
    photo: str | None = None
    phone: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    acting: str | None = None
    """Who acts in a vacant post (รักษาราชการแทน)."""


@record
class Law:
    title: str
    url: Url | None = None


@record
class Duties:
    summary: MarkdownText | None = None
    items: list[MarkdownText] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)


@record
class Organization:
    structure: Structure | None = None
    executives: list[Executive] = field(default_factory=list)
    duties: Duties | None = None
    office_hours: str | None = None
    updated: ThaiDate | None = None
    """When this file was last checked; shown on the structure, executives and duties pages."""


# --- services.yml -------------------------------------------------------------------------------


@record
class Channel:
    """A way to reach the agency: a link, a phone number, a place, or several."""

    name: str
    url: ContactUrl | None = None
    phone: str | None = None
    description: MarkdownText | None = None
    hours: str | None = None


@record
class Answer:
    question: str
    answer: MarkdownText


@record
class Services:
    qa_channels: list[Channel] = field(default_factory=list)
    """Two-way channels where people ask and the agency answers (LINE OA chat, web board …)."""
    faq: list[Answer] = field(default_factory=list)
    e_services: list[Channel] = field(default_factory=list)
    complaint_channels: list[Channel] = field(default_factory=list)
    """Where to report corruption and misconduct."""
    opinion_channels: list[Channel] = field(default_factory=list)
    """Where to give opinions on the agency's work (การรับฟังความคิดเห็น)."""
    participation: list[MarkdownText] = field(default_factory=list)
    """What the agency did with the public's participation."""


# --- news.yml, policies.yml, documents.yml -------------------------------------------------------


@record
class NewsItem:
    title: str
    date: ThaiDate
    text: MarkdownText | None = None
    url: Url | None = None
    documents: list[str] = field(default_factory=list)
    """Ids of documents in documents.yml."""

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.date.first_day)


@record
class NoGiftPolicy:
    text: MarkdownText
    title: str = "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"
    date: ThaiDate | None = None
    signatories: list[Signatory] = field(default_factory=list)
    activities: list[MarkdownText] = field(default_factory=list)
    """How the culture is built: briefings, notices, reports of gifts received …"""
    documents: list[str] = field(default_factory=list)


@record
class Policies:
    no_gift: NoGiftPolicy | None = None


DOCUMENT_CATEGORIES: dict[str, str] = {
    "plan": "แผน",
    "report": "รายงาน",
    "announcement": "ประกาศ/คำสั่ง",
    "manual": "คู่มือ/แนวปฏิบัติ",
    "statistics": "ข้อมูลสถิติ",
    "other": "เอกสารอื่น ๆ",
}


@record
class Document:
    id: str
    """A short key that OIT items and news refer to; also the file's name on the site."""
    title: str
    file: str
    """Path relative to the data directory, such as ``documents/plan-2569.pdf``."""
    date: ThaiDate
    fiscal_year: int | None = field(default=None, metadata=FISCAL_YEAR)
    """The fiscal year the document is about; by default the one its date falls in."""
    fiscal_year_end: int | None = field(default=None, metadata=FISCAL_YEAR)
    """For a plan that spans years (แผนพัฒนาท้องถิ่น 2566–2570): its last fiscal year."""
    category: Literal["plan", "report", "announcement", "manual", "statistics", "other"] = "other"
    description: MarkdownText | None = None

    @property
    def first_year(self) -> int:
        return self.fiscal_year or fiscal_year_of(self.date.first_day)

    @property
    def last_year(self) -> int:
        return self.fiscal_year_end or self.first_year

    def covers(self, fiscal_year: int) -> bool:
        return self.first_year <= fiscal_year <= self.last_year


@record
class AgencyContent:
    organization: Organization | None = None
    services: Services | None = None
    news: list[NewsItem] = field(default_factory=list)
    policies: Policies | None = None
    documents: list[Document] = field(default_factory=list)

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == document_id), None)
