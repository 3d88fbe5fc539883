"""Survey announcements on the built site: the page, its print on A4, and the home page's call to answer."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import serve
from conftest import DEMO_DATA, EXAMPLES, article_html, page_text, run_build
from engine_support import generate_site
from playwright.sync_api import Browser
from qr_support import (
    PRINTED_QR_PIXELS,
    decode,
    dump_dom,
    pdf_page_count,
    pdf_page_image,
    pdf_text,
    print_to_pdf,
)

from itagen.load.site import load_site
from itagen.records.surveys import today_in_thailand, window_is_open
from itagen.thai.dates import be_year

PHOK_NOI = EXAMPLES / "thetsaban-phok-noi"
A4_POINTS = (595, 842)


@pytest.mark.parametrize("tool", ["iit", "eit"])
def test_demo_announcement_has_the_form_of_a_posted_notice(demo_site: Path, tool: str) -> None:
    page = f"ita/2569/survey-{tool}/index.html"
    text = page_text(demo_site, page)
    url = f"https://itas.nacc.go.th/go/{tool}/demo42"
    assert text.startswith(
        "ประกาศเทศบาลตำบลบ้านสาธิต เรื่อง การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2569"
    )
    survey = "ภายใน (IIT)" if tool == "iit" else "ภายนอก (EIT)"
    assert f"ได้รับแจ้งช่องทางการเข้าตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสีย{survey} เรียบร้อยแล้ว" in text
    assert f"ได้ทาง {url} หรือ QR Code ท้ายประกาศฉบับนี้" in text
    assert "ตั้งแต่วันที่ 5 มกราคม 2569 จนถึงวันที่ 30 มิถุนายน 2569" in text
    assert "ประกาศ ณ วันที่ 5 มกราคม 2569 (นายสมชาย ใจดี) นายกเทศมนตรีตำบลบ้านสาธิต" in text
    assert f"โปรดสแกน QR Code {url}" in text
    html = (demo_site / page).read_text(encoding="utf-8")
    assert f'<a class="ita-qr__url" href="{url}">{url}</a>' in html
    alts = re.findall(r'<img alt="([^"]*)" class="ita-qr__(?:screen|print)"', html)
    assert len(alts) == 2 and all(alt.endswith(f": {url}") and alt.startswith("QR Code") for alt in alts)


def test_announcements_are_in_the_year_navigation_and_overview(demo_site: Path) -> None:
    overview = (demo_site / "ita/2568/index.html").read_text(encoding="utf-8")
    assert 'href="survey-iit/"' in overview and 'href="survey-eit/"' in overview
    assert "ประกาศเชิญตอบแบบวัด EIT" in page_text(demo_site, "ita/2568/index.html")


@pytest.mark.parametrize(
    ("data", "page", "signer"),
    [(DEMO_DATA, "ita/2569/survey-eit/", "(นายสมชาย ใจดี)"), (PHOK_NOI, "ita/2566/survey-iit/", "(นายเสน่ห์ วจีสิงห์)")],
)
def test_announcement_prints_on_one_a4_page_with_a_readable_qr_of_at_least_3_cm(
    data: Path, page: str, signer: str, built_site: Callable[[Path], Path], tmp_path: Path
) -> None:
    site = built_site(data)
    url = re.search(r'class="ita-qr__url" href="([^"]+)"', (site / page / "index.html").read_text("utf-8"))
    assert url is not None
    with serve(site) as served:
        pdf = print_to_pdf(served.url(page), tmp_path / "announcement.pdf")
    assert pdf_page_count(pdf) == 1
    text = pdf_text(pdf)
    assert url[1] in text
    assert "โปรดสแกน QR Code" in text
    # Thai comes out whole only when a Thai font drew it (a fallback font loses ป, ห and tone marks).
    agency = load_site(data).site.agency.name
    assert f"ประกาศ{agency}" in text and signer in text
    # Paper carries the notice only: no screen-only parts, navigation, search or footer.
    for hidden in ("ดาวน์โหลด QR Code", "ปรับปรุงข้อมูลล่าสุด", "เกี่ยวกับการประเมิน ITA", "ค้นหา", "Material"):
        assert hidden not in text, hidden
    paper = pdf_page_image(pdf)
    width_inches = paper.width / 150
    assert round(width_inches * 72) in range(A4_POINTS[0] - 1, A4_POINTS[0] + 2)
    (printed,) = decode(paper)
    assert printed.text == url[1]
    assert printed.width >= PRINTED_QR_PIXELS  # the symbol itself, quiet zone not counted


def _data_with_window_around_today(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    today = today_in_thailand()
    opens, closes = today - dt.timedelta(days=10), today + dt.timedelta(days=30)
    year_file = data / "years/2569.yml"
    text = year_file.read_text(encoding="utf-8")
    text = text.replace("  opens: 5 มกราคม 2569", f"  opens: {be_year(opens.year)}-{opens.month:02}-{opens.day:02}")
    text = text.replace(
        "  closes: 30 มิถุนายน 2569", f"  closes: {be_year(closes.year)}-{closes.month:02}-{closes.day:02}"
    )
    year_file.write_text(text, encoding="utf-8")
    return data


def test_home_page_invites_to_answer_while_the_window_is_open_and_the_script_hides_it_after(tmp_path: Path) -> None:
    out = tmp_path / "site"
    # Not strict: a window around today may lie outside fiscal year 2569, which is only a warning.
    result = run_build(_data_with_window_around_today(tmp_path), out, strict=False)
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    call = re.search(
        r'<div class="ita-survey-call" data-ita-closes="([^"]+)" data-ita-opens="([^"]+)">(.*?)</div>', home, re.S
    )
    assert call is not None
    assert 'href="ita/2569/survey-iit/"' in call[3] and 'href="ita/2569/survey-eit/"' in call[3]
    assert 'href="https://itas.nacc.go.th/go/eit/demo42"' in call[3]
    assert "ขอเชิญร่วมตอบแบบวัด" in page_text(out, "index.html")
    assert 'src="assets/javascripts/ita-surveys.js"' in home
    with serve(out) as served:
        shown = dump_dom(served.url(""))
        assert re.search(r'<div class="ita-survey-call"[^>]*>', shown) and "hidden" not in _call_tag(shown)
        # The same page still online after the window closed: the script hides the invitation.
        (out / "index.html").write_text(home.replace(call[1], "2020-06-30T23:59:59+07:00"), encoding="utf-8")
        assert "hidden" in _call_tag(dump_dom(served.url("")))


def _call_tag(dom: str) -> str:
    return _first_tag(r'<div class="ita-survey-call"[^>]*>', dom)


def _first_tag(pattern: str, dom: str) -> str:
    tag = re.search(pattern, dom)
    assert tag is not None, pattern
    return tag[0]


def test_demo_home_shows_the_call_exactly_when_a_window_is_open_today(demo_site: Path) -> None:
    site = load_site(DEMO_DATA).site
    open_now = any(y.surveys and window_is_open(y.surveys, today_in_thailand()) for y in site.years)
    assert ('class="ita-survey-call"' in (demo_site / "index.html").read_text(encoding="utf-8")) == open_now


def test_data_in_an_announcement_is_escaped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    year_file = data / "years/2569.yml"
    text = year_file.read_text(encoding="utf-8")
    signer = "  signatory:\n    name: นายสมชาย ใจดี\n    position: นายกเทศมนตรีตำบลบ้านสาธิต\n"
    assert text.count(signer) == 1
    hostile = (
        '  signatory:\n    name: "<script>alert(1)</script>"\n    position: "*นายก* {: onclick=alert(1) }"\n'
        "  introduction: ด้วย <img src=x onerror=alert(1)> **ตัวหนา**\n"
    )
    year_file.write_text(text.replace(signer, hostile), encoding="utf-8")
    output = generate_site(load_site(data).site)
    (page,) = [p for p in output.pages if p.path == "ita/2569/survey-eit.md"]
    assert "<script>" not in page.markdown and "&lt;script&gt;" in page.markdown
    assert "<img src=x" not in page.markdown and "&lt;img src=x onerror=alert(1)&gt; **ตัวหนา**" in page.markdown
    assert "{: onclick" not in page.markdown and r"\*นายก\*" in page.markdown


def test_an_announcement_after_its_window_says_so_and_offers_no_answer_button(demo_site: Path) -> None:
    """The demo's last window closed on 30 June 2569: its announcements stay online as a record."""
    for tool in ("iit", "eit"):
        page = (demo_site / "ita/2569" / f"survey-{tool}" / "index.html").read_text(encoding="utf-8")
        assert "ปิดรับคำตอบแล้ว" in page_text(demo_site, f"ita/2569/survey-{tool}/index.html")
        assert "md-button--primary" not in page


def test_a_page_built_while_the_window_was_open_closes_by_script(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build(_data_with_window_around_today(tmp_path), out, strict=False)
    assert result.returncode == 0, result.stderr
    announcement = out / "ita/2569/survey-eit/index.html"
    built = announcement.read_text(encoding="utf-8")
    button = re.search(r'<a class="md-button[^"]*"[^>]*data-ita-closes="([^"]+)"[^>]*>', built)
    assert button is not None
    with serve(out) as served:
        shown = dump_dom(served.url("ita/2569/survey-eit/"))
        assert "hidden" not in _first_tag(r'<a class="md-button[^>]*>', shown)
        assert re.search(r'<p class="ita-survey-closed[^>]*hidden', shown)
        announcement.write_text(built.replace(button[1], "2020-06-30T23:59:59+07:00"), encoding="utf-8")
        later = dump_dom(served.url("ita/2569/survey-eit/"))
        assert "hidden" in _first_tag(r'<a class="md-button[^>]*>', later)
        assert not re.search(r'<p class="ita-survey-closed[^>]*hidden', later)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.index('class="ita-survey-call"') < home.index("เว็บไซต์นี้เผยแพร่ข้อมูล"), "the call comes first"


def test_the_home_page_links_to_contact_and_complaints(demo_site: Path) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'href="agency/contact/"' in article_html(demo_site, "index.html")
    assert 'href="agency/complaints/"' in article_html(demo_site, "index.html")
    assert home.count('href="agency/contact/"') >= 1


def test_the_printed_announcement_carries_the_emblem_and_room_to_sign(
    demo_site: Path, browser: Browser, tmp_path: Path
) -> None:
    page = "ita/2569/survey-eit/"
    html = (demo_site / page / "index.html").read_text(encoding="utf-8")
    emblem = re.search(
        r'<img[^>]*class="ita-notice__emblem"[^>]*src="([^"]+)"|<img[^>]*src="([^"]+)"[^>]*class="ita-notice__emblem"',
        html,
    )
    assert emblem is not None
    assert (demo_site / page / (emblem[1] or emblem[2])).resolve().is_file()
    with serve(demo_site) as served:
        pdf = print_to_pdf(served.url(page), tmp_path / "announcement.pdf")
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert len(listing.strip().splitlines()) - 2 >= 2, listing  # the emblem and the QR code
        printed = browser.new_page()
        printed.emulate_media(media="print")
        printed.goto(served.url(page))
        room = printed.evaluate("document.querySelector('.ita-notice__sign-here').getBoundingClientRect().height")
        printed.close()
    assert room >= 15 / 25.4 * 96, "at least 15 mm to sign in"
