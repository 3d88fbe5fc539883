"""The demo's pages stay light (issue 11): no page over 80 KB of HTML, and at most 30 KB of every page
is chrome (head, header, site navigation, footer, scripts: all but the article and its contents).
tests/bench/visitor_weight.py measures the same at 300 and 1,000 pages and for every example."""

from __future__ import annotations

from pathlib import Path

from page_weight_support import CHROME_LIMIT, PAGE_LIMIT, chrome_bytes, site_pages


def test_no_page_of_the_demo_is_heavier_than_the_limit(demo_site: Path) -> None:
    sizes = {page.relative_to(demo_site).as_posix(): page.stat().st_size for page in site_pages(demo_site)}
    assert len(sizes) > 30
    heaviest = max(sizes, key=lambda page: sizes[page])
    assert sizes[heaviest] <= PAGE_LIMIT, f"{heaviest}: {sizes[heaviest]} bytes"


def test_the_chrome_around_each_article_stays_small(demo_site: Path) -> None:
    chrome = {
        page.relative_to(demo_site).as_posix(): chrome_bytes(page.read_text("utf-8")) for page in site_pages(demo_site)
    }
    widest = max(chrome, key=lambda page: chrome[page])
    assert chrome[widest] <= CHROME_LIMIT, f"{widest}: {chrome[widest]} bytes outside the article"
    # The measure itself: an article page's chrome is a small part of it, and more than nothing.
    assert 5_000 < chrome["ita/2568/index.html"] < (demo_site / "ita/2568/index.html").stat().st_size


def test_chrome_leaves_out_the_article_and_every_copy_of_its_contents() -> None:
    page = (
        '<html><head><title>t</title></head><body><nav class="md-nav md-nav--primary">site'
        '<nav class="md-nav md-nav--secondary">toc<nav class="md-nav">sub</nav></nav></nav>'
        '<nav class="md-nav md-nav--secondary">toc again</nav><article class="md-content__inner">'
        "<article>nested</article>ก</article><footer>f</footer></body></html>"
    )
    kept = '<html><head><title>t</title></head><body><nav class="md-nav md-nav--primary">site</nav><footer>f</footer></body></html>'
    assert chrome_bytes(page) == len(kept.encode("utf-8"))
