"""A measure title with quotes, braces or markup reads in the page's contents exactly as typed.

The contents (Material's "on this page" list, and the navigation that carries it) are made by
Python-Markdown's toc extension from the heading, before the Markdown escapes are undone: an escape
inside an HTML entity (``&\\#x27;``) reached them as ``&amp;#x27;``. A real build, read as a browser does.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_build
from site_html import parse_html

FIXTURE = Path(__file__).parent / "bad_data" / "fixture"
TYPED = 'มาตรการ \'ตอบ\' {เร็ว} ภายใน {: .x } <script>alert("toc")</script> & "อื่น" ๆ'
PLAIN_TITLE = "title: มาตรการตอบคำถามภายในสามวัน"


class _ContentsLinks(HTMLParser):
    """The text of every link to a heading of the page, as the browser shows it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and (dict(attrs).get("href") or "").startswith("#measure-"):
            self._inside = True
            self.links.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.links[-1] += data


@pytest.fixture(scope="module")
def measures_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("toc")
    data = root / "data"
    shutil.copytree(FIXTURE, data)
    year = data / "years" / "2568.yml"
    text = year.read_text(encoding="utf-8")
    assert PLAIN_TITLE in text, "the fixture changed: pick another measure title"
    quoted = TYPED.replace("\\", "\\\\").replace('"', '\\"')
    year.write_text(text.replace(PLAIN_TITLE, f'title: "{quoted}"', 1), encoding="utf-8")
    result = run_build(data, root / "site")
    assert result.returncode == 0, result.stderr
    return (root / "site" / "ita" / "2568" / "measures" / "index.html").read_text(encoding="utf-8")


def test_the_contents_show_the_title_as_typed(measures_page: str) -> None:
    parser = _ContentsLinks()
    parser.feed(measures_page)
    contents = [" ".join(link.split()) for link in parser.links if "ตอบ" in link]
    assert len(contents) >= 2, parser.links  # the "on this page" list and the navigation's copy of it
    assert set(contents) == {f"1. {TYPED}"}


def test_the_title_in_the_contents_stays_text(measures_page: str) -> None:
    page = parse_html(measures_page)
    assert not [e for e in page.elements if e.tag == "script" and "toc" in e.text]
    assert not [e for e in page.elements if "x" in e.attrs.get("class", "").split()]  # attr_list ran
    assert "&#x27;" not in page.all_text() and "&#123;" not in page.all_text()
