"""Material's search box is a ``role="dialog"``: a screen reader announces a dialog by its name, and
Lighthouse's aria-dialog-name check fails a dialog without one. Every page type names it, in Thai."""

from __future__ import annotations

from pathlib import Path

from browser_support import AXE_SCRIPT, ServedSite
from playwright.sync_api import Browser
from site_html import parse_html

SEARCH_NAME = "ค้นหาในเว็บไซต์"
PAGE_TYPES = ["", "ita/", "ita/2568/", "ita/2568/measures/", "ita/data/"]
"""Home, the years index, a year, a year's measures, open data; the 404 page is read as a file."""


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_names_its_search_dialog(demo_site: Path) -> None:
    files = _html_files(demo_site)
    assert demo_site / "404.html" in files and len(files) >= 15
    unnamed = []
    for path in files:
        dialogs = [e for e in parse_html(path.read_text(encoding="utf-8")).elements if e.attrs.get("role") == "dialog"]
        if not dialogs or any(d.attrs.get("aria-label") != SEARCH_NAME for d in dialogs):
            unnamed.append(path.relative_to(demo_site).as_posix())
    assert unnamed == [], f"a search dialog without the name {SEARCH_NAME!r}: {unnamed[:5]}"


def test_axe_finds_every_dialog_named(browser: Browser, served_demo: ServedSite, demo_site: Path) -> None:
    """axe-core's aria-dialog-name rule (the one Lighthouse runs; a best practice, so not among the WCAG
    tags of test_browser_accessibility) on each page type and on the 404 page."""
    for path in PAGE_TYPES:
        assert (demo_site / path / "index.html").is_file(), path
    page = browser.new_page(bypass_csp=True)  # axe is injected as an inline script
    failures = []
    for path in [*PAGE_TYPES, "404.html"]:
        page.goto(served_demo.url(path))
        page.add_script_tag(path=str(AXE_SCRIPT))
        result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})")
        assert result["passes"] or result["violations"], f"/{path}: axe found no dialog to check"
        failures += [f"/{path}: {v['id']}" for v in result["violations"]]
    page.close()
    assert failures == []
