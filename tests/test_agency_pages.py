"""The agency's standing pages built from organization.yml, services.yml, news.yml, policies.yml, documents.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import DEMO_DATA, page_text, visible_text
from engine_support import generate_site

from itagen.load.site import load_site
from itagen.plan.navigation import navigation
from itagen.plan.site_plan import plan_site


def _html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _list_item(html: str, text: str) -> str:
    """The ``<li>`` that starts with ``text``, up to where its own nested list ends."""
    start = html.index(text)
    return html[start : html.index("</ul>", start) + 5]


def test_structure_shows_both_sides_as_nested_lists(demo_site: Path) -> None:
    html = _html(demo_site, "agency/structure/index.html")
    assert 'id="political"' in html and 'id="civil-service"' in html
    assert "<img" not in html.split('id="political"')[1]  # lists, not a picture of a chart
    mayor = _list_item(html, "<strong>นายกเทศมนตรีตำบลบ้านสาธิต</strong>")
    assert "<ul>" in mayor and "นายวิชัย มั่นคง" in mayor
    finance = _list_item(html, "<strong>กองคลัง</strong>")
    assert re.search(r"<strong>กองคลัง</strong>\s*<ul>\s*<li><strong>งานการเงินและบัญชี</strong>", finance)
    assert "รองปลัดเทศบาล</strong> (ตำแหน่งว่าง)" in html


def test_executives_have_name_position_photo_and_contacts(demo_site: Path) -> None:
    html = _html(demo_site, "agency/executives/index.html")
    text = page_text(demo_site, "agency/executives/index.html")
    assert "นายสมชาย ใจดี นายกเทศมนตรีตำบลบ้านสาธิต โทร. 043-000-010" in text
    photo = re.search(r'<img alt="นายสมชาย ใจดี" class="ita-person__photo"[^>]* src="([^"]+)"', html)
    assert photo is not None
    assert (demo_site / "agency" / "executives" / photo[1]).resolve().read_bytes().startswith(b"\x89PNG")
    assert 'href="tel:043000010"' in html and 'href="mailto:mayor@bansathit.example.go.th"' in html
    assert "ตำแหน่งว่าง รองปลัดเทศบาลตำบลบ้านสาธิต ผู้รักษาราชการแทน" in text
    assert 'id="political"' in html and 'id="civil-service"' in html


def test_duties_are_summarised_with_the_laws(demo_site: Path) -> None:
    html = _html(demo_site, "agency/duties/index.html")
    assert re.search(r"<ol>\s*<li>รักษาความสงบเรียบร้อยของประชาชน", html)
    assert 'id="laws"' in html and "พระราชบัญญัติเทศบาล พ.ศ. 2496" in html


def test_contact_page_has_every_two_way_channel(demo_site: Path) -> None:
    html = _html(demo_site, "agency/contact/index.html")
    text = page_text(demo_site, "agency/contact/index.html")
    for expected in (
        'href="tel:043000000"',
        'href="mailto:saraban@bansathit.example.go.th"',
        'href="https://line.me/R/ti/p/%40bansathit"',
        'href="https://www.facebook.com/bansathit.example"',
        'href="https://www.openstreetmap.org/?mlat=16.4419&amp;mlon=102.8360"',
        'href="https://www.bansathit.example.go.th/webboard/"',
        'id="qa"',
        'id="social"',
    ):
        assert expected in html, expected
    assert "โทรสาร: 043-000-001" in text and "เวลาทำการ: วันจันทร์ถึงวันศุกร์" in text
    assert "ถาม: ชำระภาษีที่ดินและสิ่งปลูกสร้างได้ที่ไหน" in text


def test_news_are_grouped_by_fiscal_year_newest_first(demo_site: Path) -> None:
    html = _html(demo_site, "agency/news/index.html")
    assert html.index('id="fy-2569"') < html.index('id="fy-2568"')
    text = page_text(demo_site, "agency/news/index.html")
    assert text.index("ประชาคมทบทวนแผน") < text.index("เปิดบริการยื่นคำร้องออนไลน์")
    assert 'href="../../documents/participation-2569.pdf"' in html


def test_channel_pages(demo_site: Path) -> None:
    assert "ชำระภาษีที่ดินและสิ่งปลูกสร้างออนไลน์" in page_text(demo_site, "agency/e-services/index.html")
    complaints = page_text(demo_site, "agency/complaints/index.html")
    assert "แจ้งเรื่องร้องเรียนการทุจริตออนไลน์" in complaints and "ตู้รับเรื่องร้องเรียน" in complaints
    participation = _html(demo_site, "agency/participation/index.html")
    assert 'id="results"' in participation and "ผู้เข้าร่วม 412 คน" in participation


def test_no_gift_policy_with_signatory_and_documents(demo_site: Path) -> None:
    text = page_text(demo_site, "agency/no-gift/index.html")
    assert "No Gift Policy" in text and "(นายสมชาย ใจดี)" in text
    assert "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา" in text


def test_documents_are_listed_with_title_date_fiscal_year_and_size(demo_site: Path) -> None:
    html = _html(demo_site, "agency/documents/index.html")
    row = re.search(
        r"<tr>\s*<td><a href=\"../../documents/local-development-plan-2566-2570.pdf\">(.*?)</tr>", html, re.S
    )
    assert row is not None
    cells = [visible_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row[0], re.S)]
    assert cells == ["แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) ฉบับทบทวน", "แผน", "30 มิ.ย. 2565", "2566–2570", "PDF 1 KB"]
    assert html.index('id="fy-2569"') < html.index('id="fy-2568"') < html.index('id="fy-2566"')


def test_agency_pages_are_in_the_navigation(demo_site: Path) -> None:
    html = _html(demo_site, "index.html")
    assert "ข้อมูลหน่วยงาน" in html and 'href="agency/structure/"' in html


def test_a_site_without_agency_files_gets_no_agency_section(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DEMO_DATA, data)
    for name in ("organization.yml", "services.yml", "news.yml", "policies.yml", "documents.yml"):
        (data / name).unlink()
    shutil.rmtree(data / "oit")
    site = load_site(data).site
    out = generate_site(site)
    assert not [p for p in out.pages if p.path.startswith("agency/")]
    assert "ข้อมูลหน่วยงาน" not in str(navigation(site, plan_site(site)))
