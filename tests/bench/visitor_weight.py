"""What a visitor downloads, at about 35, 300 and 1,000 pages and for every example agency.

    .venv/bin/python tests/bench/visitor_weight.py [--sizes 35,300,1000] [--examples] [--work DIR]

For each built site (synthetic_sites.py; with ``--examples`` also examples/*):

- the heaviest page (bytes of HTML) and the median page;
- the chrome: HTML outside the article and its table of contents (tests/page_weight_support.py),
  largest and median over every page;
- the first visit to the newest year overview in headless Chromium, everything the browser fetched
  (HTML, CSS, JavaScript, fonts, images, the search worker), each file as a server compressing
  text with gzip would send it; raw bytes too. Every request must stay on the site.

Limits (issue 11): heaviest page of the demo and of every example ≤ 80 KB, chrome ≤ 30 KB on every
page, first visit ≤ 300 KB compressed.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic_sites import PROJECT_ROOT, SIZES, built_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from browser_support import SETTLED, chromium, serve
from page_weight_support import CHROME_LIMIT, PAGE_LIMIT, chrome_bytes, site_pages

ALREADY_COMPRESSED = (".woff2", ".png", ".jpg", ".jpeg", ".webp", ".gif")


def _newest_year_overview(site: Path) -> str:
    years = sorted(p.name for p in (site / "ita").iterdir() if re.fullmatch(r"\d{4}", p.name))
    return f"ita/{years[-1]}/"


def first_visit(site: Path, path: str) -> tuple[int, int, int, list[str]]:
    """(compressed bytes, raw bytes, files, requests elsewhere) of a first visit to ``path``."""
    bodies: dict[str, bytes] = {}
    elsewhere: list[str] = []
    with serve(site) as served, chromium() as browser:
        context = browser.new_context(viewport={"width": 412, "height": 823})
        page = context.new_page()

        def record(response: object) -> None:
            url: str = response.url  # type: ignore[attr-defined]
            if not url.startswith(served.base_url):
                elsewhere.append(url)
            elif url not in bodies:
                with contextlib.suppress(Exception):
                    bodies[url] = response.body()  # type: ignore[attr-defined]

        context.on("response", record)
        page.goto(served.url(path))
        page.evaluate(SETTLED)
        page.wait_for_timeout(1000)
        context.close()
    compressed = 0
    for url, body in bodies.items():
        raw = url.split("?")[0].lower().endswith(ALREADY_COMPRESSED)
        compressed += len(body) if raw else min(len(body), len(gzip.compress(body, 6)))
    return compressed, sum(map(len, bodies.values())), len(bodies), elsewhere


def measure(label: str, site: Path) -> tuple[str, list[str]]:
    pages = site_pages(site)
    sizes = {page: page.stat().st_size for page in pages}
    chrome = {page: chrome_bytes(page.read_text(encoding="utf-8")) for page in pages}
    heaviest = max(sizes, key=lambda page: sizes[page])
    widest = max(chrome, key=lambda page: chrome[page])
    overview = _newest_year_overview(site)
    compressed, raw, files, elsewhere = first_visit(site, overview)
    name = lambda page: page.parent.relative_to(site).as_posix() + "/"  # noqa: E731
    line = (
        f"{label:<28} {len(pages):>5} pages | heaviest {sizes[heaviest] / 1000:6.1f} KB ({name(heaviest)}), "
        f"median {statistics.median(sizes.values()) / 1000:5.1f} KB | chrome max {chrome[widest] / 1000:5.1f} KB "
        f"({name(widest)}), median {statistics.median(chrome.values()) / 1000:5.1f} KB | first visit to {overview}: "
        f"{compressed / 1000:6.1f} KB compressed, {raw / 1000:6.1f} KB raw, {files} files"
    )
    over = []
    if chrome[widest] > CHROME_LIMIT:
        over.append(f"{label}: chrome {chrome[widest]} B on {name(widest)} > {CHROME_LIMIT}")
    if compressed > 300_000:
        over.append(f"{label}: first visit {compressed} B > 300000")
    if elsewhere:
        over.append(f"{label}: requests to other origins: {elsewhere[:3]}")
    if not label.startswith("synthetic") and sizes[heaviest] > PAGE_LIMIT:
        over.append(f"{label}: heaviest page {sizes[heaviest]} B on {name(heaviest)} > {PAGE_LIMIT}")
    return line, over


def _example_site(example: Path, work: Path) -> Path:
    site = work / f"example-{example.name}"
    if not (site / "index.html").is_file():
        command = [sys.executable, "hooks/build_site.py", "--data", str(example), "--out", str(site)]
        subprocess.run(command, check=True, capture_output=True, cwd=PROJECT_ROOT)
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--examples", action="store_true", help="also every agency in examples/")
    parser.add_argument("--work", type=Path, help="keep the built sites here and reuse them")
    args = parser.parse_args()
    problems: list[str] = []
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="visitor-weight-")))
        work.mkdir(parents=True, exist_ok=True)
        sites = [
            (f"synthetic {size}" if int(size) != 35 else "demo", built_site(int(size), work))
            for size in args.sizes.split(",")
        ]
        if args.examples:
            examples = sorted(p for p in (PROJECT_ROOT / "examples").iterdir() if (p / "site.yml").is_file())
            sites += [(f"example {p.name}", _example_site(p, work)) for p in examples]
        for label, site in sites:
            line, over = measure(label, site)
            print(line, flush=True)
            problems += over
    for problem in problems:
        print("OVER THE LIMIT:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
