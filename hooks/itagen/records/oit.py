"""OIT records: the checklist NACC's assessors work through, and a site's evidence for each item.

A checklist (``ChecklistItem``) is one ITA year's list of what must be on an agency's website; a site
answers it per fiscal year in ``data/oit/<fiscal year>.yml`` (data/README.md, section "OIT")::

    fiscal_year: 2569
    checklist: ita-2569          # optional: a built-in list, or a .yml file of the site's own
    corrections: [...]           # optional: reworded, re-dated or extra items
    items:
      O1: [{page: structure}, {page: duties}]
      O5: {evidence: [{document: plan-2566-2570}], explanation: ข้อความสำหรับระบบ ITAS}

Evidence is a generated page (``page: measures``, ``page: 2568/progress-12-month#progress-m1``),
a document of documents.yml (``document: <id>``) or an outside address (``url: https://…``).
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Literal

from ..problems import Location
from .record import record
from .values import MarkdownText, Url

EvidencePeriod = Literal["current", "assessed_year", "previous_year", "months_so_far"]
"""Which time the evidence must cover: standing information, the assessed fiscal year, the year
before it, or the months of the assessed year so far (monthly statistics)."""

PERIOD_NAMES: dict[str, str] = {
    "current": "ข้อมูลปัจจุบัน",
    "assessed_year": "ปีงบประมาณที่ประเมิน",
    "previous_year": "ปีงบประมาณก่อนหน้า",
    "months_so_far": "รายเดือนของปีงบประมาณที่ประเมินจนถึงปัจจุบัน",
}

PAGE_REFERENCE = re.compile(r"^(?:(?P<year>\d{4}|previous)/)?(?P<page>[a-z0-9][a-z0-9-]*)(?:#(?P<anchor>[\w-]+))?$")
"""How evidence names a page: ``structure``, ``measures``, ``2568/progress-12-month#progress-m1``."""


def normalise_code(code: str) -> str:
    return code.strip().upper()


# --- The checklist ------------------------------------------------------------------------------


@record
class ChecklistItem:
    code: str
    """As NACC numbers it: O1 … O43."""
    name: str
    group: str | None = None
    english: str | None = None
    checks: str | None = None
    """What the assessor looks for (notes, in the language the source gave them)."""
    period: EvidencePeriod = "current"
    suggested: list[str] = field(default_factory=list)
    """Pages that usually answer the item, shown as a hint while it is missing."""
    note: str | None = None
    sources: list[str] = field(default_factory=list)
    confidence: Literal["high", "medium", "low"] | None = None
    """How sure the public sources make its name and rules; a low one is said on the assessors' page."""


@record
class Checklist:
    ita_year: int = field(metadata={"minimum": 2500, "maximum": 2700})
    items: list[ChecklistItem]
    scope: str | None = None
    confidence: str | None = None

    def item(self, code: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.items]


@record
class ItemCorrection:
    """A change to one item of the chosen list, or a new item when the code is not in it."""

    code: str
    name: str | None = None
    group: str | None = None
    english: str | None = None
    checks: str | None = None
    period: EvidencePeriod | None = None
    suggested: list[str] | None = None
    note: str | None = None


# --- A site's evidence ----------------------------------------------------------------------------


@record
class Evidence:
    """One link an assessor opens: exactly one of page, document or url (``load.readers`` checks)."""

    page: str | None = None
    document: str | None = None
    url: Url | None = None
    title: str | None = None
    """Link text; by default the page title, the document title or the address."""
    location: Location | None = field(default=None, compare=False)
    """Where the evidence is written: whether its page and section exist is known only once the
    pages are rendered, and the message then names this line."""


@record
class ItemEvidence:
    evidence: list[Evidence]
    explanation: MarkdownText | None = None
    """What the agency writes beside the URL in ITAS; shown on the assessors' page and in the sheet."""


@record
class OitYear:
    fiscal_year: int
    checklist: Checklist
    items: dict[str, ItemEvidence]
    url_sheet: bool
    file: Path
    sheet_needs_site_url: bool = False
    """The sheet was left out only because site.yml has no ``site_url`` (said in the build output)."""
