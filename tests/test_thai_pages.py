"""Thai pages as Thai readers expect them: digits the site chose everywhere a number is read."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import run_build, visible_text
from test_bad_data import FIXTURE


@pytest.fixture(scope="module")
def thai_digit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("thai-digits")
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    (data / "site.yml").write_text("digits: thai\n", encoding="utf-8")
    result = run_build(data, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_navigation_titles_and_headings_use_thai_digits(thai_digit_site: Path) -> None:
    page = (thai_digit_site / "ita" / "2568" / "progress-6-month" / "index.html").read_text(encoding="utf-8")
    navigation = page[
        page.index('<nav class="md-nav md-nav--primary"') : page.index(
            "</nav>", page.index('<nav class="md-nav md-nav--primary"')
        )
    ]
    assert "ปีงบประมาณ พ.ศ. ๒๕๖๘" in visible_text(navigation)
    assert "รอบ ๖ เดือน" in visible_text(navigation)
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and "รอบ ๖ เดือน" in title[1]
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None and "รอบ ๖ เดือน" in visible_text(heading[1]) and "๒๕๖๘" in visible_text(heading[1])


def test_no_arabic_year_or_round_is_read_on_a_generated_page(thai_digit_site: Path) -> None:
    """The hand-written pages (about the ITA, accessibility) are shared by every agency and keep their text."""
    generated = [*(thai_digit_site / "ita").rglob("*.html"), thai_digit_site / "index.html"]
    assert len(generated) > 5
    for page in generated:
        text = visible_text(page.read_text(encoding="utf-8"))
        assert not re.search(r"พ\.ศ\.\s*25\d\d|รอบ [0-9]+ เดือน", text), page
