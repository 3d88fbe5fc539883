"""What rendering produces, and what every page renderer is handed.

Shared by the page renderers and by ``render/site.py``, which calls them: neither imports the
other's module for its types.
"""

from __future__ import annotations

import posixpath
from dataclasses import field

import jinja2

from ..plan.site_plan import PlannedPage, SitePlan, logo_site_path
from ..records.fiscal_year import FiscalYear
from ..records.record import record
from ..records.site import Site


@record
class GeneratedPage:
    path: str
    """Path inside the site's docs, such as ``ita/2568/measures.md``."""
    title: str
    """Title in the navigation."""
    markdown: str
    fiscal_year: int | None = None

    @classmethod
    def of(cls, planned: PlannedPage, markdown: str) -> GeneratedPage:
        return cls(planned.path, planned.title, markdown, planned.fiscal_year)


@record
class GeneratedAsset:
    path: str
    content: bytes


@record
class RenderContext:
    site: Site
    plan: SitePlan
    markdown: jinja2.Environment
    html: jinja2.Environment

    def page(self, template: str, **values: object) -> str:
        return self.markdown.get_template(template).render(**values)


@record
class Rendered:
    """One page's Markdown and the files it publishes (images, documents, sheets)."""

    markdown: str
    assets: list[GeneratedAsset] = field(default_factory=list)


def year_of(ctx: RenderContext, page: PlannedPage) -> FiscalYear:
    """The fiscal year a year page shows."""
    year = ctx.site.year(page.fiscal_year or 0)
    assert year is not None, page.path  # the plan makes year pages only for years of the site
    return year


def emblem_of(ctx: RenderContext, page: PlannedPage) -> str | None:
    """The agency's emblem as a page on paper heads with it (announcements, the year's document):
    the published logo, relative to ``page``; None when the agency has none."""
    logo = logo_site_path(ctx.site)
    return posixpath.relpath(logo, posixpath.dirname(page.path)) if logo else None
