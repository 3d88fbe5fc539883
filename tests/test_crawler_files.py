"""What hosts, crawlers, feed readers and link previews look for: robots.txt, a Thai 404 page, the
agency's logo as favicon, Open Graph tags, an Atom feed of the news."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from conftest import DEMO_DATA, page_text, visible_text

from itagen.load.site import load_site

ATOM = "{http://www.w3.org/2005/Atom}"


def test_robots_txt_names_the_sitemap(demo_site: Path) -> None:
    robots = (demo_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert "Sitemap: https://www.bansathit.example.go.th/sitemap.xml" in robots


def test_the_404_page_is_thai_and_shows_the_ways_back(demo_site: Path) -> None:
    page = (demo_site / "404.html").read_text(encoding="utf-8")
    text = visible_text(page[page.index("<article") : page.index("</article>")])
    assert "ไม่พบหน้านี้ (404)" in text and "Not found" not in text
    assert re.search(r'href="[^"]*/ita/"', page) and re.search(r'href="[^"]*/agency/contact/"', page)


def test_a_shared_link_shows_the_agency(demo_site: Path) -> None:
    page = (demo_site / "ita" / "2569" / "index.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    assert '<link rel="icon" href="../../assets/agency-logo.png">' in head
    assert '<meta property="og:title" content="ภาพรวม – เทศบาลตำบลบ้านสาธิต">' in head
    assert '<meta property="og:image" content="https://www.bansathit.example.go.th/assets/agency-logo.png">' in head
    assert '<meta name="twitter:card" content="summary">' in head


def test_the_news_feed_is_atom_with_every_news_item(demo_site: Path) -> None:
    feed = ElementTree.parse(demo_site / "news.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    news = load_site(DEMO_DATA).site.content.news  # type: ignore[union-attr]
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert sorted(titles) == sorted(item.title for item in news)
    for entry in feed.iter(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("https://")
    assert 'type="application/atom+xml"' in (demo_site / "index.html").read_text(encoding="utf-8")
    assert "ข่าวประชาสัมพันธ์" in page_text(demo_site, "agency/news/index.html")
