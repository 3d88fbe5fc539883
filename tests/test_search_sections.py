"""Pages cut into search sections (publish/search_sections.py) exactly as Material's own parser cuts them:
on every page of the demo and the examples, on generated markup full of the cases its rules single out,
and, end to end, in the index entries of a build against those of plain MkDocs on the same pages."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT, example_dirs
from material.plugins.search.plugin import Parser

from itagen.publish.page_digits import with_thai_digits
from itagen.publish.search_sections import split_sections
from itagen.publish.search_shards import read_search_shards


def materials(html: str) -> list[tuple[Any, ...]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(section.el.tag, section.depth, section.id, section.title, section.text) for section in parser.data]


def ours(html: str) -> list[tuple[Any, ...]] | None:
    sections = split_sections(html)
    if sections is None:
        return None
    return [(section.tag, section.depth, section.id, section.title, section.text) for section in sections]


def _articles(site: Path) -> list[tuple[str, str]]:
    found = []
    for page in sorted(site.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        start = source.find('<article class="md-content__inner md-typeset">')
        if start != -1:
            found.append((str(page.relative_to(site)), source[start : source.rindex("</article>")]))
    return found


@pytest.mark.parametrize("data_dir", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_every_article_is_cut_as_material_cuts_it_without_its_parser(
    data_dir: Path, built_site: Callable[[Path], Path]
) -> None:
    articles = _articles(built_site(data_dir))
    assert len(articles) > 5
    for page, html in articles:
        assert ours(html) == materials(html), page


_TAGS = ["p", "div", "span", "li", "ul", "ol", "code", "pre", "sub", "sup", "td", "table", "em", "a", "hx"]
_TEXTS = ["ภาษาไทย", "a b", " ", "\n", "\n  \n", "x\ny", "&amp;", "&lt;b&gt;", "&nbsp;", "ก&#3585;", "\t", "Ü", ""]


def _markup(rng: random.Random, depth: int = 0) -> str:
    """Random markup with what Material's rules single out: headings with and without ids, nested in
    other elements, header links, pre, kept tags left empty, end tags that close nothing, comments,
    self-closing and void tags, scripts and styles, character references in text and attributes."""
    parts = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.3 or depth > 4:
            parts.append(rng.choice(_TEXTS))
        elif roll < 0.45:
            level = rng.randint(1, 6)
            ident = rng.choice(['id="h-1"', 'id="ส่วน&amp;2"', "id=x", "", 'class="c"'])
            link = rng.choice(["", '<a class="headerlink" href="#x" title="Permanent link">¶</a>'])
            parts.append(f"<h{level} {ident}>{_markup(rng, depth + 1)}{link}</h{level}>")
        elif roll < 0.55:
            parts.append(rng.choice(["<br>", "<br/>", "<br />", "<hr>", '<img src="a.png" alt="x">', "<span/>"]))
        elif roll < 0.6:
            parts.append(rng.choice(["</p>", "</div>", "</h2>", "</li>", "</a>"]))  # closing nothing open
        elif roll < 0.65:
            parts.append(rng.choice(["<!-- note -->", "<!-- a -- >", "<style>h1 { x: '<p>' }</style>"]))
        elif roll < 0.68:
            parts.append(rng.choice(["<script>if (a<b) {}</script>", "<P>Upper</P>", '<a href="?a=1&amp;b=2">q</a>']))
        else:
            tag = rng.choice(_TAGS)
            attributes = rng.choice(["", ' class="headerlink"', ' title="a&gt;b"', " data-x='1'"])
            parts.append(f"<{tag}{attributes}>{_markup(rng, depth + 1)}</{tag}>")
    return "".join(parts)


def test_generated_markup_is_cut_as_material_cuts_it() -> None:
    rng = random.Random(20261130)
    fast = 0
    for _ in range(4000):
        html = _markup(rng)
        sections = ours(html)
        if sections is not None:
            fast += 1
            assert sections == materials(html), html
    assert fast > 3900  # nearly all of it takes the fast path, which is what is being checked


@pytest.mark.parametrize(
    "html",
    [
        '<div data-search-exclude><h2 id="a">A</h2></div>',
        '<table class="linenodiv"><tr><td>1</td></tr></table>',
        "<object><p>inside</p></object>",
        "<!DOCTYPE html><p>x</p>",
        "<p>a < b</p>",
        "<p>unclosed <em",
        "<script>never closed",
    ],
)
def test_what_only_materials_parser_can_tell_is_left_to_it(html: str) -> None:
    assert split_sections(html) is None


@pytest.mark.parametrize("data_dir", example_dirs()[:2], ids=lambda p: p.name)
def test_the_index_holds_the_entries_material_makes_of_the_same_pages(
    data_dir: Path, built_site: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The demo is compared in test_markdown_export.py; here two examples, entry for entry, in order."""
    out = tmp_path / "markdown"
    script = PROJECT_ROOT / "hooks" / "write_markdown.py"
    subprocess.run([sys.executable, str(script), "--data", str(data_dir), "--out", str(out)], check=True)
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "plain")],
        cwd=out,
        env=environment,
        check=True,
    )
    index = json.loads((tmp_path / "plain" / "search" / "search_index.json").read_text("utf-8"))
    expected = index["docs"]
    if "digits: thai" in (data_dir / "site.yml").read_text(encoding="utf-8"):
        # The hooks give the hand-written pages the site's digits after Markdown, which plain MkDocs
        # does not (as it adds no security policy): the same step on those pages' entries.
        hand_written = {"" if p.stem == "index" else f"{p.stem}/" for p in (PROJECT_ROOT / "docs").glob("*.md")}
        for entry in expected:
            if entry["location"].split("#")[0] in hand_written:
                entry["title"], entry["text"] = with_thai_digits(entry["title"]), with_thai_digits(entry["text"])
    assert read_search_shards(built_site(data_dir) / "search") == expected
