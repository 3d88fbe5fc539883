"""A real strict MkDocs build of the demo data and of every example, with assertions on the HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEMO_DATA, example_dirs, page_text

YEARS = (2567, 2568, 2569)
YEAR_PAGES = ("index.html", "analysis/index.html", "measures/index.html")


def test_demo_has_three_consecutive_years_marked_as_example(demo_site: Path) -> None:
    for year in YEARS:
        assert (demo_site / "ita" / str(year) / "index.html").is_file()
    assert "ข้อมูลตัวอย่าง" in page_text(demo_site, "ita/2569/index.html")


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("page", YEAR_PAGES)
def test_every_year_page_names_its_fiscal_year_and_update_date(demo_site: Path, year: int, page: str) -> None:
    text = page_text(demo_site, f"ita/{year}/{page}")
    assert f"ปีงบประมาณ พ.ศ. {year}" in text
    assert "ปรับปรุงข้อมูลล่าสุด" in text


def test_overview_shows_score_level_chart_table_and_change(demo_site: Path) -> None:
    html = (demo_site / "ita/2569/index.html").read_text(encoding="utf-8")
    text = page_text(demo_site, "ita/2569/index.html")
    assert "96.48" in text and "ผ่านดีเยี่ยม" in text
    assert "เปลี่ยนแปลงจาก ITA 2567: +2.86" in text  # 96.48 − 93.62
    start = html.index('<figure class="ita-chart">')
    chart = html[start : html.index("</figure>", start)]
    assert 'role="img"' in chart and "<title" in chart
    assert chart.count('class="ita-chart__bar"') == 10
    assert "<script" not in chart
    # The same ten numbers as a table, with the previous year's and the change.
    assert "| 8. การปรับปรุงระบบการทำงาน | 95.12 | 88.77 | +6.35 |" not in html  # rendered, not raw Markdown
    assert re.search(
        r"<td>8\. การปรับปรุงระบบการทำงาน</td>\s*<td[^>]*>95\.12</td>\s*<td[^>]*>88\.77</td>\s*<td[^>]*>\+6\.35</td>",
        html,
    )


def test_first_year_has_no_change_column(demo_site: Path) -> None:
    text = page_text(demo_site, "ita/2567/index.html")
    assert "เปลี่ยนแปลง" not in text


def test_measures_show_steps_units_periods(demo_site: Path) -> None:
    html = (demo_site / "ita/2568/measures/index.html").read_text(encoding="utf-8")
    text = page_text(demo_site, "ita/2568/measures/index.html")
    assert 'id="measure-e-service"' in html
    assert "1 พ.ย. – 31 มี.ค. 2568" not in text  # different C.E. years: both years are shown
    assert "1 พ.ย. 2567 – 31 มี.ค. 2568" in text
    assert "ตลอดปีงบประมาณ พ.ศ. 2568" in text
    assert "สำนักปลัด, กองช่าง" in text
    assert re.search(r"<ol>\s*<li>สำรวจงานบริการที่ประชาชนใช้บ่อย</li>", html)


def test_progress_reports_link_to_their_measures(demo_site: Path) -> None:
    html = (demo_site / "ita/2568/progress-6-month/index.html").read_text(encoding="utf-8")
    assert 'href="../measures/#measure-e-service"' in html
    assert "อยู่ระหว่างดำเนินการ" in page_text(demo_site, "ita/2568/progress-6-month/index.html")


def test_years_index_lists_every_year_newest_first(demo_site: Path) -> None:
    text = page_text(demo_site, "ita/index.html")
    positions = [text.index(f"พ.ศ. {year}") for year in reversed(YEARS)]
    assert positions == sorted(positions)


def test_home_page_names_the_agency_and_latest_result(demo_site: Path) -> None:
    text = page_text(demo_site, "index.html")
    assert "เทศบาลตำบลบ้านสาธิต" in text
    assert "ผลการประเมิน ITA 2568: 96.48" in text


def test_navigation_is_pruned(demo_site: Path) -> None:
    """A year's page does not carry the links of the other years' pages (navigation.prune)."""
    html = (demo_site / "ita/2569/measures/index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    assert 'href="../analysis/"' in nav
    assert "2567/measures/" not in nav and "2568/analysis/" not in nav


def test_no_templates_or_generated_markdown_leak_into_the_site(demo_site: Path) -> None:
    assert not list(demo_site.rglob("*.j2"))
    assert not (Path(__file__).parent.parent / "docs" / "ita").exists()


def test_no_google_fonts(demo_site: Path) -> None:
    for page in demo_site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("example", example_dirs(), ids=lambda p: p.name)
def test_every_example_builds_strictly(example: Path, built_site: Callable[[Path], Path]) -> None:
    site = built_site(example)
    assert (site / "ita" / "index.html").is_file()


def test_demo_data_is_the_default(built_site: Callable[[Path], Path]) -> None:
    assert built_site(DEMO_DATA).is_dir()
