"""Thai that must stay on one line does, on a 360 px phone and on A4 paper: "พ.ศ. ๒๕๖๘", dates, names, places."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import SETTLED, serve, site_pages
from conftest import EXAMPLES
from playwright.sync_api import Browser

SPLIT_SPANS = """
() => {
  const article = document.querySelector('article');
  const found = {checked: 0, split: []};
  const lines = rects => new Set([...rects].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  for (const el of article.querySelectorAll('.ita-nowrap')) {
    found.checked += 1;
    if (lines(el.getClientRects()) > 1) found.split.push(el.textContent);
  }
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const pattern = /พ\\.ศ\\.\\u00a0[0-9๐-๙]{4}|[0-9๐-๙]{1,2}\\u00a0\\S+\\u00a0[0-9๐-๙]{4}/g;
  for (let node; (node = walker.nextNode()); ) {
    for (const match of node.data.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      found.checked += 1;
      if (lines(range.getClientRects()) > 1) found.split.push(match[0]);
    }
  }
  return found;
}
"""


@pytest.mark.parametrize("medium", ["phone", "print"])
@pytest.mark.parametrize("example", ["data", "thetsaban-phok-noi"])
def test_years_dates_names_and_places_never_break(
    browser: Browser, built_site: object, medium: str, example: str
) -> None:
    data = Path(__file__).resolve().parent.parent / "data" if example == "data" else EXAMPLES / example
    site = built_site(data)  # type: ignore[operator]
    viewport = {"width": 360, "height": 740} if medium == "phone" else {"width": 794, "height": 1123}  # A4 at 96 dpi
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    if medium == "print":
        page.emulate_media(media="print")
    checked, split = 0, []
    with serve(site) as served:
        for path in site_pages(site):
            page.goto(served.url(path))
            page.evaluate(SETTLED)
            found = page.evaluate(SPLIT_SPANS)
            checked += found["checked"]
            split += [f"{path}: {text}" for text in found["split"]]
    context.close()
    assert checked > 20, "the check must have something to check"
    assert split == []
