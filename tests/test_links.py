"""Links hold: every internal link, anchor and attached file of the demo and every example resolves.

Pages are read as a browser reads them (use_directory_urls: ``ita/2569/`` is
``ita/2569/index.html``); a relative link is resolved against the page's URL, an absolute one
against the site's own address (from the sitemap), and ``#anchor`` must be an id in the target.
Links in the exported JSON and CSV files (the OIT URL sheet) are held to the same rule.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from conftest import DEMO_DATA, example_dirs
from site_html import json_strings, load_json, parse_html, read_text_file

LINK_ATTRIBUTES = ("href", "src", "xlink:href", "poster", "data")
PAGE_BASE = "https://site.invalid/"
"""Pages are resolved under a made-up origin, so that only the path matters."""


class SiteIndex:
    """The files of a built site, and the ids of its pages, read once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._ids: dict[Path, set[str]] = {}
        sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
        found = re.search(r"<loc>([^<]+)</loc>", sitemap)
        assert found, "the sitemap names no page"
        self.site_url = found[1].rstrip("/") + "/"
        """The home page's address: absolute links that start with it are internal."""

    def page_url(self, page: Path) -> str:
        relative = page.relative_to(self.root).as_posix()
        return PAGE_BASE + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)

    def target(self, url: str) -> Path | None:
        """The file a same-site URL serves, or None when nothing is there."""
        path = unquote(urlsplit(url).path)
        site_path = urlsplit(self.site_url).path
        if url.startswith(PAGE_BASE):
            path = path[len(urlsplit(PAGE_BASE).path) :]
        elif path.startswith(site_path):
            path = path[len(site_path) :]
        candidate = self.root / path
        if candidate.is_dir() or path.endswith("/") or path == "":
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def ids(self, page: Path) -> set[str]:
        if page not in self._ids:
            self._ids[page] = parse_html(page.read_text(encoding="utf-8")).ids if page.suffix == ".html" else set()
        return self._ids[page]

    def problem(self, url: str, where: str) -> str | None:
        """Why ``url`` (absolute, same site) does not resolve; None when it does."""
        target = self.target(url)
        if target is None:
            return f"{where}: {url} → no such file"
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.ids(target):
            return f"{where}: {url} → no id '{fragment}' in {target.relative_to(self.root)}"
        return None


def _is_internal(link: str, site: SiteIndex) -> bool:
    """Relative links are ours; an absolute one is when it points into a section this site builds.

    The site may share its host with the agency's main website (e-services, news), whose pages
    data may link to: ``https://agency/e-service/`` is not ours, ``https://agency/ita/…`` is.
    """
    if not urlsplit(link).scheme and not link.startswith("//"):
        return True
    if not link.startswith(site.site_url):
        return False
    section = urlsplit(link[len(site.site_url) :]).path.split("/", 1)[0]
    return section == "" or (site.root / unquote(section)).exists()


def page_links(site: SiteIndex) -> Iterator[tuple[str, str]]:
    """(absolute URL, where it was found) for every internal link in the site's pages and exports."""
    for path in sorted(p for p in site.root.rglob("*") if p.is_file()):
        where = str(path.relative_to(site.root))
        if path.suffix in (".html", ".svg"):
            base = site.page_url(path)
            for element in parse_html(path.read_text(encoding="utf-8")).elements:
                for name in LINK_ATTRIBUTES:
                    link = element.attrs.get(name, "").strip()
                    if link and _is_internal(link, site):
                        yield urljoin(base, link) if not link.startswith(site.site_url) else link, where
        elif path.suffix in (".json", ".csv") and "search" not in path.parts:
            text = read_text_file(path) or ""
            document = load_json(text) if path.suffix == ".json" else None
            cells = json_strings(document) if document is not None else _csv_cells(text)
            urls = (url for cell in cells for url in cell.split())  # a cell may list several URLs
            yield from ((url, where) for url in urls if url.startswith(site.site_url) and _is_internal(url, site))


def _csv_cells(text: str) -> list[str]:
    return [cell.strip() for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


SITES = [DEMO_DATA, *example_dirs()]


@pytest.mark.parametrize("data_dir", SITES, ids=[p.name for p in SITES])
def test_every_internal_link_and_anchor_resolves(data_dir: Path, built_site: Callable[[Path], Path]) -> None:
    site = SiteIndex(built_site(data_dir))
    links = list(page_links(site))
    assert len(links) > 100, "the walk found too few links to mean anything"
    broken = sorted({problem for url, where in links if (problem := site.problem(url, where)) is not None})
    assert broken == []


def repeated_ids(markup: str) -> list[str]:
    ids = [e.attrs["id"] for e in parse_html(markup).elements if e.attrs.get("id")]
    return sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("data_dir", SITES, ids=[p.name for p in SITES])
def test_no_page_repeats_an_id(data_dir: Path, built_site: Callable[[Path], Path]) -> None:
    """An anchor, a label or a screen reader's landmark finds the first of two equal ids only: the
    year's print document, made of its pages, must keep each part's ids its own."""
    site = built_site(data_dir)
    pages = sorted(site.rglob("*.html"))
    repeated = {str(p.relative_to(site)): ids for p in pages if (ids := repeated_ids(p.read_text(encoding="utf-8")))}
    assert repeated == {}
    assert repeated_ids('<h1 id="a">1</h1><p id="b"></p><h1 id="a">2</h1>') == ["a"]


def test_the_walk_catches_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    """The checker itself can fail: one good link, a missing page and two missing anchors."""
    (tmp_path / "a").mkdir()
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://x.example/</loc></url></urlset>")
    (tmp_path / "index.html").write_text('<h2 id="here">x</h2><a href="a/#here">1</a><a href="#gone">2</a>')
    (tmp_path / "a" / "index.html").write_text('<a href="../#here">ok</a><a href="../missing/">3</a>')
    site = SiteIndex(tmp_path)
    broken = sorted(p for url, where in page_links(site) if (p := site.problem(url, where)) is not None)
    assert len(broken) == 3
    assert any("no id 'gone'" in b for b in broken)
    assert any("a/#here → no id 'here' in a/index.html" in b for b in broken)
    assert any("missing" in b and "no such file" in b for b in broken)
