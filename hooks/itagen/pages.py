"""Which pages a site has, and their Markdown: the per-fiscal-year disclosure pages and the index.

``generate_site`` is the engine's one entry point for page generation. Each page builder takes
the site and one fiscal year and returns the pages it owns; features (announcements, the OIT
checklist) add their builders to ``YEAR_PAGE_BUILDERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from markupsafe import Markup

from .chart import indicator_chart
from .model import FiscalYear, Site
from .rendering import html_env, markdown_env

YEARS_INDEX = "ita/index.md"
THAI_DIGITS_CSS = "assets/stylesheets/thai-digits.css"


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    """Path inside the site's docs, such as ``ita/2568/measures.md``."""
    title: str
    """Title in the navigation."""
    markdown: str
    fiscal_year: int | None = None


@dataclass(frozen=True)
class GeneratedAsset:
    path: str
    content: bytes


@dataclass
class SiteOutput:
    pages: list[GeneratedPage] = field(default_factory=list)
    assets: list[GeneratedAsset] = field(default_factory=list)
    home_markdown: str = ""
    """Appended to the hand-written home page: the agency and its latest result."""
    home_notices: list[str] = field(default_factory=list)
    """Markdown put before the home summary by year builders, such as a call to answer open surveys."""
    logo_path: str | None = None
    extra_css: list[str] = field(default_factory=list)
    """Stylesheets among the assets that every page must load."""

    def year_pages(self, fiscal_year: int) -> list[GeneratedPage]:
        return [p for p in self.pages if p.fiscal_year == fiscal_year]


@dataclass(frozen=True)
class RenderContext:
    site: Site
    markdown: jinja2.Environment
    html: jinja2.Environment

    def page(self, template: str, **values: object) -> str:
        return self.markdown.get_template(template).render(**values)


YearPageBuilder = Callable[[RenderContext, FiscalYear, SiteOutput], None]


def year_dir(year: FiscalYear) -> str:
    return f"ita/{year.fiscal_year}"


def previous_assessment_year(site: Site, year: FiscalYear) -> FiscalYear | None:
    """The year whose assessment is the ITA just before this year's, for the change column."""
    if year.assessment is None:
        return None
    wanted = year.assessment.ita_year - 1
    return next((y for y in site.years if y.assessment and y.assessment.ita_year == wanted), None)


def _overview(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    chart = Markup("")
    if year.assessment and year.assessment.indicators:
        chart = indicator_chart(ctx.html, year.assessment, year.fiscal_year)
    markdown = ctx.page(
        "year-overview.md.j2",
        year=year,
        previous=previous_assessment_year(ctx.site, year),
        chart=chart,
        pages=[*out.year_pages(year.fiscal_year), *_assessors_page(ctx.site, year)],
    )
    out.pages.insert(
        _first_index_of_year(out, year.fiscal_year),
        GeneratedPage(f"{year_dir(year)}/index.md", "ภาพรวม", markdown, year.fiscal_year),
    )


def _assessors_page(site: Site, year: FiscalYear) -> list[GeneratedPage]:
    """The OIT page is generated after the overview (its evidence may link the overview), so name it ahead."""
    from .oit_pages import PAGE_TITLE, oit_page_path

    if not any(oit.fiscal_year == year.fiscal_year for oit in site.oit):
        return []
    return [GeneratedPage(oit_page_path(year.fiscal_year), PAGE_TITLE, "", year.fiscal_year)]


def _first_index_of_year(out: SiteOutput, fiscal_year: int) -> int:
    return next((i for i, p in enumerate(out.pages) if p.fiscal_year == fiscal_year), len(out.pages))


def _analysis(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    if year.analysis is None:
        return
    markdown = ctx.page("year-analysis.md.j2", year=year, analysis=year.analysis)
    out.pages.append(
        GeneratedPage(f"{year_dir(year)}/analysis.md", "การวิเคราะห์ผลการประเมิน", markdown, year.fiscal_year)
    )


def _measures(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    if year.measures is None:
        return
    markdown = ctx.page("year-measures.md.j2", year=year, measures=year.measures)
    out.pages.append(
        GeneratedPage(f"{year_dir(year)}/measures.md", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", markdown, year.fiscal_year)
    )


def _progress_reports(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    for report in year.progress_reports:
        markdown = ctx.page("year-progress.md.j2", year=year, report=report)
        title = f"รายงานผลการดำเนินการตามมาตรการ {report.round_name}"
        out.pages.append(GeneratedPage(f"{year_dir(year)}/{report.slug}.md", title, markdown, year.fiscal_year))


def _survey_announcements(ctx: RenderContext, year: FiscalYear, out: SiteOutput) -> None:
    from .survey_pages import survey_announcements  # imported here: survey_pages imports this module

    survey_announcements(ctx, year, out)


YEAR_PAGE_BUILDERS: list[YearPageBuilder] = [_analysis, _measures, _progress_reports, _survey_announcements]
"""Run in order for every fiscal year; the overview runs last so that it can list the others."""


def generate_site(site: Site) -> SiteOutput:
    # Imported here: these feature modules build on this module's page types.
    from .agency_pages import add_agency_pages
    from .oit_pages import add_oit_pages

    ctx = RenderContext(site, markdown_env(site), html_env(site))
    out = SiteOutput()
    add_agency_pages(ctx, out)
    for year in reversed(site.years):  # newest first: that is what readers look for
        for build in YEAR_PAGE_BUILDERS:
            build(ctx, year, out)
        _overview(ctx, year, out)
    newest_first = list(reversed(site.years))
    out.pages.insert(
        0, GeneratedPage(YEARS_INDEX, "ทุกปีงบประมาณ", ctx.page("years-index.md.j2", years=newest_first), None)
    )
    add_oit_pages(ctx, out)  # last: OIT evidence may point at any page (raises DataError on a broken link)
    out.home_markdown = "".join(out.home_notices) + ctx.page("home-summary.md.j2", years=newest_first)
    if site.digits == "thai":
        # Markdown only knows "1." list markers; CSS numbers the same lists ๑. ๒. ๓.
        out.extra_css.append(THAI_DIGITS_CSS)
        out.assets.append(GeneratedAsset(THAI_DIGITS_CSS, b".md-typeset ol { list-style-type: thai; }\n"))
    if site.agency.logo:
        logo = site.data_dir / site.agency.logo
        out.logo_path = f"assets/agency-logo{logo.suffix.lower()}"
        out.assets.append(GeneratedAsset(out.logo_path, logo.read_bytes()))
    return out


def navigation(site: Site, out: SiteOutput) -> list[dict[str, object]]:
    """The ``nav`` for mkdocs.yml: hand-written pages around the generated years, newest first."""
    years: list[object] = [YEARS_INDEX]
    for year in reversed(site.years):
        entries = [{p.title: p.path} for p in out.year_pages(year.fiscal_year)]
        years.append({f"ปีงบประมาณ พ.ศ. {year.fiscal_year}": entries})
    agency: list[object] = [{p.title: p.path} for p in out.pages if p.path.startswith("agency/")]
    agency_section: list[dict[str, object]] = [{"ข้อมูลหน่วยงาน": agency}] if agency else []
    return [
        {"หน้าแรก": "index.md"},
        *agency_section,
        {"ผลการประเมิน ITA": years},
        {"เกี่ยวกับการประเมิน ITA": "about-ita.md"},
        {"การเข้าถึงเว็บไซต์": "accessibility.md"},
    ]
