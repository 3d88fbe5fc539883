"""Turning each OIT item's evidence into links, and measuring how much of a checklist is covered.

Evidence may point at any page and section of the site (``page: 2568/progress-12-month#progress-m1``).
Pages come from the plan; sections are the anchors of a page's rendered Markdown, where the
template that prints a heading is the one place that names it. So this runs once every page but
the assessors' pages is rendered. A page that does not exist, or a section its page does not have,
is a data error naming the line of ``oit/<year>.yml`` that asked for it.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from collections.abc import Mapping
from typing import Literal
from urllib.parse import quote

from ..plan.site_plan import AGENCY_DIR, PlannedPage, SitePlan, document_site_path
from ..problems import DataError, Location, Problem
from ..records.content import Document
from ..records.oit import PAGE_REFERENCE, ChecklistItem, Evidence, OitYear
from ..records.record import record
from ..records.site import Site
from ..records.values import MarkdownText


@record
class Link:
    """Where an assessor goes for one piece of evidence."""

    kind: Literal["page", "document", "url"]
    title: str
    target: str
    """A path inside the site (``agency/structure.md``, ``documents/plan.pdf``) or an outside URL."""
    anchor: str | None = None
    fiscal_year: int | None = None
    """The fiscal year of a year page; None for standing pages and outside links."""
    document: Document | None = None

    def from_page(self, page_path: str) -> str:
        """The link as written in the Markdown of the page at ``page_path``."""
        if self.kind == "url":
            return self.target
        relative = posixpath.relpath(self.target, posixpath.dirname(page_path) or ".")
        return relative + (f"#{self.anchor}" if self.anchor else "")

    def absolute(self, site_url: str) -> str:
        """The address typed into ITAS: ``https://…/agency/structure/#political``."""
        if self.kind == "url":
            return self.target
        path = self.target
        if path.endswith(".md"):  # use_directory_urls: a/b.md is served as a/b/, a/index.md as a/
            path = path.removesuffix(".md").removesuffix("index").rstrip("/")
            path = f"{path}/" if path else ""
        return site_url.rstrip("/") + "/" + quote(path) + (f"#{self.anchor}" if self.anchor else "")


@record
class ItemStatus:
    item: ChecklistItem
    links: list[Link]
    explanation: MarkdownText | None = None
    dating: tuple[tuple[str, str], ...] = ()
    """Evidence from another fiscal year than the item asks for: (Thai, English) notes."""

    @property
    def missing(self) -> bool:
        return not self.links


@record
class Coverage:
    """One fiscal year's checklist and how far the site answers it."""

    oit: OitYear
    items: list[ItemStatus]

    @property
    def fiscal_year(self) -> int:
        return self.oit.fiscal_year

    @property
    def missing(self) -> list[str]:
        return [s.item.code for s in self.items if s.missing]

    @property
    def covered(self) -> int:
        return len(self.items) - len(self.missing)

    def summary(self) -> list[str]:
        """Lines for the build output: ``OIT 2568: 24/26; missing O11, O19``, then dating notes."""
        fy, total, ita = self.fiscal_year, len(self.items), self.oit.checklist.ita_year
        missing = ", ".join(self.missing)
        thai = f"OIT ปีงบประมาณ {fy} (รายการตรวจ ITA {ita}): มีหลักฐาน {self.covered}/{total} ข้อ"
        english = f"OIT {fy}: {self.covered}/{total}"
        if missing:
            thai += f" ยังขาด {missing}"
            english += f"; missing {missing}"
        lines = [f"{thai} / {english}"]
        if self.oit.sheet_needs_site_url:
            lines.append(
                f"OIT {fy}: ไม่ได้สร้างรายการ URL สำหรับ ITAS เพราะ site.yml ยังไม่มี site_url / "
                "no URL sheet for ITAS: site.yml has no site_url"
            )
        for status in self.items:
            lines.extend(f"OIT {fy} {status.item.code}: {th} / {en}" for th, en in status.dating)
        return lines


@record
class CitablePage:
    """A page evidence may name, with its rendered Markdown (for its sections)."""

    planned: PlannedPage
    markdown: str


def oit_coverage(site: Site, plan: SitePlan, markdown: Mapping[str, str]) -> list[Coverage]:
    """Resolve the evidence of every OIT year against the planned pages and their rendered Markdown
    (``markdown`` by page path); raise DataError on broken references."""
    pages = _page_index(plan, markdown)
    problems: list[Problem] = []
    coverages = [
        Coverage(oit, [_status(site, oit, item, pages, problems) for item in oit.checklist.items]) for oit in site.oit
    ]
    if problems:
        raise DataError(problems)
    return coverages


def oit_strict_failures(coverages: list[Coverage]) -> list[str]:
    """What makes ``make check`` fail: every year that still misses items."""
    return [c.summary()[0] for c in coverages if c.missing]


PageKey = tuple[int | None, str]


def _page_index(plan: SitePlan, markdown: Mapping[str, str]) -> dict[PageKey, CitablePage]:
    """Rendered pages by the names evidence uses: ``(None, "structure")``, ``(2569, "measures")``,
    ``(2569, "overview")``."""
    index: dict[PageKey, CitablePage] = {}
    for page in plan.pages:
        if page.path not in markdown:
            continue  # the assessors' pages themselves: not evidence
        parts = page.path.removesuffix(".md").split("/")
        citable = CitablePage(page, markdown[page.path])
        if len(parts) == 2 and parts[0] == AGENCY_DIR:
            index[(None, parts[1])] = citable
        elif len(parts) == 3 and parts[0] == "ita" and parts[1].isdigit():
            index[(int(parts[1]), "overview" if parts[2] == "index" else parts[2])] = citable
    return index


def _status(
    site: Site, oit: OitYear, item: ChecklistItem, pages: dict[PageKey, CitablePage], problems: list[Problem]
) -> ItemStatus:
    entry = oit.items.get(item.code)
    if entry is None:
        return ItemStatus(item, [])
    links = [link for e in entry.evidence if (link := _link(site, oit, e, pages, problems)) is not None]
    dating = tuple(note for link in links if (note := _dating(item, oit.fiscal_year, link)) is not None)
    return ItemStatus(item, links, entry.explanation, dating)


def _link(
    site: Site, oit: OitYear, evidence: Evidence, pages: dict[PageKey, CitablePage], problems: list[Problem]
) -> Link | None:
    if evidence.url is not None:
        return Link("url", evidence.title or evidence.url, evidence.url)
    if evidence.document is not None:
        document = site.content.document(evidence.document) if site.content else None
        assert document is not None  # checked when the data was loaded
        return Link("document", evidence.title or document.title, document_site_path(document), None, None, document)
    assert evidence.page is not None
    return _page_link(oit, evidence, pages, problems)


def _page_link(
    oit: OitYear, evidence: Evidence, pages: dict[PageKey, CitablePage], problems: list[Problem]
) -> Link | None:
    fiscal_year = oit.fiscal_year
    where = (evidence.location or Location(oit.file)).child("page")
    match = PAGE_REFERENCE.match(evidence.page or "")
    assert match is not None  # checked when the data was loaded
    year_text, name, anchor = match["year"], match["page"], match["anchor"]
    year = fiscal_year - 1 if year_text == "previous" else int(year_text) if year_text else None
    keys: list[PageKey] = [(year, name)] if year is not None else [(fiscal_year, name), (None, name)]
    citable = next((pages[k] for k in keys if k in pages), None)
    if citable is None:
        problems.append(_unknown_page(where, evidence.page or "", year or fiscal_year, year is None, pages))
        return None
    page = citable.planned
    title = evidence.title or page.title
    if anchor is not None:
        heading = _anchor_heading(citable.markdown, anchor)
        if heading is None:
            problems.append(
                Problem(
                    where,
                    f"หน้า '{name}' ไม่มีส่วน #{anchor} (ส่วนที่มี: {', '.join(_anchors(citable.markdown)) or 'ไม่มี'})",
                    f"the page '{name}' has no section #{anchor} (its sections: {', '.join(_anchors(citable.markdown)) or 'none'})",
                )
            )
            return None
        title = evidence.title or (f"{page.title} – {heading}" if heading else page.title)
    if page.fiscal_year is not None and page.fiscal_year != fiscal_year and not evidence.title:
        title = f"{title} (ปีงบประมาณ พ.ศ. {page.fiscal_year})"
    return Link("page", title, page.path, anchor, page.fiscal_year)


def _unknown_page(
    where: Location, reference: str, year: int, with_agency: bool, pages: dict[PageKey, CitablePage]
) -> Problem:
    names = sorted({name for (y, name) in pages if y == year or (with_agency and y is None)})
    guess = difflib.get_close_matches(reference.split("#")[0].split("/")[-1], names, n=1)
    hint_th, hint_en = (f" หมายถึง '{guess[0]}' หรือไม่?", f"; did you mean '{guess[0]}'?") if guess else ("", "")
    return Problem(
        where,
        f"ไม่มีหน้า '{reference}' ในเว็บไซต์{hint_th} (หน้าที่ใช้ได้สำหรับปี {year}: {', '.join(names)})",
        f"there is no page '{reference}' on the site{hint_en} (pages for {year}: {', '.join(names)})",
    )


_HEADING_WITH_ID = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*\{:?\s*#(?P<id>[\w-]+)[^}]*\}\s*$", re.MULTILINE)
_HTML_ID = re.compile(r"\bid=\"(?P<id>[\w-]+)\"")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def _anchors(markdown: str) -> list[str]:
    return [m["id"] for m in _HEADING_WITH_ID.finditer(markdown)] + [m["id"] for m in _HTML_ID.finditer(markdown)]


def _anchor_heading(markdown: str, anchor: str) -> str | None:
    """The plain text of the heading that carries ``anchor`` ("" for an id on another element); None if absent."""
    for match in _HEADING_WITH_ID.finditer(markdown):
        if match["id"] == anchor:
            return html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", match["text"]))
    return "" if anchor in _anchors(markdown) else None


def _dating(item: ChecklistItem, fiscal_year: int, link: Link) -> tuple[str, str] | None:
    """A note when dated evidence belongs to another fiscal year than the item asks for."""
    if item.period == "current":
        return None
    expected = fiscal_year - 1 if item.period == "previous_year" else fiscal_year
    if link.document is not None:
        if link.document.covers(expected):
            return None
        first, last = link.document.first_year, link.document.last_year
        found_text = f"{first}–{last}" if last != first else str(first)
        what_th, what_en = f"เอกสาร '{link.document.id}'", f"document '{link.document.id}'"
    elif link.fiscal_year is not None and link.fiscal_year != expected:
        found_text = str(link.fiscal_year)
        what_th, what_en = f"หน้า '{link.title}'", f"page '{link.target}'"
    else:
        return None
    return (
        f"หลักฐานลงวันที่นอกปีงบประมาณที่กำหนด: {what_th} เป็นของปีงบประมาณ {found_text} ข้อนี้ต้องเป็นปีงบประมาณ {expected}",
        f"evidence dated outside the fiscal year: {what_en} is for fiscal year {found_text}, the item asks for {expected}",
    )


def oit_strict_message(coverages: list[Coverage]) -> str | None:
    """The failure of a build that must have every OIT item (``make check``); None when nothing is missing."""
    failures = oit_strict_failures(coverages)
    if not failures:
        return None
    lines = [
        "รายการ OIT ยังไม่ครบ / OIT checklist items are missing:",
        *(f"- {line}" for line in failures),
        "เพิ่มหลักฐานของแต่ละข้อใน data/oit/<ปีงบประมาณ>.yml (ดู data/README.md) / "
        "add each item's evidence to data/oit/<fiscal year>.yml (see data/README.md)",
    ]
    return "\n".join(lines)
