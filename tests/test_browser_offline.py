"""Reading the site calls no other origin: fonts, scripts and the search index all come from the site itself."""

from __future__ import annotations

from pathlib import Path

from browser_support import SETTLED, ServedSite, search, site_pages
from playwright.sync_api import Browser, Request


def test_every_request_goes_to_the_site_itself(browser: Browser, served_demo: ServedSite, demo_site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for path in site_pages(demo_site):
        page.goto(served_demo.url(path))
        page.evaluate(SETTLED)
    search(page, "คุณธรรม")
    context.close()
    elsewhere = [url for url in requests if not url.startswith(served_demo.base_url) and not url.startswith("data:")]
    assert len(requests) > len(site_pages(demo_site))
    assert elsewhere == []


def test_thai_text_is_set_in_the_self_hosted_font(browser: Browser, served_demo: ServedSite) -> None:
    page = browser.new_page()
    fonts: list[str] = []

    def record(request: Request) -> None:
        if request.resource_type == "font":
            fonts.append(request.url)

    page.on("request", record)
    page.goto(served_demo.url("ita/2568/"))
    page.evaluate(SETTLED)
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    body = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
    assert body.startswith('"Sarabun"') or body.startswith("Sarabun")
    assert "Sarabun" in loaded
    assert any(url.startswith(served_demo.base_url) and "sarabun-thai" in url for url in fonts)
    page.close()


def test_thai_lines_have_room_for_marks_above_and_below(browser: Browser, served_demo: ServedSite) -> None:
    page = browser.new_page()
    page.goto(served_demo.url("about-ita/"))
    size, height = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('article p'));"
        " return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; })()"
    )
    assert size >= 16
    assert height / size >= 1.6
    page.close()


def test_font_licence_ships_with_the_font(demo_site: Path) -> None:
    fonts = demo_site / "assets" / "fonts" / "sarabun"
    assert "SIL Open Font License" in (fonts / "OFL.txt").read_text(encoding="utf-8")
    assert sorted(p.suffix for p in fonts.iterdir() if p.name != "OFL.txt") == [".woff2"] * 6
    css = (demo_site / "assets" / "stylesheets" / "typography.css").read_text(encoding="utf-8")
    assert css.count("font-display: swap") == css.count("@font-face") == 6
