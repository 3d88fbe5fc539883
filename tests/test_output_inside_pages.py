"""``make site OUT=docs/public``: an output inside the pages folder is refused in Thai and English,
before MkDocs starts and before anything is made in docs/ (MkDocs' own refusal is English only).
``make markdown`` refuses it too: its export there would become pages of the next build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import build_site
import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, run_build

from itagen.publish.output_dir import refusal

FIXTURE = Path(__file__).parent / "bad_data" / "fixture"
PAGES = PROJECT_ROOT / "docs"


def _listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("out", ["docs/public", "docs/assets/public", "docs/../docs/public"])
def test_a_build_into_the_pages_folder_is_refused_in_both_languages(tmp_path: Path, out: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    before = _listing(PAGES)
    result = run_build(data, Path(out))  # relative, as typed after make site OUT=
    assert result.returncode == 2, result.stderr
    assert "ไม่ได้สร้างเว็บไซต์" in result.stderr and "Nothing was built" in result.stderr
    assert f"is inside the pages folder {PAGES}" in result.stderr
    assert f"อยู่ในโฟลเดอร์หน้าเว็บ {PAGES}" in result.stderr
    assert "site_dir" not in result.stderr and "Traceback" not in result.stderr  # MkDocs never ran
    assert _listing(PAGES) == before


def test_only_the_pages_folder_and_what_is_inside_it_are_refused_for_that_reason() -> None:
    protected = [PROJECT_ROOT, *build_site.PROJECT_SOURCES]
    for inside in (PAGES / "public", PAGES / "a" / "b"):
        reason = refusal(inside, protected, pages=PAGES)
        assert reason is not None and "inside the pages folder" in reason[1], inside
    assert refusal(PAGES, protected, pages=PAGES) is not None  # the folder itself: a source of the project
    assert refusal(PROJECT_ROOT / "docs-public", protected, pages=PAGES) is None  # a name that only starts alike
    assert refusal(PROJECT_ROOT / "site", protected, pages=PAGES) is None


def test_the_markdown_export_into_the_pages_folder_is_refused() -> None:
    before = _listing(PAGES)
    command = [sys.executable, "hooks/write_markdown.py", "--data", str(DEMO_DATA), "--out", "docs/markdown"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    assert result.returncode == 2, result.stderr
    assert "Nothing was written" in result.stderr and f"is inside the pages folder {PAGES}" in result.stderr
    assert "ไม่ได้เขียน" in result.stderr and "Traceback" not in result.stderr
    assert _listing(PAGES) == before
