"""The navigation lists a few years one by one and groups many by decade, so pages stay light."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import DEMO_DATA, PROJECT_ROOT

from itagen.load.site import load_site
from itagen.plan.navigation import YEARS_BEFORE_GROUPING, navigation
from itagen.plan.site_plan import plan_site

sys.path.insert(0, str(PROJECT_ROOT / "tests" / "bench"))
from build_speed import synthetic_agency


def _ita_section(data: Path) -> list[object]:
    site = load_site(data).site
    nav = navigation(site, plan_site(site))
    section = next(entry["ผลการประเมิน ITA"] for entry in nav if "ผลการประเมิน ITA" in entry)
    assert isinstance(section, list)
    return section


def test_a_few_years_are_listed_one_by_one() -> None:
    labels = [next(iter(entry)) for entry in _ita_section(DEMO_DATA) if isinstance(entry, dict)]
    assert labels == ["ปีงบประมาณ พ.ศ.\u00a02569", "ปีงบประมาณ พ.ศ.\u00a02568", "ปีงบประมาณ พ.ศ.\u00a02567"]


def test_many_years_are_grouped_by_decade_newest_first(tmp_path: Path) -> None:
    data = synthetic_agency(tmp_path / "data", YEARS_BEFORE_GROUPING + 15, 2)  # 2501–2525
    groups = [entry for entry in _ita_section(data) if isinstance(entry, dict)]
    assert [next(iter(g)) for g in groups] == ["พ.ศ.\u00a02520–2529", "พ.ศ.\u00a02510–2519", "พ.ศ.\u00a02500–2509"]
    newest = next(iter(groups[0].values()))
    assert [next(iter(year)) for year in newest][:2] == ["ปีงบประมาณ พ.ศ.\u00a02525", "ปีงบประมาณ พ.ศ.\u00a02524"]
    assert sum(len(next(iter(g.values()))) for g in groups) == YEARS_BEFORE_GROUPING + 15
