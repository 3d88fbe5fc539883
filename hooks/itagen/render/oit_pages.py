"""The assessors' page of each OIT year, and the URL sheet (CSV and JSON) to paste into ITAS.

Rendered after every other page, because evidence quotes their sections (``evidence.py``).
The page lists every checklist item with direct links and marks missing items plainly; the sheet
gives each item's absolute URL: the evidence itself when there is one link, else the item's
section of the assessors' page, which lists them all.
"""

from __future__ import annotations

from ..plan.site_plan import OIT_PAGE_TITLE, PlannedPage, oit_page_path, year_dir
from ..records.oit import PERIOD_NAMES
from ..records.record import record
from .agency_pages import document_rows
from .evidence import Coverage, ItemStatus, Link
from .indented_json import indented_json
from .output import GeneratedAsset, RenderContext, Rendered
from .sheets import csv_text

CSV_NAME = "oit-urls.csv"
JSON_NAME = "oit-urls.json"
CSV_HEADER = [
    "ข้อ (code)",
    "ชื่อข้อมูล (name)",
    "URL",
    "URL หลักฐานทั้งหมด (evidence URLs)",
    "คำอธิบาย (explanation)",
    "สถานะ (status)",
]


@record
class SheetLinks:
    csv: str
    json: str


@record
class SheetRow:
    code: str
    name: str
    url: str
    evidence_urls: list[str]
    explanation: str
    missing: bool


def oit_page(ctx: RenderContext, page: PlannedPage, coverage: Coverage) -> Rendered:
    """One OIT year's assessors' page, with its URL sheet when the site's address is known."""
    sheet, assets = None, []
    site_url = ctx.site.settings.site_url
    if coverage.oit.url_sheet and site_url:
        sheet = SheetLinks(CSV_NAME, JSON_NAME)
        assets = url_sheet_assets(coverage, site_url)
    markdown = ctx.page(
        "oit-year.md.j2",
        coverage=coverage,
        year=ctx.site.year(coverage.fiscal_year),
        groups=_groups(coverage.items),
        rows=document_rows(ctx),
        page_path=page.path,
        sheet=sheet,
        period_names=PERIOD_NAMES,
    )
    return Rendered(markdown, assets)


def _groups(statuses: list[ItemStatus]) -> list[tuple[str | None, list[ItemStatus]]]:
    """Consecutive items of the same group, in checklist order (9.1 … 10.2 would not sort as text)."""
    groups: list[tuple[str | None, list[ItemStatus]]] = []
    for status in statuses:
        if groups and groups[-1][0] == status.item.group:
            groups[-1][1].append(status)
        else:
            groups.append((status.item.group, [status]))
    return groups


def sheet_rows(coverage: Coverage, site_url: str) -> list[SheetRow]:
    section = Link("page", OIT_PAGE_TITLE, oit_page_path(coverage.fiscal_year))
    rows = []
    for status in coverage.items:
        urls = [link.absolute(site_url) for link in status.links]
        if len(urls) == 1:
            main = urls[0]
        elif urls:  # several links: the item's section of the assessors' page lists them all
            main = Link(section.kind, section.title, section.target, status.item.code.lower()).absolute(site_url)
        else:
            main = ""
        explanation = str(status.explanation or "")
        rows.append(SheetRow(status.item.code, status.item.name, main, urls, explanation, status.missing))
    return rows


def url_sheet_assets(coverage: Coverage, site_url: str) -> list[GeneratedAsset]:
    """``oit-urls.csv`` (UTF-8 with BOM, for Excel) and ``oit-urls.json`` beside the assessors' page."""
    rows = sheet_rows(coverage, site_url)
    folder = year_dir(coverage.fiscal_year)
    return [
        GeneratedAsset(f"{folder}/{CSV_NAME}", _csv(rows).encode("utf-8")),
        GeneratedAsset(f"{folder}/{JSON_NAME}", _json(coverage, rows, site_url).encode("utf-8")),
    ]


def _csv(rows: list[SheetRow]) -> str:
    cells = []
    for row in rows:
        status = "ยังไม่มีข้อมูล (missing)" if row.missing else "มีข้อมูล (ok)"
        cells.append([row.code, row.name, row.url, "\n".join(row.evidence_urls), row.explanation, status])
    return csv_text(CSV_HEADER, cells)


def _json(coverage: Coverage, rows: list[SheetRow], site_url: str) -> str:
    page = Link("page", OIT_PAGE_TITLE, oit_page_path(coverage.fiscal_year)).absolute(site_url)
    document = {
        "fiscal_year": coverage.fiscal_year,
        "ita_year": coverage.oit.checklist.ita_year,
        "assessors_page": page,
        "covered": coverage.covered,
        "total": len(coverage.items),
        "missing": coverage.missing,
        "items": [
            {
                "code": r.code,
                "name": r.name,
                "url": r.url,
                "evidence_urls": r.evidence_urls,
                "explanation": r.explanation,
                "missing": r.missing,
            }
            for r in rows
        ],
    }
    return indented_json(document, indent=2) + "\n"
