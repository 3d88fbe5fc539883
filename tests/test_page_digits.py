"""Pages written by hand show the site's digits (``publish/page_digits.py``, ``on_page_content``).

On a site with ``digits: thai`` the text of ``docs/`` pages gets Thai digits; markup, addresses,
character references and code keep what was typed; Arabic-digit sites are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEMO_DATA, EXAMPLES, article_html, visible_text

from itagen.publish.page_digits import with_thai_digits

THAI_DIGIT_SITE = EXAMPLES / "thetsaban-rae"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>ประมาณ 8,300 หน่วยงาน</p>", "<p>ประมาณ ๘,๓๐๐ หน่วยงาน</p>"),
        ('<h2 id="fy-2568">ปี 2568</h2>', '<h2 id="fy-2568">ปี ๒๕๖๘</h2>'),
        ('<a href="/ita/2568/">ITA 2568</a>', '<a href="/ita/2568/">ITA ๒๕๖๘</a>'),
        (
            "<p>see https://example.go.th/2568 or www.x2.go.th</p>",
            "<p>see https://example.go.th/2568 or www.x2.go.th</p>",
        ),
        ("<p>mail ita2568@example.go.th, tel 042</p>", "<p>mail ita2568@example.go.th, tel ๐๔๒</p>"),
        ("<p>ita.example.go.th/2568 WCAG 2.1 1/10/2568</p>", "<p>ita.example.go.th/2568 WCAG ๒.๑ ๑/๑๐/๒๕๖๘</p>"),
        ("<p>a&#8203;b &#x0E01; 1</p>", "<p>a&#8203;b &#x0E01; ๑</p>"),
        (
            "<p>1 <code>x = 1</code> 2</p><pre><code>2568\n</code></pre>3",
            "<p>๑ <code>x = 1</code> ๒</p><pre><code>2568\n</code></pre>๓",
        ),
        ("<!-- 2568 --><kbd>F5</kbd><br/>5", "<!-- 2568 --><kbd>F5</kbd><br/>๕"),
        ("<p>ไม่มีตัวเลข</p>", "<p>ไม่มีตัวเลข</p>"),
    ],
)
def test_text_gets_thai_digits_and_nothing_else_does(html: str, expected: str) -> None:
    assert with_thai_digits(html) == expected


def test_a_thai_digit_site_shows_its_hand_written_pages_in_thai_digits(built_site: Callable[[Path], Path]) -> None:
    site = built_site(THAI_DIGIT_SITE)
    for page in ("about-ita/index.html", "accessibility/index.html"):
        text = visible_text(article_html(site, page))
        assert re.search("[๐-๙]", text), page
        arabic = [word for word in text.split() if re.search("[0-9]", word)]
        assert arabic == [], page
    assert "ประมาณ ๘,๓๐๐ หน่วยงาน" in visible_text(article_html(site, "about-ita/index.html"))


def test_an_arabic_digit_site_keeps_what_was_typed(built_site: Callable[[Path], Path]) -> None:
    text = visible_text(article_html(built_site(DEMO_DATA), "about-ita/index.html"))
    assert "ประมาณ 8,300 หน่วยงาน" in text and not re.search("[๐-๙]", text)
