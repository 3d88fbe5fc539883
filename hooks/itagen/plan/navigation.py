"""The ``nav`` of mkdocs.yml, made from the site plan: hand-written pages around the generated ones."""

from __future__ import annotations

from ..records.site import Site
from ..thai.dates import with_digits
from .site_plan import YEARS_INDEX, SitePlan


def navigation(site: Site, plan: SitePlan) -> list[dict[str, object]]:
    """Home, the agency section (when the data has one), the years newest first, then the ITA pages."""
    years: list[object] = [YEARS_INDEX, *(p.path for p in plan.pages if p.kind == "open-data")]
    for year in reversed(site.years):
        entries = [{p.title: p.path} for p in plan.year_pages(year.fiscal_year)]
        years.append({with_digits(f"ปีงบประมาณ พ.ศ.\u00a0{year.fiscal_year}", site.digits): entries})
    agency: list[object] = [{p.title: p.path} for p in plan.agency_pages]
    agency_section: list[dict[str, object]] = [{"ข้อมูลหน่วยงาน": agency}] if agency else []
    return [
        {"หน้าแรก": "index.md"},
        *agency_section,
        {"ผลการประเมิน ITA": years},
        {"เกี่ยวกับการประเมิน ITA": "about-ita.md"},
        {"การเข้าถึงเว็บไซต์": "accessibility.md"},
    ]
