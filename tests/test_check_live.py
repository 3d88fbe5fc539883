"""``make check-live``: after upload, every page, document and OIT evidence address must answer.

The "published" site is the demo's build served on 127.0.0.1; outside systems (e-GP …) cannot be
reached from here, so their addresses are checked by a server of the test's own standing in for them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from browser_support import serve
from conftest import PROJECT_ROOT

from itagen.publish.live_check import addresses


def _check_live(site: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / "check_live.py"), "--url", url, "--site", str(site), *extra]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_complete_upload_passes(demo_site: Path) -> None:
    with serve(demo_site) as published:
        result = _check_live(demo_site, published.base_url, "--site-only")
    assert result.returncode == 0, result.stderr
    pages = len(list(demo_site.rglob("index.html")))
    assert f"checked {pages + len(list((demo_site / 'documents').iterdir()))}" in result.stdout


def test_a_missing_page_a_missing_document_and_a_dead_outside_link_are_named(demo_site: Path, tmp_path: Path) -> None:
    uploaded = tmp_path / "uploaded"
    shutil.copytree(demo_site, uploaded)
    shutil.rmtree(uploaded / "agency" / "structure")  # an upload that stopped halfway
    (uploaded / "documents" / "work-manual.pdf").unlink()
    (tmp_path / "outside").mkdir()  # another system, where the evidence has moved away
    with serve(tmp_path / "outside") as outside:
        sheet_file = demo_site / "ita" / "2569" / "oit-urls.json"
        sheet = json.loads(sheet_file.read_text(encoding="utf-8"))
        sheet["items"][10]["evidence_urls"] = [outside.base_url + "e-gp-moved/"]
        (uploaded / "ita" / "2569" / "oit-urls.json").write_text(json.dumps(sheet), encoding="utf-8")
        with serve(uploaded) as published:
            result = _check_live(uploaded, published.base_url)
    assert result.returncode == 1
    assert f"{published.base_url}agency/structure/ → 404" in result.stderr
    assert f"{published.base_url}documents/work-manual.pdf → 404" in result.stderr
    assert "OIT 2569 O11: " + outside.base_url + "e-gp-moved/ → 404" in result.stderr
    assert "failed" in result.stderr and "ใช้ไม่ได้" in result.stderr


def test_the_sheet_s_own_addresses_are_checked_where_the_site_is_published(demo_site: Path) -> None:
    targets = dict(addresses(demo_site, "http://127.0.0.1:9/", other_sites=False))
    assert "http://127.0.0.1:9/documents/procurement-monthly-2569.pdf" in targets
    assert not [url for url in targets if "bansathit.example.go.th" in url or "gprocurement" in url]
