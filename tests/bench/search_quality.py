"""Search quality, stock Material search against the Thai-aware worker, measured in headless Chromium.

    .venv/bin/python tests/bench/search_quality.py [--site DIR]

Without ``--site`` the demo data is built into a temporary directory first. The same built site is searched
twice through Material's search box: once as built (our worker) and once with Material's own lunr worker
put back in its place. For each Thai query the right pages are those whose text contains the query; a query
is "found" when the best result is one of them, "complete" when every one of them is in the results.
Nonsense queries should find nothing. If the ``pagefind`` package is installed in the same environment
(``pip install 'pagefind[extended]==1.5.2'``; not a project dependency), Pagefind is measured as well.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from browser_support import chromium, search, serve  # noqa: E402 - after the path is set

sys.path.insert(0, str(TESTS.parent / "hooks"))
from itagen.publish.search_shards import read_search_shards  # noqa: E402

PROJECT_ROOT = TESTS.parent
QUERIES = [
    "คุณธรรม",
    "โปร่งใส",
    "งบประมาณ",
    "จัดซื้อจัดจ้าง",
    "ทุจริต",
    "ร้องเรียน",
    "ความโปร่งใส",
    "ผลการประเมิน",
    "มาตรการ",
    "การประเมิน",
    "ตัวชี้วัด",
    "เปิดเผยข้อมูล",
    "ป้องกันการทุจริต",
    "รายงานผล",
    "บริการออนไลน์",
    "ประชาสัมพันธ์",
    "ผู้รับผิดชอบ",
    "ติดตาม",
    "ประชาชน",
    "การใช้ทรัพย์สิน",
]
NONSENSE = ["xqzvbn", "กขฃคฅ", "ฟหกดเ่าสว", "คุณธรรมมมมม", "จัดจ้างซื้อจัด"]


@dataclass
class Outcome:
    found: int = 0
    complete: int = 0
    empty_for_nonsense: int = 0


def _page_texts(site: Path) -> dict[str, str]:
    """Each page's searchable text (title and sections) from the search index, keyed by URL path."""
    texts: dict[str, str] = {}
    for doc in _whole_index(site)["docs"]:
        page = "/" + doc["location"].split("#")[0]
        plain = html.unescape(re.sub(r"<[^>]+>", "", doc["title"] + " " + doc["text"]))
        texts[page] = texts.get(page, "") + " " + plain
    return texts


def _whole_index(site: Path) -> dict[str, object]:
    """Material's index as its search plugin wrote it, put together again from the site's pieces."""
    stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {**stub, "docs": stub["docs"] or read_search_shards(site / "search")}


def _stock_copy(site: Path, into: Path) -> Path:
    """The same site with Material's own search worker where ours is, and Material's whole index."""
    stock = into / "stock"
    shutil.copytree(site, stock)
    whole = json.dumps(_whole_index(site), ensure_ascii=False)
    (stock / "search" / "search_index.json").write_text(whole, encoding="utf-8")
    workers = stock / "assets" / "javascripts" / "workers"
    material = next(workers.glob("search.*.min.js"))
    shutil.copyfile(material, workers / "ita-search.js")
    return stock


def _run(site: Path, label: str, texts: dict[str, str], queries: list[str]) -> tuple[Outcome, dict[str, str]]:
    outcome = Outcome()
    cells: dict[str, str] = {}
    with serve(site) as served, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(served.url(""))
        for query in queries:
            right = {path for path, text in texts.items() if query in text}
            results = search(page, query)
            top = bool(results) and results[0] in right
            everything = right <= set(results)
            outcome.found += top
            outcome.complete += everything
            cells[query] = f"{len(results):>3} {'top ok' if top else 'top --'} {'all' if everything else '---'}"
        for query in NONSENSE:
            outcome.empty_for_nonsense += search(page, query) == []
    print(f"searched with {label}", file=sys.stderr)
    return outcome, cells


_PAGEFIND_SEARCH = """
async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const answers = {};
  for (const query of queries) {
    const found = await pagefind.search(query);
    answers[query] = (await Promise.all(found.results.map(result => result.data()))).map(data => data.url);
  }
  return answers;
}
"""


def _run_pagefind(site: Path, into: Path, texts: dict[str, str], queries: list[str]) -> tuple[Outcome, dict[str, str]]:
    """Pagefind's own index and query code on a copy of the site, through its JavaScript API."""
    copy = into / "pagefind"
    shutil.copytree(site, copy)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy)], check=True, capture_output=True)
    outcome = Outcome()
    cells: dict[str, str] = {}
    with serve(copy) as served, chromium() as browser:
        page = browser.new_page()
        page.goto(served.url(""))
        answers = page.evaluate(_PAGEFIND_SEARCH, queries + NONSENSE)
    for query in queries:
        right = {path for path, text in texts.items() if query in text}
        results = answers[query]
        top = bool(results) and results[0] in right
        everything = right <= set(results)
        outcome.found += top
        outcome.complete += everything
        cells[query] = f"{len(results):>3} {'top ok' if top else 'top --'} {'all' if everything else '---'}"
    outcome.empty_for_nonsense = sum(answers[query] == [] for query in NONSENSE)
    print("searched with Pagefind", file=sys.stderr)
    return outcome, cells


def _pagefind_installed() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def measure(site: Path) -> None:
    texts = _page_texts(site)
    queries = [q for q in QUERIES if any(q in text for text in texts.values())]
    absent = [q for q in QUERIES if q not in queries]
    engines: dict[str, tuple[Outcome, dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        engines["stock Material"] = _run(_stock_copy(site, Path(scratch)), "Material's lunr worker", texts, queries)
        if _pagefind_installed():
            engines["Pagefind"] = _run_pagefind(site, Path(scratch), texts, queries)
    engines["Thai-aware worker"] = _run(site, "the Thai-aware worker", texts, queries)
    print("query" + " " * 17 + "pages  " + "".join(f"{label:<22}" for label in engines))
    for query in queries:
        pages = sum(query in text for text in texts.values())
        # Thai vowel and tone marks take no column: pad by the characters that do.
        padding = " " * (20 - sum(not unicodedata.combining(c) and unicodedata.category(c) != "Mn" for c in query))
        print(f"{query}{padding}{pages:>4}   " + "".join(f"{cells[query]:<22}" for _, cells in engines.values()))
    total = len(queries)
    for label, (outcome, _) in engines.items():
        print(
            f"{label}: best result right for {outcome.found}/{total} queries, every right page found for "
            f"{outcome.complete}/{total}, nonsense found nothing for {outcome.empty_for_nonsense}/{len(NONSENSE)}"
        )
    if absent:
        print(f"not on any page of this site, left out: {' '.join(absent)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the demo data now)")
    args = parser.parse_args()
    if args.site:
        measure(args.site.resolve())
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        command = [sys.executable, str(PROJECT_ROOT / "hooks" / "build_site.py"), "--out", str(site)]
        subprocess.run(command, check=True, cwd=PROJECT_ROOT, capture_output=True)
        measure(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
