"""Builds of the same data give the same files, so a webmaster can see what really changed.

MkDocs stamps the sitemap's ``<lastmod>`` and the gzip header of ``sitemap.xml.gz`` with the build
time unless ``SOURCE_DATE_EPOCH`` is set. We set it to the day the data was last updated (the
newest ``updated:`` of any fiscal year): that is what "last modified" means for these pages, and
it changes only when the data does.
"""

from __future__ import annotations

import datetime as dt

from ..records.site import Site

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
LATEST_EPOCH = 2**32 - 1
"""The gzip header of sitemap.xml.gz holds 32 bits: a year after C.E. 2106 (B.E. 2649), which the data
may state, would stop the build, so the date is held there."""


def source_date_epoch(site: Site) -> str | None:
    """``SOURCE_DATE_EPOCH`` (seconds, UTC midnight) for the data's last update; None without years."""
    day = site.data_updated
    if day is None:
        return None
    return str(min(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()), LATEST_EPOCH))
