"""Builds of the same data give the same files, so a webmaster can see what really changed.

MkDocs stamps the sitemap's ``<lastmod>`` and the gzip header of ``sitemap.xml.gz`` with the build
time unless ``SOURCE_DATE_EPOCH`` is set. We set it to the day the data was last updated (the
newest ``updated:`` of any fiscal year): that is what "last modified" means for these pages, and
it changes only when the data does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .loader import load_site


def data_updated(data_dir: Path) -> dt.date | None:
    """The newest ``updated:`` date in the data, or None when the data cannot be loaded or has no year."""
    try:
        site = load_site(data_dir).site
    except Exception:  # DataError above all: the build itself reports it, with file and line
        return None
    days = [year.updated.last_day for year in site.years]
    return max(days, default=None)


def source_date_epoch(data_dir: Path) -> str | None:
    """``SOURCE_DATE_EPOCH`` (seconds, UTC midnight) for the data's last update."""
    day = data_updated(data_dir)
    if day is None:
        return None
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
