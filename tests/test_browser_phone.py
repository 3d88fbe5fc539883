"""A 360 px phone in headless Chromium: no page scrolls sideways, wide tables scroll in their own box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import SETTLED, ServedSite, site_pages
from playwright.sync_api import Browser, Page

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)  # type: ignore[arg-type]
    yield context.new_page()
    context.close()


_SIDEWAYS = """
() => {
  const root = document.documentElement;
  const wider = [...document.querySelectorAll("article *")]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest(".md-typeset__scrollwrap"))
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  return { page: root.scrollWidth, screen: root.clientWidth, wider: wider.slice(0, 5) };
}
"""


def test_no_page_scrolls_sideways_at_360_px(phone: Page, served_demo: ServedSite, demo_site: Path) -> None:
    for path in site_pages(demo_site):
        phone.goto(served_demo.url(path))
        phone.evaluate(SETTLED)
        width = phone.evaluate(_SIDEWAYS)
        assert width["page"] <= width["screen"] == PHONE["width"], f"/{path} scrolls sideways: {width}"
        assert width["wider"] == [], f"/{path}: wider than the screen: {width['wider']}"


_TABLE_BOXES = """
() => [...document.querySelectorAll(".md-typeset__scrollwrap")].map(box => ({
  overflows: box.scrollWidth > box.clientWidth + 1,
  tabindex: box.getAttribute("tabindex"),
  role: box.getAttribute("role"),
  name: box.getAttribute("aria-label") || "",
  right: box.getBoundingClientRect().right,
}))
"""


def test_a_table_too_wide_for_the_phone_scrolls_in_a_box_the_keyboard_reaches(
    phone: Page, served_demo: ServedSite
) -> None:
    phone.goto(served_demo.url("ita/"))
    phone.evaluate(SETTLED)
    # Make the years table wider than any phone, as a long agency-specific column would.
    phone.evaluate("document.querySelector('article table td').style.minWidth = '900px'")
    phone.evaluate("window.dispatchEvent(new Event('resize'))")
    phone.wait_for_timeout(100)
    boxes = phone.evaluate(_TABLE_BOXES)
    assert boxes and boxes[0]["overflows"]
    assert boxes[0]["tabindex"] == "0" and boxes[0]["role"] == "region" and boxes[0]["name"]
    assert boxes[0]["right"] <= PHONE["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_tables_that_fit_add_no_extra_tab_stop(phone: Page, served_demo: ServedSite) -> None:
    phone.goto(served_demo.url("ita/2568/"))
    phone.evaluate(SETTLED)
    for box in phone.evaluate(_TABLE_BOXES):
        assert box["overflows"] == (box["tabindex"] == "0")


def test_navigation_links_are_large_enough_to_tap(phone: Page, served_demo: ServedSite) -> None:
    phone.goto(served_demo.url("ita/2568/"))
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_timeout(400)
    heights = phone.evaluate(
        "() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]"
        ".filter(a => a.offsetParent !== null).map(a => a.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 24


_CHART_TEXT = """
() => {
  const svg = document.querySelector('.ita-chart svg');
  const scale = svg.getScreenCTM().a;
  return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
}
"""


def test_the_chart_reads_on_a_phone_with_a_key_to_its_colours(phone: Page, served_demo: ServedSite) -> None:
    phone.goto(served_demo.url("ita/2569/"))
    phone.evaluate(SETTLED)
    sizes = phone.evaluate(_CHART_TEXT)
    assert sizes and min(sizes) >= 12, sizes
    key = phone.evaluate(
        "[...document.querySelectorAll('.ita-chart__key li')].map(li => "
        "[li.textContent.trim(), getComputedStyle(li.querySelector('.ita-chart__swatch')).backgroundColor])"
    )
    assert [label.split()[0] for label, _ in key] == ["IIT", "EIT", "OIT"]
    assert len({colour for _, colour in key}) == 3


def test_a_long_address_in_a_table_cell_wraps_instead_of_widening_the_table(
    phone: Page, served_demo: ServedSite
) -> None:
    phone.goto(served_demo.url("ita/2569/progress-6-month/"))
    phone.evaluate(SETTLED)
    long_link = "https://www.bansathit.example.go.th/" + "procurement-report-with-a-very-long-name-" * 3
    phone.evaluate(f"document.querySelector('article table td a').textContent = {long_link!r}")
    phone.evaluate("window.dispatchEvent(new Event('resize'))")
    phone.wait_for_timeout(100)
    boxes = phone.evaluate(_TABLE_BOXES)
    assert boxes and not boxes[0]["overflows"]
