"""The pages of one fiscal year that come from its year file: overview, analysis, measures, progress.

Announcements are in ``survey_pages.py`` and the assessors' page in ``oit_pages.py``; the overview
lists them all, as the plan has them.
"""

from __future__ import annotations

from markupsafe import Markup

from ..plan.site_plan import PlannedPage
from ..records.fiscal_year import FiscalYear
from ..records.site import Site
from .chart import indicator_chart
from .measure_markdown import measure_sections
from .output import RenderContext, Rendered, year_of


def previous_assessment_year(site: Site, year: FiscalYear) -> FiscalYear | None:
    """The year whose assessment is the ITA just before this year's, for the change column."""
    if year.assessment is None:
        return None
    wanted = year.assessment.ita_year - 1
    return next((y for y in site.years if y.assessment and y.assessment.ita_year == wanted), None)


def overview(ctx: RenderContext, page: PlannedPage) -> Rendered:
    year = year_of(ctx, page)
    chart = Markup("")
    if year.assessment and year.assessment.indicators:
        chart = indicator_chart(ctx.html, year.assessment, year.fiscal_year)
    markdown = ctx.page(
        "year-overview.md.j2",
        year=year,
        previous=previous_assessment_year(ctx.site, year),
        chart=chart,
        pages=[p for p in ctx.plan.year_pages(year.fiscal_year) if p is not page],
    )
    return Rendered(markdown)


def analysis(ctx: RenderContext, page: PlannedPage) -> Rendered:
    year = year_of(ctx, page)
    return Rendered(ctx.page("year-analysis.md.j2", year=year, analysis=year.analysis))


def measures(ctx: RenderContext, page: PlannedPage) -> Rendered:
    year = year_of(ctx, page)
    sections = measure_sections(ctx.markdown, year)
    return Rendered(ctx.page("year-measures.md.j2", year=year, measures=year.measures, sections=sections))


def progress_report(ctx: RenderContext, page: PlannedPage) -> Rendered:
    year = year_of(ctx, page)
    report = next(r for r in year.progress_reports if r.round == page.name)
    return Rendered(ctx.page("year-progress.md.j2", year=year, report=report))


def years_index(ctx: RenderContext, page: PlannedPage) -> Rendered:
    return Rendered(ctx.page("years-index.md.j2", years=list(reversed(ctx.site.years))))
