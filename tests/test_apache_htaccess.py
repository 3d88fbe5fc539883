"""The shipped ``.htaccess`` under Debian's real Apache, loaded as a shared host loads it: the security
headers, compression (gzip and brotli), the cache lifetimes and the Thai 404 page all apply."""

from __future__ import annotations

import gzip
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from apache_server import ApacheServer, apache_serving
from conftest import edit_text, run_build

BROTLI = Path("/usr/bin/brotli")
YEAR = 31_536_000


@pytest.fixture(scope="module")
def apache(demo_site: Path) -> Iterator[ApacheServer]:
    with apache_serving(demo_site) as server:
        yield server


def _hashed(site: Path, pattern: str) -> str:
    """The one file of the theme's whose name carries its content hash, e.g. ``main.57a0d79d.min.css``."""
    found = [p.relative_to(site).as_posix() for p in site.glob(pattern)]
    assert len(found) == 1, (pattern, found)
    return found[0]


def _expected_headers(site: Path) -> dict[str, str]:
    """The headers ``_headers`` asks Netlify for: the same ones Apache must send."""
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.strip().split(": ", 1) for line in lines if ": " in line)


@pytest.mark.parametrize("path", ["", "ita/2568/", "no/such/page/"])
def test_every_answer_carries_the_security_policy_and_headers(apache: ApacheServer, demo_site: Path, path: str) -> None:
    expected = _expected_headers(demo_site)
    assert "frame-ancestors 'none'" in expected["Content-Security-Policy"]
    assert {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"} <= set(expected)
    answer = apache.get(path)
    for name, value in expected.items():
        assert answer.header(name) == value, name


def _text_files(site: Path) -> list[str]:
    """One file of every kind that should travel compressed: page, theme CSS and JS, our CSS and JS, the
    search index, JSON and CSV open data, the sitemap, the news feed, an SVG, robots.txt."""
    return [
        "index.html",
        _hashed(site, "assets/stylesheets/main.*.min.css"),
        _hashed(site, "assets/javascripts/bundle.*.min.js"),
        "assets/stylesheets/ita.css",
        "assets/javascripts/ita-tables.js",
        "search/search_index.json",
        next(p.relative_to(site).as_posix() for p in sorted(site.glob("ita/data/*.json"))),
        next(p.relative_to(site).as_posix() for p in sorted(site.glob("ita/data/*.csv"))),
        "sitemap.xml",
        "news.xml",
        next(p.relative_to(site).as_posix() for p in sorted(site.glob("ita/*/*.svg"))),
        "robots.txt",
    ]


def test_text_travels_gzipped_to_a_client_that_asks(apache: ApacheServer, demo_site: Path) -> None:
    for path in _text_files(demo_site):
        original = (demo_site / path).read_bytes()
        answer = apache.get(path, encoding="gzip")
        assert answer.status == 200, path
        assert answer.header("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in answer.header("Vary"), path  # a cache between keeps both forms apart
        assert gzip.decompress(answer.body) == original, path
        plain = apache.get(path)
        assert plain.header("Content-Encoding") == "" and plain.body == original, path


def test_a_browser_gets_brotli_where_the_host_has_it(apache: ApacheServer, demo_site: Path) -> None:
    assert BROTLI.exists(), "needs Debian's brotli to read the answer: sudo bash .ci/run installs it"
    for path in _text_files(demo_site):
        original = (demo_site / path).read_bytes()
        answer = apache.get(path, encoding="gzip, deflate, br, zstd")  # what Chromium sends
        assert answer.header("Content-Encoding") == "br", path
        decoded = subprocess.run([str(BROTLI), "-d", "-c"], input=answer.body, capture_output=True, check=True)
        assert decoded.stdout == original, path
    index = apache.get("index.html", encoding="gzip, deflate, br")
    assert len(index.body) * 4 < (demo_site / "index.html").stat().st_size


def test_images_and_fonts_are_sent_as_they_are(apache: ApacheServer, demo_site: Path) -> None:
    """Already compressed: compressing them again costs the host time and saves nothing."""
    font = next(p.relative_to(demo_site).as_posix() for p in demo_site.glob("assets/fonts/**/*.woff2"))
    for path in [font, "assets/images/favicon.png"]:
        answer = apache.get(path, encoding="gzip, deflate, br")
        assert answer.status == 200 and answer.header("Content-Encoding") == "", path


def _max_age(cache_control: str) -> int | None:
    match = re.search(r"max-age=(\d+)", cache_control)
    return int(match[1]) if match else None


def test_hashed_theme_files_are_kept_a_year(apache: ApacheServer, demo_site: Path) -> None:
    """Their names change with their content: a browser never needs to ask for them again."""
    for pattern in [
        "assets/stylesheets/main.*.min.css",
        "assets/stylesheets/palette.*.min.css",
        "assets/javascripts/bundle.*.min.js",
        "assets/javascripts/workers/search.*.min.js",
    ]:
        answer = apache.get(_hashed(demo_site, pattern), encoding="gzip")
        assert answer.status == 200, pattern
        assert _max_age(answer.header("Cache-Control")) == YEAR, pattern
        assert "immutable" in answer.header("Cache-Control"), pattern


@pytest.mark.parametrize("path", ["", "ita/2568/", "search/search_index.json", "assets/stylesheets/ita.css"])
def test_pages_and_unhashed_files_are_checked_again(apache: ApacheServer, path: str) -> None:
    """A republished page, or our CSS under the same name, is seen on the next visit: the browser asks
    whether it changed (the answer is a short 304 when it has not)."""
    answer = apache.get(path, encoding="gzip")
    cache_control = answer.header("Cache-Control")
    assert "no-cache" in cache_control or (_max_age(cache_control) or YEAR) <= 3600, cache_control
    assert "immutable" not in cache_control
    assert answer.header("ETag") or answer.header("Last-Modified")


@pytest.mark.parametrize("path", ["no-such-page/", "ita/2599/", "ita/2568/missing.pdf"])
def test_a_missing_address_gets_the_thai_404_page(apache: ApacheServer, demo_site: Path, path: str) -> None:
    answer = apache.get(path, encoding="gzip")
    assert answer.status == 404
    assert answer.header("Content-Type").startswith("text/html")
    body = gzip.decompress(answer.body) if answer.header("Content-Encoding") == "gzip" else answer.body
    assert body == (demo_site / "404.html").read_bytes()
    assert "ไม่พบหน้านี้" in body.decode("utf-8")


def test_a_site_in_a_folder_of_the_host_finds_its_404_page(data_copy: Path, tmp_path: Path) -> None:
    """Published at ``https://host/ita-site/`` (``site_url``), the site's ``.htaccess`` names its 404
    page there: Apache looks the page up from the host's root."""
    edit_text(
        data_copy / "site.yml",
        "site_url: https://www.bansathit.example.go.th/",
        "site_url: https://www.bansathit.example.go.th/ita-site/",
    )
    out = tmp_path / "site"
    result = run_build(data_copy, out)
    assert result.returncode == 0, result.stderr
    with apache_serving(out, "ita-site") as server:
        assert server.get("ita-site/").status == 200
        answer = server.get("ita-site/no-such-page/")
        assert answer.status == 404
        assert answer.body == (out / "404.html").read_bytes()
