"""Thai search in headless Chromium: words typed into Material's search box find the pages that contain them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import SETTLED, ServedSite, search, site_pages
from conftest import page_text
from playwright.sync_api import Browser, Page

# Words in the middle of Thai text and compounds typed without spaces (issue: Material found none of these).
THAI_QUERIES = [
    "คุณธรรม",
    "โปร่งใส",
    "งบประมาณ",
    "จัดซื้อจัดจ้าง",
    "ทุจริต",
    "ความโปร่งใส",
    "ผลการประเมิน",
    "มาตรการ",
    "การประเมิน",
    "ตัวชี้วัด",
    "เปิดเผยข้อมูล",
    "ผู้รับผิดชอบ",
]
NONSENSE = ["xqzvbn", "กขฃคฅ", "ฟหกดเ่าสว", "คุณธรรมมมมม", "จัดจ้างซื้อจัด"]


@pytest.fixture(scope="module")
def search_page(browser: Browser, served_demo: ServedSite) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_demo.url(""))
    yield page
    page.close()


def _pages_containing(site: Path, word: str) -> set[str]:
    """Pages that show the word, but the year's print document: it repeats the year's own pages and is
    kept out of the index, so that it does not crowd them out of the results."""
    pages = [path for path in site_pages(site) if not path.endswith("/document/")]
    return {"/" + path for path in pages if word in page_text(site, path + "index.html")}


@pytest.mark.parametrize("query", THAI_QUERIES)
def test_thai_word_finds_every_page_that_contains_it(search_page: Page, demo_site: Path, query: str) -> None:
    expected = _pages_containing(demo_site, query)
    assert expected, f"the demo site should contain {query}"
    results = search(search_page, query)
    assert set(results) >= expected, f"{query}: missing {sorted(expected - set(results))}"
    assert results[0] in expected, f"{query}: the best result {results[0]} does not contain the word"


@pytest.mark.parametrize("query", NONSENSE)
def test_nonsense_finds_nothing(search_page: Page, query: str) -> None:
    assert search(search_page, query) == []
    assert "ไม่พบ" in search_page.locator(".md-search-result__meta").inner_text()


def test_pages_named_after_the_word_rank_first(search_page: Page, demo_site: Path) -> None:
    results = search(search_page, "มาตรการ")
    titled = [path for path in results if "มาตรการ" in _title(demo_site, path)]
    assert titled and results[: len(titled)] == titled


def _title(site: Path, path: str) -> str:
    source = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    return source.split("<title>", 1)[1].split("</title>", 1)[0]


def test_results_appear_while_the_word_is_still_being_typed(search_page: Page) -> None:
    assert any("measures" in path for path in search(search_page, "จัดซื้อจัดจ้")[:3])


def test_thai_and_arabic_digits_find_each_other(search_page: Page) -> None:
    assert search(search_page, "๒๕๖๘") == search(search_page, "2568") != []


def test_the_match_is_highlighted_in_the_result(search_page: Page) -> None:
    search(search_page, "โปร่งใส")
    marks = search_page.locator(".md-search-result mark").all_inner_texts()
    assert "โปร่งใส" in marks


def test_search_is_usable_with_the_keyboard_alone(browser: Browser, served_demo: ServedSite) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_demo.url("about-ita/"))
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.insert_text("ตัวชี้วัด")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__list > li")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "ตัวชี้วัด" in page.locator("article").inner_text()
    page.close()


# Every Thai word on the site, as the browser's own segmenter cuts the page text, looked up through the
# search worker itself (not the box, which would take minutes): the index and the query side agree. The
# worker reading the index in pieces (as the site does) must answer exactly as one given the whole index.
_EVERY_WORD_SCRIPT = """
async () => {
  const stub = await (await fetch("search/search_index.json")).json();
  const head = await (await fetch(stub.config.ita_shards + "pages.json")).json();
  const docs = [];
  for (const file of new Set(head.pages.map(page => page[2]))) {
    const pieces = await (await fetch(stub.config.ita_shards + `entries-${String(file).padStart(3, "0")}.json`)).json();
    for (const rows of pieces)
      for (const [number, location, title, text, extra] of rows) docs[number] = { location, title, text, ...extra };
  }
  const start = async data => {
    const worker = new Worker("assets/javascripts/workers/ita-search.js");
    const ask = (type, value) => new Promise(resolve => {
      worker.addEventListener("message", e => resolve(e.data), { once: true });
      worker.postMessage({ type, data: value });
    });
    await ask(0, data);
    return { ask, worker };
  };
  const whole = await start({ config: stub.config, docs });
  const pieces = await start(stub);
  const plain = html => html.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&");
  const pagesOf = new Map();
  const segmenter = new Intl.Segmenter("th", { granularity: "word" });
  for (const doc of docs) {
    const page = doc.location.split("#")[0];
    for (const s of segmenter.segment(plain(doc.title) + " " + plain(doc.text)))
      if (s.isWordLike && /^[\\u0E01-\\u0E5B]{2,}$/.test(s.segment)) {
        if (!pagesOf.has(s.segment)) pagesOf.set(s.segment, new Set());
        pagesOf.get(s.segment).add(page);
      }
  }
  const missed = [];
  const differ = [];
  const queries = [...pagesOf.keys()];
  for (const [i, word] of queries.entries()) {
    const found = (await pieces.ask(2, word)).data;
    const pages = new Set(found.items.map(group => group[0].location.split("#")[0]));
    const lost = [...pagesOf.get(word)].filter(page => !pages.has(page));
    if (lost.length) missed.push([word, lost]);
    /* two words, and a word being typed, as a person types them; a single letter is looked for in page
       titles only (docs-dev/search.md), so it is left out here */
    const typed = [word, word + " " + queries[(i * 7) % queries.length], word.slice(0, -1)];
    for (const query of typed.filter(query => query.length >= 2)) {
      const [a, b] = [await whole.ask(2, query), await pieces.ask(2, query)];
      if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(query);
    }
  }
  whole.worker.terminate();
  pieces.worker.terminate();
  return { words: pagesOf.size, missed, differ, entries: docs.length };
}
"""


def test_every_thai_word_on_the_site_finds_every_page_it_is_on(search_page: Page) -> None:
    outcome = search_page.evaluate(_EVERY_WORD_SCRIPT)
    assert outcome["words"] > 200 and outcome["entries"] > 100
    assert outcome["missed"] == [], json.dumps(outcome["missed"][:20], ensure_ascii=False)
    assert outcome["differ"] == [], json.dumps(outcome["differ"][:20], ensure_ascii=False)


def test_a_page_view_fetches_no_part_of_the_index_until_a_query(browser: Browser, served_demo: ServedSite) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fetched: list[str] = []
    page.context.on("request", lambda request: fetched.append(request.url))
    page.goto(served_demo.url("ita/2568/"))
    page.evaluate(SETTLED)
    page.wait_for_timeout(300)
    before = [url for url in fetched if "/search/" in url]
    assert before == [served_demo.url("search/search_index.json")]  # Material's configuration only
    assert search(page, "คุณธรรม")
    pieces = {url.rsplit("/", 1)[1] for url in fetched if "/search/ita/" in url}
    assert "pages.json" in pieces and any(name.startswith("grams-") for name in pieces)
    page.close()
