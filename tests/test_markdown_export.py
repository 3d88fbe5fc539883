"""``make markdown``: the engine's pages as a folder that plain MkDocs builds into the same site."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import DEMO_DATA, PROJECT_ROOT

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
    for page in pages:  # the hooks add only the Content-Security-Policy after rendering
        hooked = CSP_META.sub("", (demo_site / page).read_text(encoding="utf-8"))
        assert hooked == (plain / page).read_text(encoding="utf-8"), page
    index = [json.loads((site / "search" / "search_index.json").read_text("utf-8")) for site in (demo_site, plain)]
    assert sorted(map(json.dumps, index[0]["docs"])) == sorted(map(json.dumps, index[1]["docs"]))


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
