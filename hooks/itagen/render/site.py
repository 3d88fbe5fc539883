"""Rendering a planned site: every page's Markdown, the files pages publish, the home page's summary.

Pages are rendered in the plan's order by the renderer of their kind. The assessors' pages come
last because they quote the sections of the pages they cite (``evidence.py``); nothing else
depends on order, since every page's path and title is in the plan already.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import field

from ..plan.site_plan import PageKind, PlannedPage, SitePlan, logo_site_path
from ..records.record import record
from ..records.site import Site
from .agency_pages import agency_page
from .crawler_files import news_feed, robots_txt
from .environments import html_env, markdown_env
from .evidence import Coverage, oit_coverage
from .oit_pages import oit_page
from .open_data import open_data_files
from .open_data_page import open_data_page
from .output import GeneratedAsset, GeneratedPage, RenderContext, Rendered
from .print_document import print_document
from .reuse import RenderMemo
from .survey_pages import announcement_page, survey_call
from .year_pages import analysis, measures, overview, progress_report, years_index

THAI_DIGITS_CSS = "assets/stylesheets/thai-digits.css"
HOME_LINKED_PAGES = ("contact", "complaints")
"""Agency pages the home page links to: how to reach the agency, and where to report corruption."""

_RENDERERS: dict[PageKind, Callable[[RenderContext, PlannedPage], Rendered]] = {
    "years-index": years_index,
    "agency": agency_page,
    "overview": overview,
    "analysis": analysis,
    "measures": measures,
    "progress": progress_report,
    "survey": announcement_page,
}


@record
class SiteOutput:
    pages: list[GeneratedPage]
    """In the plan's order."""
    assets: list[GeneratedAsset]
    home_notices: str
    """Put first on the hand-written home page, under its title: calls to answer open surveys."""
    home_summary: str
    """Appended to the hand-written home page: the agency, its latest result, how to reach it."""
    coverages: list[Coverage] = field(default_factory=list)
    """How far each OIT year's checklist is answered, for the build's report."""
    logo_path: str | None = None
    extra_css: list[str] = field(default_factory=list)
    """Stylesheets among the assets that every page must load."""
    theme_links: dict[str, str | None] = field(default_factory=dict)
    """Addresses the theme's own templates print: the news feed, the contact page (for the 404 page)."""

    def home_page(self, hand_written: str) -> str:
        """The hand-written home page with the survey call right under its title (the first thing a
        phone shows) and the summary at its end."""
        lines = hand_written.split("\n")
        if self.home_notices:
            title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
            lines = [*lines[: title + 1], "", self.home_notices, *lines[title + 1 :]]
        return "\n".join(lines) + f"\n\n{self.home_summary}"


def render_site(site: Site, plan: SitePlan, memo: RenderMemo | None = None) -> SiteOutput:
    """Every page of the plan. With ``memo`` (kept by ``mkdocs serve``, started for this build), a
    year's pages whose inputs did not change since the last build are taken from it."""
    ctx = RenderContext(site, plan, markdown_env(site), html_env(site))
    data_files = open_data_files(site)
    renderers: dict[PageKind, Callable[[RenderContext, PlannedPage], Rendered]] = {
        **_RENDERERS,
        "open-data": lambda ctx, page: open_data_page(ctx, page, data_files),
    }

    def render(page: PlannedPage, make: Callable[[], Rendered]) -> Rendered:
        kept = memo.reuse(page) if memo is not None else None
        if kept is None:
            kept = make()
            if memo is not None:
                memo.keep(page, kept)
        return kept

    later = ("oit", "print")  # they quote the other pages of their year
    rendered: dict[str, Rendered] = {}
    for page in (p for p in plan.pages if p.kind not in later):
        rendered[page.path] = render(page, functools.partial(renderers[page.kind], ctx, page))
    coverages = oit_coverage(site, plan, {path: r.markdown for path, r in rendered.items()})
    for coverage in coverages:
        page = next(p for p in plan.pages if p.kind == "oit" and p.fiscal_year == coverage.fiscal_year)
        rendered[page.path] = render(page, functools.partial(oit_page, ctx, page, coverage))
    for page in (p for p in plan.pages if p.kind == "print"):
        rendered[page.path] = render(page, functools.partial(print_document, ctx, page, rendered))
    newest_first = list(reversed(site.years))
    home_notices = "".join(survey_call(ctx, year) for year in newest_first)
    contact_pages = [p for p in plan.agency_pages if p.name in HOME_LINKED_PAGES]
    home_summary = ctx.page("home-summary.md.j2", years=newest_first, contact_pages=contact_pages)
    assets = [asset for r in rendered.values() for asset in r.assets]
    extra_css: list[str] = []
    if site.digits == "thai":
        # Markdown only knows "1." list markers; CSS numbers the same lists ๑. ๒. ๓.
        extra_css.append(THAI_DIGITS_CSS)
        assets.append(GeneratedAsset(THAI_DIGITS_CSS, b".md-typeset ol { list-style-type: thai; }\n"))
    assets.append(robots_txt(site))
    feed = news_feed(site)
    if feed is not None:
        assets.append(feed)
    if (logo_path := logo_site_path(site)) is not None and site.agency.logo:
        assets.append(GeneratedAsset(logo_path, (site.data_dir / site.agency.logo).read_bytes()))
    pages = [GeneratedPage.of(planned, rendered[planned.path].markdown) for planned in plan.pages]
    contact = next((p.path for p in plan.agency_pages if p.name == "contact"), None)
    links = {"feed": feed.path if feed else None, "contact": contact.removesuffix(".md") + "/" if contact else None}
    return SiteOutput(pages, assets, home_notices, home_summary, coverages, logo_path, extra_css, links)
