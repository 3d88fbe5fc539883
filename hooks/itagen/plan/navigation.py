"""The ``nav`` of mkdocs.yml, made from the site plan: hand-written pages around the generated ones."""

from __future__ import annotations

from itertools import groupby

from ..records.site import Site
from ..thai.dates import with_digits
from .site_plan import YEARS_INDEX, SitePlan

YEARS_BEFORE_GROUPING = 10
"""Up to this many fiscal years are listed one by one; more are grouped by decade, so that a page of a
site with decades of years does not carry every year in its navigation (the theme lists the years of
the open group only)."""


def navigation(site: Site, plan: SitePlan) -> list[dict[str, object]]:
    """Home, the agency section (when the data has one), the years newest first, then the ITA pages."""
    years: list[object] = [YEARS_INDEX, *(p.path for p in plan.pages if p.kind == "open-data")]
    newest_first = [year.fiscal_year for year in reversed(site.years)]
    if len(newest_first) <= YEARS_BEFORE_GROUPING:
        years += [_year(site, plan, fiscal_year) for fiscal_year in newest_first]
    else:
        for decade, members in groupby(newest_first, key=lambda fiscal_year: fiscal_year // 10 * 10):
            label = with_digits(f"พ.ศ.\u00a0{decade}–{decade + 9}", site.digits)
            years.append({label: [_year(site, plan, fiscal_year) for fiscal_year in members]})
    agency: list[object] = [{p.title: p.path} for p in plan.agency_pages]
    agency_section: list[dict[str, object]] = [{"ข้อมูลหน่วยงาน": agency}] if agency else []
    return [
        {"หน้าแรก": "index.md"},
        *agency_section,
        {"ผลการประเมิน ITA": years},
        {"เกี่ยวกับการประเมิน ITA": "about-ita.md"},
        {"การเข้าถึงเว็บไซต์": "accessibility.md"},
    ]


def _year(site: Site, plan: SitePlan, fiscal_year: int) -> dict[str, object]:
    entries = [{p.title: p.path} for p in plan.year_pages(fiscal_year)]
    return {with_digits(f"ปีงบประมาณ พ.ศ.\u00a0{fiscal_year}", site.digits): entries}
