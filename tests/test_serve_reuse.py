"""``mkdocs serve`` rebuilds in proportion to what an edit changed, and to exactly what a full build makes.

The adapter keeps, between the builds of one preview process, the last result with the hashes of the
inputs it was made from, the parsed and validated year files, and each year's rendered pages. These
tests drive that same code (``ita_hooks._engine`` as the preview runs it) over a copy of the demo and
compare every page and file with a build from nothing after each edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import ita_hooks
import pytest
from conftest import edit_text

from itagen.load.site import load_site
from itagen.plan.site_plan import plan_site
from itagen.problems import DataError
from itagen.render.site import SiteOutput, render_site


@pytest.fixture
def preview(monkeypatch: pytest.MonkeyPatch) -> Iterator[ita_hooks._ServeMemo]:
    monkeypatch.setitem(ita_hooks._PROCESS, "command", "serve")
    memo = ita_hooks._ServeMemo()
    monkeypatch.setattr(ita_hooks, "_SERVE_MEMO", memo)
    yield memo


def _everything(output: SiteOutput) -> dict[str, object]:
    return {
        "pages": [(p.path, p.title, p.markdown) for p in output.pages],
        "assets": sorted((a.path, a.content) for a in output.assets),
        "home": (output.home_notices, output.home_summary),
        "coverage": [(c.fiscal_year, c.summary()) for c in output.coverages],
        "css": output.extra_css,
        "links": output.theme_links,
    }


def _from_nothing(data: Path) -> dict[str, object]:
    site = load_site(data).site
    return _everything(render_site(site, plan_site(site)))


def _year_pages(output: SiteOutput, *years: int) -> int:
    return sum(1 for page in output.pages if page.fiscal_year in years)


def test_a_rebuild_with_nothing_changed_reuses_the_last_result(preview: ita_hooks._ServeMemo, data_copy: Path) -> None:
    first = ita_hooks._engine(data_copy)
    again = ita_hooks._engine(data_copy)
    assert again is first
    assert preview.engine_runs == 1


def test_one_changed_score_parses_one_file_and_remakes_the_pages_that_show_it(
    preview: ita_hooks._ServeMemo, data_copy: Path
) -> None:
    ita_hooks._engine(data_copy)
    edit_text(data_copy / "years" / "2568.yml", "{number: 1, score: 96.31}", "{number: 1, score: 91.31}")
    _, _, output = ita_hooks._engine(data_copy)
    assert preview.engine_runs == 2
    assert preview.load.parses == 1 and preview.load.validations == 1
    # 2568's pages, and 2569's, which compare themselves with 2568; 2567's are kept.
    assert preview.render.renders == _year_pages(output, 2568, 2569)
    assert _everything(output) == _from_nothing(data_copy)
    assert "91.31" in next(p.markdown for p in output.pages if p.path == "ita/2568/index.md")


def test_a_change_every_page_shares_remakes_every_year(preview: ita_hooks._ServeMemo, data_copy: Path) -> None:
    ita_hooks._engine(data_copy)
    edit_text(data_copy / "agency.yml", "เทศบาลตำบลบ้านสาธิต", "เทศบาลตำบลบ้านสาธิตใหม่")
    _, _, output = ita_hooks._engine(data_copy)
    assert preview.load.parses == 1 and preview.load.validations == 0  # agency.yml; the years are reused
    assert preview.render.renders == _year_pages(output, 2567, 2568, 2569)
    assert _everything(output) == _from_nothing(data_copy)


def test_a_mistake_then_its_fix_builds_as_from_nothing(preview: ita_hooks._ServeMemo, data_copy: Path) -> None:
    ita_hooks._engine(data_copy)
    year = data_copy / "years" / "2567.yml"
    good = year.read_text(encoding="utf-8")
    edit_text(year, "{number: 1, score:", "{number: 1, scor:")
    with pytest.raises(DataError) as first:
        ita_hooks._engine(data_copy)
    with pytest.raises(DataError) as again:  # the same mistake, said again from the kept record
        ita_hooks._engine(data_copy)
    assert again.value.report() == first.value.report()
    assert "scor" in first.value.report()
    year.write_text(good, encoding="utf-8")
    _, _, output = ita_hooks._engine(data_copy)
    assert _everything(output) == _from_nothing(data_copy)


@pytest.mark.parametrize(
    ("edited", "old", "new"),
    [
        ("years/2567.yml", "{number: 1, score: 93.10}", "{number: 1, score: 90.10}"),
        ("years/2569.yml", "ผ่านดีเยี่ยม** เป็นครั้งแรก", "ผ่านดีเยี่ยม** เป็นครั้งที่สอง"),
        ("oit/2569.yml", "ครบทุกเดือน", "ครบทุกเดือนแล้ว"),
        ("documents.yml", "แผนการดำเนินงาน ประจำปีงบประมาณ", "แผนการดำเนินงานฉบับแก้ไข ประจำปีงบประมาณ"),
    ],
)
def test_any_edited_file_rebuilds_as_from_nothing(
    preview: ita_hooks._ServeMemo, data_copy: Path, edited: str, old: str, new: str
) -> None:
    ita_hooks._engine(data_copy)
    edit_text(data_copy / edited, old, new)
    _, _, output = ita_hooks._engine(data_copy)
    assert _everything(output) == _from_nothing(data_copy)
    shown = new.removeprefix("{number: 1, score: ").removesuffix("}")  # a score shows as its number
    assert any(shown in page.markdown for page in output.pages)
