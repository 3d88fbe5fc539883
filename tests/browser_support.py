"""Headless Chromium against a built site served on loopback: what the browser tests and the search benchmark share.

Debian's ``chromium`` is driven through Playwright's Python package; Playwright's own browser download is never
used (``executable_path``), so the tests need no network.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0/2.1 A and AA, plus WCAG 2.2's target-size rule (touch targets of at least 24 px).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class ServedSite:
    root: Path
    base_url: str

    def url(self, page: str) -> str:
        """Absolute URL of a site-relative page path such as ``ita/2568/``."""
        return self.base_url + page.lstrip("/")


@contextlib.contextmanager
def serve(root: Path) -> Iterator[ServedSite]:
    """Serve ``root`` over HTTP on 127.0.0.1 (a free port) while the context is open."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(root, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def site_pages(root: Path) -> list[str]:
    """Every HTML page of a built site as a URL path (``ita/2568/``), the 404 page excluded."""
    pages = []
    for html in sorted(root.rglob("index.html")):
        relative = html.parent.relative_to(root).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box like a person and return the result page paths, best first."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    box.fill("")
    box.press_sequentially(query, delay=5)
    # Thai characters are typed as text input without key events; Material searches on keyup.
    box.press("End")
    _wait_until_results_settle(page)
    _load_every_result(page)
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__list > li > a:first-child",
        "anchors => anchors.map(a => new URL(a.href).pathname)",
    )
    return links


def _wait_until_results_settle(page: Page) -> None:
    """The search worker answers asynchronously: wait until the result list has not changed for a while."""
    page.wait_for_function(
        """() => {
            const list = document.querySelector(".md-search-result");
            const meta = document.querySelector(".md-search-result__meta");
            const config = JSON.parse(document.getElementById("__config").textContent);
            if (!list || !meta || meta.textContent === config.translations["search.result.placeholder"]) return false;
            const state = list.innerHTML;
            const now = performance.now();
            if (window.__itaLastState !== state) {
                window.__itaLastState = state;
                window.__itaStableSince = now;
                return false;
            }
            return now - window.__itaStableSince > 400;
        }""",
        polling=100,
        timeout=10_000,
    )


def _load_every_result(page: Page) -> None:
    """Material renders ten results and more as the list is scrolled: scroll until no more appear."""
    items = page.locator(".md-search-result__list > li")
    shown = -1
    while items.count() != shown:
        shown = items.count()
        # Material loads the next few when the list's end scrolls into view: leave the end, then reach it again.
        page.eval_on_selector(".md-search__scrollwrap", "box => box.scrollTo(0, 0)")
        page.wait_for_timeout(100)
        page.eval_on_selector(".md-search__scrollwrap", "box => box.scrollTo(0, box.scrollHeight)")
        page.wait_for_timeout(250)


# After `goto` (which waits for the load event): web fonts and Material's own scripts have done their work.
SETTLED = "document.fonts.ready.then(() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 50))))"
