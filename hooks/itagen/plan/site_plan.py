"""The site plan: every generated page's path, title and place in the navigation, before any is rendered.

Which pages exist follows from the data alone (a year with measures has a measures page, a year
with an OIT file has an assessors' page), so it is decided here, once. Rendering then fills in each
page's Markdown in any order, and any page may link any other.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from ..records.content import AgencyContent, Document
from ..records.fiscal_year import FiscalYear
from ..records.record import record
from ..records.site import Site
from ..records.surveys import SURVEY_TOOLS
from ..thai.dates import with_digits

YEARS_INDEX = "ita/index.md"
OPEN_DATA_DIR = "ita/data"
OPEN_DATA_PAGE = "ita/data.md"
AGENCY_DIR = "agency"
OIT_PAGE_NAME = "oit"
OIT_PAGE_TITLE = "ข้อมูลสำหรับผู้ประเมิน OIT"

PageKind = Literal[
    "years-index", "open-data", "agency", "overview", "analysis", "measures", "progress", "survey", "oit", "print"
]


@record
class PlannedPage:
    path: str
    """Path inside the site's docs, such as ``ita/2568/measures.md``."""
    title: str
    """Title in the navigation."""
    kind: PageKind
    fiscal_year: int | None = None
    name: str = ""
    """Which one of its kind: the agency page (``structure``), the report round, the survey tool."""


@record
class SitePlan:
    pages: list[PlannedPage]
    """In navigation order: the years index, the agency pages, then each year, newest first."""

    def year_pages(self, fiscal_year: int) -> list[PlannedPage]:
        return list(self._pages_by_year.get(fiscal_year, []))

    @functools.cached_property
    def _pages_by_year(self) -> dict[int | None, list[PlannedPage]]:
        """Made once, in the plan's order: each year's pages are asked for by several of its pages."""
        index: dict[int | None, list[PlannedPage]] = {}
        for page in self.pages:
            index.setdefault(page.fiscal_year, []).append(page)
        return index

    @property
    def agency_pages(self) -> list[PlannedPage]:
        return [p for p in self.pages if p.kind == "agency"]


def year_dir(fiscal_year: int) -> str:
    return f"ita/{fiscal_year}"


def year_data_dir(fiscal_year: int) -> str:
    """Where a fiscal year's open-data files are published."""
    return f"{year_dir(fiscal_year)}/data"


def oit_page_path(fiscal_year: int) -> str:
    return f"{year_dir(fiscal_year)}/{OIT_PAGE_NAME}.md"


def document_site_path(document: Document) -> str:
    """Where a document is published: ``documents/<id>.pdf`` (plain letters, easy to type into ITAS)."""
    return f"documents/{document.id}{Path(document.file).suffix.lower()}"


def logo_site_path(site: Site) -> str | None:
    """Where the agency's logo is published (the theme's header, the printed announcements)."""
    if not site.agency.logo:
        return None
    return f"assets/agency-logo{Path(site.agency.logo).suffix.lower()}"


def plan_site(site: Site) -> SitePlan:
    pages = [PlannedPage(YEARS_INDEX, "ทุกปีงบประมาณ", "years-index")]
    if site.years:
        pages.append(PlannedPage(OPEN_DATA_PAGE, "ข้อมูลเปิด (Open Data)", "open-data"))
    pages += [
        PlannedPage(f"{AGENCY_DIR}/{name}.md", title, "agency", None, name) for name, title in _agency_pages(site)
    ]
    for year in reversed(site.years):  # newest first: that is what readers look for
        pages += _year_pages(site, year)
    return SitePlan(pages)


def _year_pages(site: Site, year: FiscalYear) -> list[PlannedPage]:
    fy, folder = year.fiscal_year, year_dir(year.fiscal_year)
    pages = [PlannedPage(f"{folder}/index.md", "ภาพรวม", "overview", fy)]
    if year.analysis is not None:
        pages.append(PlannedPage(f"{folder}/analysis.md", "การวิเคราะห์ผลการประเมิน", "analysis", fy))
    if year.measures is not None:
        pages.append(PlannedPage(f"{folder}/measures.md", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "measures", fy))
    for report in year.progress_reports:
        title = with_digits(f"รายงานผลการดำเนินการตามมาตรการ {report.round_name}", site.digits)
        pages.append(PlannedPage(f"{folder}/{report.slug}.md", title, "progress", fy, report.round))
    if year.surveys is not None:
        for tool in SURVEY_TOOLS:
            title = f"ประกาศเชิญตอบแบบวัด {tool.upper()}"
            pages.append(PlannedPage(f"{folder}/survey-{tool}.md", title, "survey", fy, tool))
    if any(oit.fiscal_year == fy for oit in site.oit):
        pages.append(PlannedPage(oit_page_path(fy), OIT_PAGE_TITLE, "oit", fy))
    pages.append(PlannedPage(f"{folder}/document.md", "ฉบับพิมพ์ทั้งปี (PDF)", "print", fy))
    return pages


def _agency_pages(site: Site) -> list[tuple[str, str]]:
    """(name, title) of the agency pages the data fills, in navigation order."""
    content = site.content or AgencyContent()
    organization, services = content.organization, content.services
    no_gift = content.policies.no_gift if content.policies else None
    wanted = [
        ("structure", "โครงสร้างองค์กร", organization is not None and organization.structure is not None),
        ("executives", "ผู้บริหาร", organization is not None and bool(organization.executives)),
        ("duties", "หน้าที่และอำนาจ", organization is not None and organization.duties is not None),
        # Sites that keep only agency.yml (the seed examples) get no agency section at all.
        ("contact", "ติดต่อหน่วยงาน", organization is not None or services is not None or bool(site.oit)),
        ("news", "ข่าวประชาสัมพันธ์", bool(content.news)),
        ("e-services", "บริการออนไลน์ (E-Service)", services is not None and bool(services.e_services)),
        (
            "complaints",
            "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
            services is not None and bool(services.complaint_channels),
        ),
        (
            "participation",
            "ช่องทางรับฟังความคิดเห็นและการมีส่วนร่วม",
            services is not None and bool(services.opinion_channels or services.participation),
        ),
        ("no-gift", "นโยบายไม่รับของขวัญ (No Gift Policy)", no_gift is not None),
        ("documents", "แผน รายงาน และเอกสารเผยแพร่", bool(content.documents)),
    ]
    return [(name, title) for name, title, exists in wanted if exists]
