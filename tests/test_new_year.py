"""``make new-year``: the next fiscal year's file from the last one, carried forward for review, never
overwriting; the site builds right after it, for the demo and every example."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, example_dirs, run_build

from itagen.load.site import load_site
from itagen.records.surveys import today_in_thailand
from itagen.thai.dates import fiscal_year_of


def _new_year(data: Path, *year: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / "new_year.py"), "--data", str(data)]
    if year:
        command += ["--year", year[0]]
    return subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)


@pytest.mark.parametrize("source", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_the_next_year_builds_right_away(source: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(source, data)
    before = load_site(data).site
    last = before.years[-1]
    result = _new_year(data)
    assert result.returncode == 0, result.stderr
    after = load_site(data).site
    new = after.years[-1]
    assert new.fiscal_year == last.fiscal_year + 1
    assert new.assessment is None and new.progress_reports == [] and new.surveys is None
    if last.measures is not None:
        assert new.measures is not None
        assert [m.id for m in new.measures.items] == [m.id for m in last.measures.items]
        assert [m.responsible for m in new.measures.items] == [m.responsible for m in last.measures.items]
        for old, carried in zip(last.measures.items, new.measures.items, strict=True):
            if old.period and old.period.start and carried.period and carried.period.start:
                assert carried.period.start.year == old.period.start.year + 1
    build = run_build(data, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "site" / "ita" / str(new.fiscal_year) / "index.html").is_file()


def test_the_new_file_says_what_to_fill_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    assert _new_year(data, "2570").returncode == 0
    text = (data / "years" / "2570.yml").read_text(encoding="utf-8")
    for hint in ("# assessment:", "# progress_reports:", "# surveys:", "itas_code: demo42", "make new-year"):
        assert hint in text
    oit = (data / "oit" / "2570.yml").read_text(encoding="utf-8")
    assert "fiscal_year: 2570" in oit and "2569/" in oit  # year pages pinned to the year they came from
    updated = load_site(data).site.years[-1].updated
    assert updated.first_day == today_in_thailand()
    assert fiscal_year_of(updated.first_day) >= 2569


def test_an_existing_year_is_never_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    assert _new_year(data, "2570").returncode == 0
    (data / "years" / "2570.yml").write_text("fiscal_year: 2570\nupdated: 2570-01-01\n# my work\n", encoding="utf-8")
    again = _new_year(data, "2570")
    assert again.returncode == 2
    assert "not overwritten" in again.stderr and "ไม่เขียนทับ" in again.stderr
    assert "# my work" in (data / "years" / "2570.yml").read_text(encoding="utf-8")


@pytest.mark.posix
def test_make_new_year_runs_the_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    result = subprocess.run(
        ["make", "new-year", f"DATA={data}", "YEAR=2570"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data / "years" / "2570.yml").is_file()
