"""The whole fiscal year as one document: the print page, and the PDF that ``make pdf`` makes from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, page_text

from itagen.load.site import load_site
from itagen.render.print_document import css_string
from itagen.thai.dates import format_score


def _facts(year_number: int) -> list[str]:
    """Every measure, the total and every signatory of a demo year: what the filed document must carry."""
    year = load_site(DEMO_DATA).site.year(year_number)
    assert year is not None and year.measures is not None and year.assessment is not None
    signers = [s.name for part in (year.analysis, year.measures) if part for s in part.signatories]
    assert year.assessment.overall_score is not None
    return [m.title for m in year.measures.items] + [format_score(year.assessment.overall_score)] + signers


def _make_pdf(site: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = os.environ | ({"PATH": path} if path is not None else {})
    command = [sys.executable, str(PROJECT_ROOT / "hooks" / "make_pdf.py"), "--site", str(site)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, check=False)


def test_the_print_page_carries_the_whole_year(demo_site: Path) -> None:
    text = page_text(demo_site, "ita/2569/document/index.html")
    for fact in _facts(2569):
        assert " ".join(fact.split()) in text, fact
    assert text.index("สารบัญ") < text.index("การวิเคราะห์ผลการประเมิน ITA")
    assert "ฉบับพิมพ์ทั้งปี (PDF)" in page_text(demo_site, "ita/2569/index.html")


@pytest.fixture(scope="module")
def pdf_site(demo_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo site after ``make pdf`` (Debian's chromium), made once for the tests below."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(demo_site, site)
    result = _make_pdf(site)
    assert result.returncode == 0, result.stderr
    return site


def _pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_make_pdf_writes_each_year_with_thai_text_an_outline_and_the_agency(pdf_site: Path) -> None:
    site = pdf_site
    pdf = site / "ita" / "2569" / "ita-2569.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for fact in _facts(2569):
        assert " ".join(fact.split()) in flat, fact
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "เทศบาลตำบลบ้านสาธิต" in info  # the title in the PDF's metadata
    assert "(A4)" in info and "594.96 x 841.92" in info  # A4 portrait
    assert b"/Outlines" in pdf.read_bytes()
    assert 'href="../ita-2569.pdf"' in (site / "ita" / "2569" / "document" / "index.html").read_text("utf-8")
    assert "เทศบาลตำบลบ้านสาธิต · ปีงบประมาณ พ.ศ. 2569" in text  # the running head of every sheet


def test_without_chromium_make_pdf_says_so_and_succeeds(demo_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    result = _make_pdf(site, path=str(tmp_path / "no-programs-here"))
    assert result.returncode == 0
    assert "no PDF was made" in result.stdout and "ไม่พบ Chromium" in result.stdout
    assert not list(site.glob("ita/*/ita-*.pdf"))


@pytest.mark.parametrize("name", ['เทศบาล "x"', "a</style><script>", "\\back", "ก;}@page{"])
def test_the_running_head_cannot_end_its_css_string(name: str) -> None:
    escaped = css_string(name)
    assert not set(escaped) & set("\"'<>;{}")


def test_the_printed_measures_are_one_table_as_the_offices_set_them_out(demo_site: Path) -> None:
    html = (demo_site / "ita" / "2569" / "document" / "index.html").read_text(encoding="utf-8")
    part = html[html.index("ขั้นตอน/วิธีการดำเนินการ") - 2000 :]
    table = part[part.index("<table") : part.index("</table>")]
    year = load_site(DEMO_DATA).site.year(2569)
    assert year is not None and year.measures is not None
    assert table.count("<tr>") == len(year.measures.items) + 1
    for measure in year.measures.items:
        assert measure.title.replace('"', "&quot;") in table or measure.title in table
        assert all(unit in table for unit in measure.responsible)


def test_the_cover_is_headed_by_the_agency_emblem_as_the_announcements_are(demo_site: Path) -> None:
    html = (demo_site / "ita" / "2569" / "document" / "index.html").read_text(encoding="utf-8")
    cover = html[html.index('<div class="ita-print-cover">') : html.index('id="contents"')]
    emblem = '<img alt="ตราสัญลักษณ์เทศบาลตำบลบ้านสาธิต" class="ita-notice__emblem" src="../../../assets/agency-logo.png" />'
    assert emblem in cover
    announcement = (demo_site / "ita" / "2569" / "survey-iit" / "index.html").read_text(encoding="utf-8")
    assert emblem in announcement  # the same image, the same way
    assert (demo_site / "assets" / "agency-logo.png").is_file()


def test_the_pdf_cover_carries_the_emblem(pdf_site: Path) -> None:
    pdf = pdf_site / "ita" / "2569" / "ita-2569.pdf"
    listing = subprocess.run(
        ["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert [line for line in listing.splitlines()[2:] if line.split()[2] == "image"], listing


def test_the_chart_key_prints_as_one_line_without_bullets(pdf_site: Path) -> None:
    """Material's list rules outweighed the key's own: it printed as a bulleted list, one tool a line."""
    pdf = pdf_site / "ita" / "2569" / "ita-2569.pdf"
    lines = _pdf_text(pdf, "-layout").splitlines()
    keys = [line for line in lines if "IIT ผู้มีส่วนได้ส่วนเสียภายใน" in line]
    assert keys, "the chart's key is not in the PDF"
    for line in keys:
        assert "EIT ผู้มีส่วนได้ส่วนเสียภายนอก" in line and "OIT การเปิดเผยข้อมูล" in line, line
    assert not set("•◦▪‣∙") & set(_pdf_text(pdf))
