"""WCAG 2.1 AA in headless Chromium: axe-core on every page of the demo site, tables, names, keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import AXE_SCRIPT, AXE_TAGS, SETTLED, ServedSite, site_pages
from playwright.sync_api import Browser, Page

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


def _axe_violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE_SCRIPT))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return list(result["violations"])


def _describe(path: str, violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"/{path}: {v['id']} ({v['impact']}) {v['help']} at {[node['target'] for node in v['nodes'][:3]]}"
        for v in violations
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violation_on_any_page(
    browser: Browser, served_demo: ServedSite, demo_site: Path, viewport: str
) -> None:
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)  # type: ignore[arg-type]
    page = context.new_page()
    problems: list[str] = []
    pages = site_pages(demo_site)
    for path in pages:
        page.goto(served_demo.url(path))
        page.evaluate(SETTLED)
        problems += _describe(path, _axe_violations(page))
    context.close()
    assert len(pages) >= 15
    assert problems == [], "\n".join(problems)


def test_axe_catches_a_broken_page(browser: Browser, served_demo: ServedSite) -> None:
    """The check above can fail: the same run reports an image without a text alternative."""
    page = browser.new_page(bypass_csp=True)
    page.goto(served_demo.url(""))
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert "image-alt" in [v["id"] for v in _axe_violations(page)]
    page.close()


_TABLES_SCRIPT = """
() => [...document.querySelectorAll("article table")].map(table => ({
  caption: (table.querySelector("caption") || {}).textContent || "",
  headers: table.querySelectorAll("thead th[scope=col]").length,
  columns: table.querySelector("tr") ? table.querySelector("tr").children.length : 0,
}))
"""


def test_every_table_has_a_caption_and_column_headers(
    browser: Browser, served_demo: ServedSite, demo_site: Path
) -> None:
    page = browser.new_page()
    tables = 0
    for path in site_pages(demo_site):
        page.goto(served_demo.url(path))
        for table in page.evaluate(_TABLES_SCRIPT):
            tables += 1
            assert table["caption"].strip(), f"/{path}: a table has no caption"
            assert table["headers"] == table["columns"], f"/{path}: {table['caption']} lacks column headers"
    page.close()
    assert tables >= 10


def test_pages_are_thai_and_charts_have_text_alternatives(browser: Browser, served_demo: ServedSite) -> None:
    page = browser.new_page()
    page.goto(served_demo.url("ita/2568/"))
    assert page.get_attribute("html", "lang") == "th"
    chart = page.locator("article svg[role=img]").first
    assert "คะแนน" in page.evaluate("svg => svg.querySelector('title').textContent", chart.element_handle())
    page.close()


_FOCUSABLE_LINKS = """
() => [...document.querySelectorAll("article a[href]")]
  .filter(a => a.offsetParent !== null && a.tabIndex >= 0)
  .map(a => a.href)
"""


def test_every_link_in_the_article_is_reached_with_the_tab_key(
    browser: Browser, served_demo: ServedSite, demo_site: Path
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in site_pages(demo_site):
        page.goto(served_demo.url(path))
        wanted = set(page.evaluate(_FOCUSABLE_LINKS))
        reached: set[str] = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement && document.activeElement.href")
            if focused:
                reached.add(focused)
            if wanted <= reached:
                break
        assert wanted <= reached, f"/{path}: not reachable by Tab: {sorted(wanted - reached)[:5]}"
    page.close()
