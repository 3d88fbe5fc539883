"""What a visitor's search costs at about 35, 300 and 1,000 pages, in headless Chromium.

    .venv/bin/python tests/bench/search_speed.py [--sizes 35,300,1000] [--work DIR]

For each size of the synthetic agency (synthetic_sites.py) the site is served on 127.0.0.1 by a server
that counts the bytes of every file under ``search/`` it sends. Printed:

- index bytes fetched by a page view before the search box is used (Material's page script still
  fetches ``search/search_index.json``, which holds only its configuration);
- time to ready: from typing the first query into Material's search box until its results show, and
  the index bytes fetched by then;
- time per query: the twenty queries of search_quality.py sent to the search worker one after the
  other, each the first time (its pieces fetched then) and again; median and slowest;
- index bytes fetched after all of them, and the whole index on disk for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synthetic_sites import SIZES, built_site, pages_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from browser_support import SETTLED, chromium
from search_quality import QUERIES

FIRST_QUERY = "คุณธรรม"

_TIMED_QUERIES = """
async (queries) => {
  const stub = await (await fetch("/search/search_index.json")).json();
  const worker = new Worker("/assets/javascripts/workers/ita-search.js");
  const ask = (type, data) => new Promise(resolve => {
    worker.addEventListener("message", e => resolve(e.data), { once: true });
    worker.postMessage({ type, data });
  });
  await ask(0, stub);
  const times = [];
  for (const query of queries) {
    const started = performance.now();
    const answer = await ask(2, query);
    times.push([query, performance.now() - started, answer.data.items.length]);
  }
  worker.terminate();
  return times;
}
"""


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    sent: dict[str, int]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def copyfile(self, source: Any, outputfile: Any) -> None:  # type: ignore[override]
        data = source.read()
        if self.path.startswith("/search/"):
            self.sent[self.path] = self.sent.get(self.path, 0) + len(data)
        outputfile.write(data)


@contextlib.contextmanager
def _serve(root: Path, sent: dict[str, int]) -> Iterator[str]:
    handler = type("Handler", (_CountingHandler,), {"sent": sent})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _kb(count: int) -> str:
    return f"{count / 1000:,.1f} KB"


def measure(site: Path) -> str:
    sent: dict[str, int] = {}
    whole = sum(path.stat().st_size for path in (site / "search").rglob("*.json"))
    with _serve(site, sent) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "ita/")
        page.evaluate(SETTLED)
        page.wait_for_timeout(500)
        on_load = sum(sent.values())
        box = page.locator("input.md-search__input")
        box.focus()
        started = time.perf_counter()
        page.keyboard.insert_text(FIRST_QUERY)
        page.keyboard.press("End")  # Material searches on keyup
        page.wait_for_selector(".md-search-result__list > li")
        ready = time.perf_counter() - started
        at_ready = sum(sent.values())
        timed = page.evaluate(_TIMED_QUERIES, QUERIES + QUERIES)
        page.close()
    # The first query of a new worker reads the page table too: it is the time to ready, not a query's.
    first, again = [ms for _, ms, _ in timed[1 : len(QUERIES)]], [ms for _, ms, _ in timed[len(QUERIES) :]]
    slowest = max(timed[1 : len(QUERIES)], key=lambda row: row[1])
    return (
        f"{len(pages_of(site)):>5} pages | index on disk {_kb(whole)} | fetched on page view {_kb(on_load)} | "
        f"ready {ready * 1000:.0f} ms after the first query ({_kb(at_ready - on_load)} fetched) | "
        f"new worker's first query {timed[0][1]:.0f} ms | next queries, pieces fetched: median {statistics.median(first):.0f} ms, slowest {slowest[1]:.0f} ms ({slowest[0]}) | "
        f"query again: median {statistics.median(again):.1f} ms, slowest {max(again):.1f} ms | "
        f"fetched after {len(QUERIES)} queries {_kb(sum(sent.values()))}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--work", type=Path, help="keep the built sites here and reuse them")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="search-speed-")))
        work.mkdir(parents=True, exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            print(measure(built_site(size, work)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
