"""The agency's standing pages (structure, executives, contacts, news …) and its published files.

The plan decides which of them exist (``plan/site_plan.py``); each is rendered here by its name.
Documents are copied to ``documents/<id>.<ext>`` with the documents page, photos and the chart with
the pages that show them.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from ..plan.site_plan import PlannedPage, document_site_path
from ..records.content import DOCUMENT_CATEGORIES, AgencyContent, Channel, Document, Executive
from ..records.record import record
from ..records.values import MarkdownText
from ..thai.dates import Digits, with_digits
from .environments import line_url
from .output import GeneratedAsset, RenderContext, Rendered

PEOPLE_DIR = "assets/people"


@record
class PersonCard:
    executive: Executive
    photo: str | None
    """The photo's path inside the site."""


@record
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
    rows = {}
    for document in _content(ctx).documents:
        size = (ctx.site.data_dir / document.file).stat().st_size
        kind = Path(document.file).suffix.lstrip(".").upper() or "FILE"
        category = DOCUMENT_CATEGORIES[document.category]
        rows[document.id] = DocumentRow(
            document, document_site_path(document), format_size(size, ctx.site.digits), kind, category
        )
    return rows


def agency_page(ctx: RenderContext, page: PlannedPage) -> Rendered:
    return _RENDERERS[page.name](ctx, _content(ctx), page)


def _content(ctx: RenderContext) -> AgencyContent:
    return ctx.site.content or AgencyContent()


def _data_file(ctx: RenderContext, name: str) -> bytes:
    return (ctx.site.data_dir / name).read_bytes()


def _structure(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    organization = content.organization
    assert organization is not None and organization.structure is not None  # the plan's condition
    structure = organization.structure
    chart, assets = None, []
    if structure.chart:
        chart = f"{PEOPLE_DIR}/structure-chart{Path(structure.chart).suffix.lower()}"
        assets.append(GeneratedAsset(chart, _data_file(ctx, structure.chart)))
    markdown = ctx.page("agency-structure.md.j2", structure=structure, chart=chart, organization=organization)
    return Rendered(markdown, assets)


def _executives(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    organization = content.organization
    assert organization is not None
    cards, assets = [], []
    for index, executive in enumerate(organization.executives, start=1):
        photo = None
        if executive.photo:
            photo = f"{PEOPLE_DIR}/executive-{index}{Path(executive.photo).suffix.lower()}"
            assets.append(GeneratedAsset(photo, _data_file(ctx, executive.photo)))
        cards.append(PersonCard(executive, photo))
    return Rendered(ctx.page("agency-executives.md.j2", cards=cards, organization=organization), assets)


def _duties(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    organization = content.organization
    assert organization is not None
    return Rendered(ctx.page("agency-duties.md.j2", duties=organization.duties, organization=organization))


def _contact(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    contacts = ctx.site.agency.contacts
    markdown = ctx.page(
        "agency-contact.md.j2",
        contacts=contacts,
        organization=content.organization,
        services=content.services,
        line=line_url(contacts.line_oa) if contacts.line_oa else None,
    )
    return Rendered(markdown)


def _news(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    newest = sorted(content.news, key=lambda n: n.date.first_day, reverse=True)
    by_year = [(year, list(items)) for year, items in groupby(newest, key=lambda n: n.fiscal_year)]
    return Rendered(ctx.page("agency-news.md.j2", by_year=by_year, rows=document_rows(ctx)))


def _channels(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    services = content.services
    assert services is not None
    channels: dict[str, tuple[list[Channel], list[MarkdownText]]] = {
        "e-services": (services.e_services, []),
        "complaints": (services.complaint_channels, []),
        "participation": (services.opinion_channels, services.participation),
    }
    listed, results = channels[page.name]
    markdown = ctx.page("agency-channels.md.j2", title=page.title, name=page.name, channels=listed, results=results)
    return Rendered(markdown)


def _no_gift(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    policy = content.policies.no_gift if content.policies else None
    return Rendered(ctx.page("agency-no-gift.md.j2", policy=policy, rows=document_rows(ctx)))


def _documents(ctx: RenderContext, content: AgencyContent, page: PlannedPage) -> Rendered:
    rows = document_rows(ctx)
    ordered = sorted(rows.values(), key=lambda r: (-r.document.first_year, r.document.category, r.document.title))
    by_year = [(year, list(items)) for year, items in groupby(ordered, key=lambda r: r.document.first_year)]
    markdown = ctx.page("agency-documents.md.j2", by_year=by_year)
    published = [GeneratedAsset(row.path, _data_file(ctx, row.document.file)) for row in rows.values()]
    return Rendered(markdown, published)


_RENDERERS: dict[str, Callable[[RenderContext, AgencyContent, PlannedPage], Rendered]] = {
    "structure": _structure,
    "executives": _executives,
    "duties": _duties,
    "contact": _contact,
    "news": _news,
    "e-services": _channels,
    "complaints": _channels,
    "participation": _channels,
    "no-gift": _no_gift,
    "documents": _documents,
}
