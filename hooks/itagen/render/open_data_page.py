"""The open-data page: every file of ``open_data.py`` with its size, the date of its data and the licence."""

from __future__ import annotations

import posixpath
from typing import Any

from ..plan.site_plan import PlannedPage
from ..records.record import record
from ..thai.dates import with_digits
from .agency_pages import format_size
from .open_data import DataFile, licence
from .output import RenderContext, Rendered


@record
class _Row:
    title: str
    link: str
    kind: str
    size: str


@record
class _Group:
    heading: str
    anchor: str
    updated: Any
    rows: list[_Row]


def open_data_page(ctx: RenderContext, page: PlannedPage, files: list[DataFile]) -> Rendered:
    """The page listing every open-data file with its size, the date of its data and the licence."""
    folder = posixpath.dirname(page.path)

    def row(f: DataFile) -> _Row:
        kind = f.name.rsplit(".", 1)[1].upper()
        size = format_size(len(f.asset.content), ctx.site.digits)
        title = with_digits(f.title, ctx.site.digits).replace("พ.ศ. ", "พ.ศ.\u00a0")
        return _Row(title, posixpath.relpath(f.asset.path, folder), kind, size)

    groups = [
        _Group(
            f"ปีงบประมาณ พ.ศ. {unbroken_number(y.fiscal_year, ctx)}",
            f"fy-{y.fiscal_year}",
            y.updated,
            [row(f) for f in files if f.fiscal_year == y.fiscal_year],
        )
        for y in reversed(ctx.site.years)
    ]
    groups.append(_Group("ทุกปีงบประมาณ", "all-years", None, [row(f) for f in files if f.fiscal_year is None]))
    catalogue_path = next(f.asset.path for f in files if f.name == "catalog.jsonld")
    markdown = ctx.page(
        "open-data.md.j2",
        groups=groups,
        licence=licence(ctx.site),
        catalogue=posixpath.relpath(catalogue_path, folder),
    )
    return Rendered(markdown, [f.asset for f in files])


def unbroken_number(value: int, ctx: RenderContext) -> str:
    return with_digits(str(value), ctx.site.digits)
