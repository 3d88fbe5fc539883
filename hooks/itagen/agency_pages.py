"""The agency's standing pages (structure, executives, contacts, news …) and its published files.

Each page is generated only when its data exists. Pages live under ``agency/`` so that OIT
evidence can name them (``page: structure``); documents are copied to ``documents/<id>.<ext>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from urllib.parse import quote

from .content import DOCUMENT_CATEGORIES, AgencyContent, Channel, Document, Executive, document_site_path
from .pages import GeneratedAsset, GeneratedPage, RenderContext, SiteOutput
from .text import MarkdownText
from .thai import Digits, with_digits

AGENCY_DIR = "agency"
PEOPLE_DIR = "assets/people"
LINE_ADD_FRIEND = "https://line.me/R/ti/p/"


@dataclass(frozen=True)
class PersonCard:
    executive: Executive
    photo: str | None
    """The photo's path inside the site."""


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    path: str
    size: str
    kind: str
    category: str


def format_size(size: int, digits: Digits) -> str:
    """``12 KB``, ``1.4 MB``: what readers on a phone plan want to know before opening a file."""
    if size < 1024 * 1024:
        return with_digits(f"{max(1, round(size / 1024))} KB", digits)
    return with_digits(f"{size / (1024 * 1024):.1f} MB", digits)


def document_rows(ctx: RenderContext) -> dict[str, DocumentRow]:
    """Every document with its published path, size and type, by id."""
    content = ctx.site.content or AgencyContent()
    rows = {}
    for document in content.documents:
        size = (ctx.site.data_dir / document.file).stat().st_size
        kind = Path(document.file).suffix.lstrip(".").upper() or "FILE"
        category = DOCUMENT_CATEGORIES[document.category]
        rows[document.id] = DocumentRow(
            document, document_site_path(document), format_size(size, ctx.site.digits), kind, category
        )
    return rows


def line_url(line_oa: str) -> str:
    """The add-friend link of a LINE Official Account id such as ``@bansathit``."""
    return LINE_ADD_FRIEND + quote(line_oa.strip(), safe="")


def tel_url(number: str) -> str:
    """``tel:`` link of a number written ``043-000-000 ต่อ 12``: only the number before any extension."""
    main = number.split("ต่อ")[0]
    return "tel:" + "".join(c for c in main if c.isdigit() or c == "+")


def add_agency_pages(ctx: RenderContext, out: SiteOutput) -> None:
    """The agency pages, in navigation order, and the files they publish."""
    content = ctx.site.content or AgencyContent()
    rows = document_rows(ctx)
    ctx.markdown.filters["tel"] = tel_url  # contact links are built the same way on every page
    for build in _BUILDERS:
        build(ctx, content, rows, out)
    for document in content.documents:
        out.assets.append(GeneratedAsset(rows[document.id].path, (ctx.site.data_dir / document.file).read_bytes()))


def _page(out: SiteOutput, name: str, title: str, markdown: str) -> None:
    out.pages.append(GeneratedPage(f"{AGENCY_DIR}/{name}.md", title, markdown, None))


def _structure(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    organization = content.organization
    if organization is None or organization.structure is None:
        return
    structure = organization.structure
    chart = None
    if structure.chart:
        chart = f"{PEOPLE_DIR}/structure-chart{Path(structure.chart).suffix.lower()}"
        out.assets.append(GeneratedAsset(chart, (ctx.site.data_dir / structure.chart).read_bytes()))
    markdown = ctx.page("agency-structure.md.j2", structure=structure, chart=chart, organization=organization)
    _page(out, "structure", "โครงสร้างองค์กร", markdown)


def _executives(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    organization = content.organization
    if organization is None or not organization.executives:
        return
    cards = []
    for index, executive in enumerate(organization.executives, start=1):
        photo = None
        if executive.photo:
            photo = f"{PEOPLE_DIR}/executive-{index}{Path(executive.photo).suffix.lower()}"
            out.assets.append(GeneratedAsset(photo, (ctx.site.data_dir / executive.photo).read_bytes()))
        cards.append(PersonCard(executive, photo))
    markdown = ctx.page("agency-executives.md.j2", cards=cards, organization=organization)
    _page(out, "executives", "ผู้บริหาร", markdown)


def _duties(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    organization = content.organization
    if organization is None or organization.duties is None:
        return
    markdown = ctx.page("agency-duties.md.j2", duties=organization.duties, organization=organization)
    _page(out, "duties", "หน้าที่และอำนาจ", markdown)


def _contact(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    # Sites that keep only agency.yml (the seed examples) get no agency section at all.
    if content.organization is None and content.services is None and not ctx.site.oit:
        return
    markdown = ctx.page(
        "agency-contact.md.j2",
        contacts=ctx.site.agency.contacts,
        organization=content.organization,
        services=content.services,
        line=line_url(ctx.site.agency.contacts.line_oa) if ctx.site.agency.contacts.line_oa else None,
    )
    _page(out, "contact", "ติดต่อหน่วยงาน", markdown)


def _news(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    if not content.news:
        return
    newest = sorted(content.news, key=lambda n: n.date.first_day, reverse=True)
    by_year = [(year, list(items)) for year, items in groupby(newest, key=lambda n: n.fiscal_year)]
    markdown = ctx.page("agency-news.md.j2", by_year=by_year, rows=rows)
    _page(out, "news", "ข่าวประชาสัมพันธ์", markdown)


def _channel_pages(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    services = content.services
    if services is None:
        return
    pages: list[tuple[str, str, list[Channel], list[MarkdownText]]] = [
        ("e-services", "บริการออนไลน์ (E-Service)", services.e_services, []),
        ("complaints", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", services.complaint_channels, []),
        ("participation", "ช่องทางรับฟังความคิดเห็นและการมีส่วนร่วม", services.opinion_channels, services.participation),
    ]
    for name, title, channels, results in pages:
        if channels or results:
            markdown = ctx.page("agency-channels.md.j2", title=title, name=name, channels=channels, results=results)
            _page(out, name, title, markdown)


def _no_gift(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    policy = content.policies.no_gift if content.policies else None
    if policy is None:
        return
    markdown = ctx.page("agency-no-gift.md.j2", policy=policy, rows=rows)
    _page(out, "no-gift", "นโยบายไม่รับของขวัญ (No Gift Policy)", markdown)


def _documents(ctx: RenderContext, content: AgencyContent, rows: dict[str, DocumentRow], out: SiteOutput) -> None:
    if not content.documents:
        return
    ordered = sorted(rows.values(), key=lambda r: (-r.document.first_year, r.document.category, r.document.title))
    by_year = [(year, list(items)) for year, items in groupby(ordered, key=lambda r: r.document.first_year)]
    markdown = ctx.page("agency-documents.md.j2", by_year=by_year)
    _page(out, "documents", "แผน รายงาน และเอกสารเผยแพร่", markdown)


_BUILDERS: list[Callable[[RenderContext, AgencyContent, dict[str, DocumentRow], SiteOutput], None]] = [
    _structure,
    _executives,
    _duties,
    _contact,
    _news,
    _channel_pages,
    _no_gift,
    _documents,
]
