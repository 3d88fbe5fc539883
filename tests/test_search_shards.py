"""The search index in pieces (publish/search_shards.py): Material's entries, all of them, in UTF-8,
found again through the letter pairs of their words. The browser side: tests/test_browser_search.py."""

from __future__ import annotations

import json
from pathlib import Path

from itagen.publish.search_shards import (
    GRAM_SHARD_BYTES,
    MAX_GRAM_SHARDS,
    gram_shard,
    letter_pairs,
    plain_text,
    read_search_shards,
    write_search_shards,
)


def test_material_keeps_only_its_configuration_in_the_file_every_page_fetches(demo_site: Path) -> None:
    stub = (demo_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert len(stub.encode("utf-8")) < 1_000
    index = json.loads(stub)
    assert index["docs"] == [] and index["config"]["ita_shards"] == "search/ita/"


def test_every_entry_is_in_the_pieces_once_and_thai_is_written_as_utf8(demo_site: Path) -> None:
    docs = read_search_shards(demo_site / "search")
    assert len(docs) > 100
    assert len({doc["location"] for doc in docs}) == len(docs)
    for piece in (demo_site / "search" / "ita").glob("*.json"):
        assert "\\u0e" not in piece.read_text(encoding="utf-8").lower(), piece.name
    head = json.loads((demo_site / "search" / "ita" / "pages.json").read_text(encoding="utf-8"))
    assert [page[0] for page in head["pages"]] == list(dict.fromkeys(doc["location"].split("#")[0] for doc in docs))


def test_every_page_is_found_through_the_pairs_of_its_words(demo_site: Path) -> None:
    folder = demo_site / "search" / "ita"
    head = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    number = {page[0]: n for n, page in enumerate(head["pages"])}
    grams: dict[int, dict[str, list[int]]] = {}
    for doc in read_search_shards(demo_site / "search"):
        page = number[doc["location"].split("#")[0]]
        for pair in letter_pairs(plain_text(doc["title"])) | letter_pairs(plain_text(doc["text"])):
            shard = gram_shard(pair, head["grams"])
            if shard not in grams:
                grams[shard] = json.loads((folder / f"grams-{shard:03d}.json").read_text(encoding="utf-8"))
            gaps = grams[shard][pair]
            assert page in {sum(gaps[: i + 1]) for i in range(len(gaps))}, (doc["location"], pair)


def test_text_is_compared_as_the_worker_compares_it() -> None:
    assert plain_text("<p>ผล<b>การ</b>ประเมิน</p><td>๒๕๖๘</td>") == "ผลการประเมิน 2568"
    assert plain_text("ABC&amp;d &lt;x&gt; &#x0E01;&#3585;\u200bน\u0e4d\u0e32") == "abc&d <x> กกนำ"
    assert letter_pairs("ab-กข") == {"ab", "กข"}


def test_the_pairs_fill_as_many_files_as_their_size_needs(demo_site: Path, tmp_path: Path) -> None:
    """Each file of a site is one more to write, upload and remove: the demo's pairs fill a handful of
    files of about GRAM_SHARD_BYTES, a large index at most MAX_GRAM_SHARDS."""
    folder = demo_site / "search" / "ita"
    head = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    files = sorted(folder.glob("grams-*.json"))
    assert [path.name for path in files] == [f"grams-{k:03d}.json" for k in range(head["grams"])]
    total = sum(path.stat().st_size for path in files)
    assert 1 < head["grams"] < 32
    assert head["grams"] == -(-total // GRAM_SHARD_BYTES) or abs(total / head["grams"] - GRAM_SHARD_BYTES) < 1_024
    letters = [chr(c) for c in range(0x0E01, 0x0E2F)]  # ก–ฮ: every pair of them on every page
    every_pair = " ".join(a + b for a in letters for b in letters)
    docs = [{"location": f"page-{n}/", "title": f"หน้า {n}", "text": every_pair} for n in range(400)]
    stats = write_search_shards(tmp_path / "search", docs)
    big = json.loads((tmp_path / "search" / "ita" / "pages.json").read_text(encoding="utf-8"))
    assert big["grams"] == MAX_GRAM_SHARDS == len(list((tmp_path / "search" / "ita").glob("grams-*.json")))
    assert stats.files == len(big["sizes"]) + MAX_GRAM_SHARDS + 1
