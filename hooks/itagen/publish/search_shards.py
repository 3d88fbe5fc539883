"""The search index in pieces, so that a visitor downloads only what a query needs.

Material's search plugin writes one ``search/search_index.json`` with the text of every page, and its
page script fetches that file on every page view: 19 KB gzipped for the demo, megabytes for an agency
after many years. Here the same entries are written instead (Material's plugin still gathers them,
through an index of ``ita_hooks`` that cuts pages with ``search_sections.py``) as

- ``search/ita/pages.json``: every page (location, title, which file holds its entries), so that the
  search worker is ready after one small file;
- ``search/ita/grams-NNN.json``: for every pair of adjacent letters (Thai letters and marks, a–z, 0–9,
  after the worker's folding), the pages whose titles or text hold it, by hash of the pair;
- ``search/ita/entries-NNN.json``: the pages' entries (location, title, text as Material wrote them,
  and their places in Material's order), whole pages in files of about PIECE_CHARACTERS.

while ``search_index.json`` keeps only Material's configuration, which its page script still fetches.
A query's words hold their letter pairs, so the pages that hold them all are a superset of the
pages that can match; the worker reads just those and ranks them exactly as it ranked the whole index
(docs-dev/search.md), up to a bound for a common word on a large site. Thai is written as UTF-8, not
``\\uXXXX``. The Python side never cuts words: the browser's segmenter does, at query time, on both sides.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from operator import sub
from pathlib import Path
from typing import Any

from ..records.record import record

FORMAT = 1
FOLDER = "ita"
"""Beside Material's search_index.json: ``search/ita/``."""
MAX_GRAM_SHARDS = 256
GRAM_SHARD_BYTES = 4_096
"""About this many bytes of letter pairs per file, in at most MAX_GRAM_SHARDS files: a query fetches one
file per pair of its words, and each file of a site is one more to write, upload and remove (the demo's
pairs fill 10, a thousand pages' all 256)."""
PIECE_CHARACTERS = 24_000
"""About this many characters of entries per file: few requests for a rare word, little waste for a common one."""

# The worker's plainText, normalize and fold (docs/assets/javascripts/workers/ita-search-text.js), so that
# the letter pairs found here are those the worker finds in the same text.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|table|thead|tbody|tr|td|th|h[1-6]|br|blockquote|pre|dl|dt|dd|caption|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(#x[0-9a-f]+|#[0-9]+|[a-z]+);", re.IGNORECASE)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\u00a0"}
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""What JavaScript's ``\\s`` and ``trim`` take for white space."""
_SPACES = re.compile(f"[{re.escape(_JS_SPACE)}]+")
_THAI_DIGITS = {0x0E50 + d: 0x30 + d for d in range(10)}
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#"):
        hexadecimal = name[1] in "xX"
        try:
            return chr(int(name[2:] if hexadecimal else name[1:], 16 if hexadecimal else 10))
        except (ValueError, OverflowError):
            return match.group(0)
    return _ENTITIES.get(name.lower(), match.group(0))


def plain_text(markup: str) -> str:
    """The text the worker compares: tags gone, entities read, whitespace one space, folded."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", markup)) if "<" in markup else markup
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text)).replace("\u0e4d\u0e32", "\u0e33")
    text = _SPACES.sub(" ", text).strip(_JS_SPACE)
    lower = text.lower()
    if len(lower) != len(text):  # as the worker: letters that lower-case into two keep their case
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower.translate(_THAI_DIGITS) if _THAI_DIGIT.search(lower) else lower


_INDEXABLE_RUN = re.compile("[a-z0-9\u0e00-\u0e7f]{2,}")
"""Letters whose folding Python and the browser surely agree on; pairs with others are not indexed."""


def letter_pairs(text: str) -> set[str]:
    pairs: set[str] = set()
    for run in _INDEXABLE_RUN.findall(text):
        pairs.update(map(str.__add__, run, run[1:]))
    return pairs


def gram_shard(gram: str, shards: int) -> int:
    """The same hash as the worker's gramShard (``shards`` is ``grams`` in pages.json)."""
    return (ord(gram[0]) * 31 + ord(gram[1])) % shards


@record
class ShardStats:
    entries: int
    pages: int
    files: int
    bytes: int


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)  # default: as Material's


def _write(path: Path, value: Any) -> int:
    text = _dump(value)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def index_stub(config: dict[str, Any]) -> str:
    """The ``search_index.json`` Material's page script still fetches: its configuration, no docs, and
    where the worker finds the pieces."""
    return _dump({"config": {**config, "ita_shards": f"search/{FOLDER}/"}, "docs": []})


def write_search_shards(search_dir: Path, docs: list[dict[str, Any]]) -> ShardStats:
    """Material's index entries (``location``, ``title``, ``text`` and any tags or boost), in Material's
    order, written as pieces into ``search_dir/ita/``."""
    pages: dict[str, list[list[Any]]] = {}
    for number, doc in enumerate(docs):
        extra = {key: value for key, value in doc.items() if key not in ("location", "title", "text")}
        row = [number, doc["location"], doc.get("title", ""), doc.get("text", ""), *([extra] if extra else [])]
        pages.setdefault(doc["location"].split("#")[0], []).append(row)
    out = search_dir / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    table, sizes, written = _write_pieces(out, pages)
    grams, gram_bytes = _write_grams(out, list(pages.values()))
    head = {"format": FORMAT, "grams": grams, "sizes": sizes, "pages": table}
    written += gram_bytes + _write(out / "pages.json", head)
    return ShardStats(len(docs), len(pages), len(sizes) + grams + 1, written)


def _write_pieces(out: Path, pages: dict[str, list[list[Any]]]) -> tuple[list[list[Any]], list[int], int]:
    """Each page's entries, pages in Material's order, in files of about PIECE_CHARACTERS (a page is never
    cut). Returns the page table (location, the page's own title or null, file, place in it), the
    characters of title and text in each file (the worker's budget), and the bytes written."""
    table: list[list[Any]] = []
    piece: list[list[list[Any]]] = []
    sizes: list[int] = []
    written = size = files = 0
    for number, (location, rows) in enumerate(pages.items()):
        article = next((row for row in rows if row[1] == location), None)
        table.append([location, article[2] if article else None, files, len(piece), *(article[4:] if article else [])])
        piece.append(rows)
        size += sum(len(row[2]) + len(row[3]) for row in rows)
        if size >= PIECE_CHARACTERS or number == len(pages) - 1:
            written += _write(out / f"entries-{files:03d}.json", piece)
            sizes.append(size)
            piece, size, files = [], 0, files + 1
    return table, sizes, written


def _write_grams(out: Path, pages: list[list[list[Any]]]) -> tuple[int, int]:
    """For each letter pair the pages that hold it, gap-coded, in files by hash of the pair. Returns
    the number of files and the bytes written."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    known: dict[str, set[str]] = {}  # a run of letters → its pairs: runs repeat across a site, pairs are costly
    for number, rows in enumerate(pages):
        # All of a page's titles and texts at once: a space between them, so that no run spans two
        runs = set(_INDEXABLE_RUN.findall(plain_text(" ".join(part for row in rows for part in (row[2], row[3])))))
        for run in runs.difference(known):
            known[run] = letter_pairs(run)
        for pair in set().union(*map(known.__getitem__, runs)):
            postings[pair].append(number)
    gaps = {}
    size = 0
    for pair in sorted(postings):
        numbers = postings[pair]
        gaps[pair] = gapped = [numbers[0], *map(sub, numbers[1:], numbers)]
        size += 9 + len(pair) + len(",".join(map(str, gapped)))  # as written, near enough
    count = max(1, min(MAX_GRAM_SHARDS, -(-size // GRAM_SHARD_BYTES)))
    shards: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for pair, pages_of_pair in gaps.items():
        shards[gram_shard(pair, count)][pair] = pages_of_pair
    return count, sum(_write(out / f"grams-{k:03d}.json", shard) for k, shard in enumerate(shards))


def read_search_shards(search_dir: Path) -> list[dict[str, Any]]:
    """Material's docs again, in Material's order, from the pieces (for tests and benchmarks)."""
    docs: dict[int, dict[str, Any]] = {}
    for path in sorted((search_dir / FOLDER).glob("entries-*.json")):
        for rows in json.loads(path.read_text(encoding="utf-8")):
            for number, location, title, text, *extra in rows:
                docs[number] = {"location": location, "title": title, "text": text, **(extra[0] if extra else {})}
    return [docs[number] for number in sorted(docs)]
