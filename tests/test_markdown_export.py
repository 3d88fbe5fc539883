"""``make markdown``: the engine's pages as a folder that plain MkDocs builds into the same site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import DEMO_DATA, PROJECT_ROOT

from itagen.publish.page_weight import collapse_whitespace
from itagen.publish.search_shards import read_search_shards

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def test_plain_mkdocs_builds_the_same_pages_from_the_export(demo_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "markdown"
    written = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "hooks" / "write_markdown.py"),
            "--data",
            str(DEMO_DATA),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert written.returncode == 0, written.stderr
    assert "hooks" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "plain")],
        cwd=out,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    plain = tmp_path / "plain"
    pages = sorted(p.relative_to(demo_site) for p in demo_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    for page in pages:  # after rendering the hooks only collapse whitespace and add the Content-Security-Policy
        hooked = CSP_META.sub("", (demo_site / page).read_text(encoding="utf-8"))
        assert hooked == collapse_whitespace((plain / page).read_text(encoding="utf-8")), page
    # Plain MkDocs writes Material's whole index; the hooks cut the same entries into pieces.
    index = json.loads((plain / "search" / "search_index.json").read_text("utf-8"))
    pieces = read_search_shards(demo_site / "search")
    assert sorted(map(json.dumps, pieces)) == sorted(map(json.dumps, index["docs"]))


def test_the_export_refuses_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "hooks" / "write_markdown.py"), "--out", str(tmp_path / "taken")],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert result.returncode == 2 and "exists already" in result.stderr


def test_collapsing_whitespace_keeps_pre_scripts_and_words_apart() -> None:
    html = '<ul>\n    <li>\n      <a href="x">ปีงบประมาณ   พ.ศ. 2569</a>\n    </li>\n</ul><pre>  a\n    b</pre><script>var  x = "  ";</script>'
    assert collapse_whitespace(html) == (
        '<ul>\n<li>\n<a href="x">ปีงบประมาณ พ.ศ. 2569</a>\n</li>\n</ul><pre>  a\n    b</pre><script>var  x = "  ";</script>'
    )
