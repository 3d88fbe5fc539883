"""The OIT checklist on a built site: assessors' page, URL sheet read as ITAS would, coverage, ``make check``."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import DEMO_DATA, PROJECT_ROOT, page_text, run_build
from engine_support import generate_site

from itagen.load.site import load_site

NEWEST = 2569
SITE_URL = "https://www.bansathit.example.go.th/"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEMO_DATA, target)
    return target


def _remove_items(data_dir: Path, *codes: str) -> None:
    path = data_dir / "oit" / f"{NEWEST}.yml"
    text = path.read_text(encoding="utf-8")
    for code in codes:
        text, count = re.subn(rf"^  {code}:.*\n(?:    .*\n)*", "", text, flags=re.MULTILINE)
        assert count == 1, code
    path.write_text(text, encoding="utf-8")


def _sheet_rows(site: Path) -> list[list[str]]:
    raw = (site / "ita" / str(NEWEST) / "oit-urls.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _open(site: Path, url: str) -> str:
    """What an assessor sees at ``url``: the built file it maps to, with its anchor checked."""
    assert url.startswith(SITE_URL), url
    parts = urlsplit(url)
    path = site / unquote(parts.path.removeprefix(urlsplit(SITE_URL).path))
    if url.split("#")[0].endswith("/"):
        path = path / "index.html"
    assert path.is_file(), f"{url} → {path} does not exist"
    if parts.fragment:
        html = path.read_text(encoding="utf-8")
        assert f'id="{parts.fragment}"' in html, f"{url}: no element with id {parts.fragment}"
    return str(path)


def _declared_outside_urls() -> set[str]:
    data = yaml.safe_load((DEMO_DATA / "oit" / f"{NEWEST}.yml").read_text(encoding="utf-8"))
    return {
        e["url"]
        for entry in data["items"].values()
        for e in (entry if isinstance(entry, list) else entry["evidence"])
        if "url" in e
    }


def test_the_demo_covers_every_item_of_its_newest_checklist(demo_site: Path) -> None:
    rows = _sheet_rows(demo_site)
    assert len(rows) == 1 + 26
    assert all(row[2] for row in rows[1:]), [row[0] for row in rows[1:] if not row[2]]
    assert {row[5] for row in rows[1:]} == {"มีข้อมูล (ok)"}


def test_the_url_sheet_has_code_name_and_absolute_urls(demo_site: Path) -> None:
    header, *rows = _sheet_rows(demo_site)
    assert header == [
        "ข้อ (code)",
        "ชื่อข้อมูล (name)",
        "URL",
        "URL หลักฐานทั้งหมด (evidence URLs)",
        "คำอธิบาย (explanation)",
        "สถานะ (status)",
    ]
    assert [row[0] for row in rows] == [f"O{n}" for n in range(1, 27)]
    assert rows[24][1] == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert rows[1][2] == SITE_URL + "agency/executives/"  # one piece of evidence: its own address
    assert rows[0][2] == SITE_URL + f"ita/{NEWEST}/oit/#o1"  # several: the item's section lists them
    assert rows[0][3].split("\n") == [SITE_URL + "agency/structure/", SITE_URL + "agency/duties/"]
    assert "ไม่มีเรื่องร้องเรียน" in rows[17][4]  # the explanation for ITAS
    sheet = json.loads((demo_site / "ita" / str(NEWEST) / "oit-urls.json").read_text(encoding="utf-8"))
    assert (sheet["fiscal_year"], sheet["ita_year"], sheet["covered"], sheet["total"]) == (NEWEST, 2569, 26, 26)
    assert [(i["code"], i["name"], i["url"]) for i in sheet["items"]] == [(r[0], r[1], r[2]) for r in rows]


def test_every_url_of_the_newest_sheet_opens_on_the_built_site(demo_site: Path) -> None:
    outside = _declared_outside_urls()
    opened = set()
    for row in _sheet_rows(demo_site)[1:]:
        for url in [row[2], *row[3].split("\n")]:
            if url.startswith(SITE_URL):
                opened.add(_open(demo_site, url))
            else:  # e-GP and the like cannot be opened offline: they must be what the data declared
                assert url in outside, url
    assert len(opened) >= 30  # pages, sections and documents, not one page over and over
    assert any(p.endswith(".pdf") for p in opened)


def test_documents_are_published_byte_for_byte(demo_site: Path) -> None:
    for source in (DEMO_DATA / "documents").glob("*.pdf"):
        assert (demo_site / "documents" / source.name).read_bytes() == source.read_bytes()


def test_the_assessors_page_lists_every_item_with_direct_links(demo_site: Path) -> None:
    html = (demo_site / "ita" / str(NEWEST) / "oit" / "index.html").read_text(encoding="utf-8")
    text = page_text(demo_site, f"ita/{NEWEST}/oit/index.html")
    for n in range(1, 27):
        assert f'id="o{n}"' in html
    assert "O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" in text
    assert "มีหลักฐานแล้ว 26 จาก 26 ข้อ" in text and "ยังไม่มีข้อมูล" not in text
    assert 'href="../../../agency/structure/"' in html
    assert 'href="../measures/"' in html and 'href="../analysis/"' in html  # O25
    assert 'href="../../2568/progress-12-month/"' in html  # O26: the previous year's report
    assert 'href="../../../documents/procurement-report-2568.pdf"' in html
    assert "PDF 1 KB" in text and "ลงวันที่ 20 ธ.ค. 2568" in text
    assert 'href="../oit-urls.csv"' in html and 'href="../oit-urls.json"' in html


def test_the_assessors_page_is_in_the_year_navigation(demo_site: Path) -> None:
    html = (demo_site / "ita" / str(NEWEST) / "measures" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    assert 'href="../oit/"' in nav and "ข้อมูลสำหรับผู้ประเมิน OIT" in nav


def test_coverage_summary_names_missing_items_and_misdated_evidence(data_copy: Path) -> None:
    _remove_items(data_copy, "O11", "O19")
    documents = data_copy / "documents.yml"
    text = documents.read_text(encoding="utf-8")
    documents.write_text(
        text.replace("  date: 2568-11-15\n  fiscal_year: 2568\n", "  date: 2568-11-15\n"), encoding="utf-8"
    )
    site = load_site(data_copy).site
    summary = generate_site(site).coverages[0].summary()
    assert summary[0].endswith("OIT 2569: 24/26; missing O11, O19")
    assert summary[0].startswith("OIT ปีงบประมาณ 2569 (รายการตรวจ ITA 2569): มีหลักฐาน 24/26 ข้อ ยังขาด O11, O19")
    assert len(summary) == 2
    assert "O7" in summary[1] and "evidence dated outside the fiscal year" in summary[1]
    assert "'annual-report-2568' is for fiscal year 2569, the item asks for 2568" in summary[1]


def test_a_missing_item_builds_but_is_reported_and_marked(data_copy: Path, tmp_path: Path) -> None:
    _remove_items(data_copy, "O11")
    result = run_build(data_copy, tmp_path / "site")  # --strict: the summary is INFO, not a warning
    assert result.returncode == 0, result.stderr
    assert "OIT 2569: 25/26; missing O11" in result.stderr
    text = page_text(tmp_path / "site", f"ita/{NEWEST}/oit/index.html")
    assert "ยังไม่มีข้อมูล 1 ข้อ" in text and "O11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in text
    assert "ยังไม่มีข้อมูล (missing)" in text
    html = (tmp_path / "site" / "ita" / str(NEWEST) / "oit" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<div class="admonition danger">\s*<p class="admonition-title">[^<]*</p>\s*<p><a href="#o11">O11</a></p>', html
    )
    rows = _sheet_rows(tmp_path / "site")
    assert rows[11][:3] == ["O11", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", ""]
    assert rows[11][5] == "ยังไม่มีข้อมูล (missing)"


def _make_check(data_dir: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = ["make", "-o", "setup", "check", f"PY={sys.executable}", f"DATA={data_dir}", f"OUT={out}"]
    return subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)


def test_make_check_fails_when_an_item_is_removed(data_copy: Path, tmp_path: Path) -> None:
    _remove_items(data_copy, "O20")
    result = _make_check(data_copy, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "OIT checklist items are missing" in output and "OIT 2569: 25/26; missing O20" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists()


def test_make_check_passes_on_the_complete_demo(tmp_path: Path) -> None:
    result = _make_check(DEMO_DATA, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OIT 2569: 26/26" in result.stderr
