"""Repeatable builds: the same data gives the same files, byte for byte, so that changes show.

MkDocs would stamp the sitemap with the day of the build; the MkDocs hook sets SOURCE_DATE_EPOCH to
the newest ``updated:`` date of the data it loaded instead (itagen/publish/build_date.py). The one deliberate
exception is the home page's survey notice, which depends on today's date (the survey window is
open or not); it is the same for two builds on one day, as here.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import ita_hooks
import pytest
from conftest import DEMO_DATA, edit_text, run_build
from test_last_good_site import snapshot

from itagen.load.site import load_site
from itagen.publish.build_date import SOURCE_DATE_EPOCH, source_date_epoch


def test_two_builds_of_the_same_data_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the build must be repeatable on its own
    first, second = tmp_path / "first", tmp_path / "elsewhere" / "second"
    for out in (first, second):  # different paths: no build directory may leak into a page
        result = run_build(DEMO_DATA, out)
        assert result.returncode == 0, result.stderr
    one, two = snapshot(first), snapshot(second)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert len(one) > 50


def test_the_sitemap_is_dated_by_the_data_not_by_the_clock(demo_site: Path) -> None:
    newest = max(year.updated.last_day for year in load_site(DEMO_DATA).site.years)
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {newest.isoformat()}
    assert gzip.decompress((demo_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_a_rebuild_in_the_same_process_is_dated_by_its_own_data(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``mkdocs serve`` rebuilds in one process: an edited ``updated:`` must move the date, a user's
    own SOURCE_DATE_EPOCH must win."""
    monkeypatch.delenv(SOURCE_DATE_EPOCH, raising=False)
    monkeypatch.delenv(ita_hooks.EPOCH_FROM_DATA_ENV, raising=False)
    demo = load_site(DEMO_DATA).site
    ita_hooks._date_the_build(demo)
    assert os.environ[SOURCE_DATE_EPOCH] == source_date_epoch(demo)
    edit_text(data_copy / "years/2569.yml", "updated: 2569-06-30", "updated: 2569-07-15")
    edited = load_site(data_copy).site
    ita_hooks._date_the_build(edited)
    assert os.environ[SOURCE_DATE_EPOCH] == source_date_epoch(edited) != source_date_epoch(demo)
    monkeypatch.setenv(SOURCE_DATE_EPOCH, "86400")
    ita_hooks._date_the_build(demo)
    assert os.environ[SOURCE_DATE_EPOCH] == "86400"
