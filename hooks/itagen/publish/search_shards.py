"""The search index in pieces, so that a visitor downloads only what a query needs.

Material's search plugin writes one ``search/search_index.json`` with the text of every page, and its
page script fetches that file on every page view: 19 KB gzipped for the demo, megabytes for an agency
after many years. This module splits it, after the build, into

- ``search/ita/pages.json``: how the pieces are cut, the number of pages and each page's own entry
  (location and title), so that the search worker is ready after one small file;
- ``search/ita/grams-NN.json``: for every pair of adjacent letters (Thai letters and marks, a–z, 0–9,
  after the worker's folding), the bodies whose title or text holds it, by hash of the pair;
- ``search/ita/bodies-NN.json``: each distinct (title, text) once, as Material wrote them, with the
  locations (and their places in Material's order) that carry it.

and leaves in ``search_index.json`` only Material's configuration, which its page script still fetches.
A query's words hold their letter pairs, so the bodies that hold them all are a superset of the
entries that can match; the worker reads just those and ranks them exactly as it ranked the whole
index (docs-dev/search.md). Thai is written as UTF-8, not ``\\uXXXX``. The Python side never cuts
words: the browser's segmenter does, at query time, on both sides.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

FORMAT = 1
FOLDER = "ita"
"""Beside Material's search_index.json: ``search/ita/``."""
GRAM_SHARDS = 64
BODY_SHARD_BYTES = 48_000
"""About this much JSON per body shard: few requests for a rare word, little waste for a common one."""

# The worker's plainText, normalize and fold (docs/assets/javascripts/workers/ita-search.js), so that
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
    text = _ENTITY.sub(_entity, _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", markup)))
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text)).replace("\u0e4d\u0e32", "\u0e33")
    text = _SPACES.sub(" ", text).strip(_JS_SPACE)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_THAI_DIGITS)


def _indexable(char: str) -> bool:
    """Letters whose folding Python and the browser surely agree on; other pairs are not indexed."""
    return "a" <= char <= "z" or "0" <= char <= "9" or "\u0e00" <= char <= "\u0e7f"


def letter_pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if _indexable(text[i]) and _indexable(text[i + 1])}


def gram_shard(gram: str) -> int:
    """The same hash as the worker's gramShard."""
    return (ord(gram[0]) * 31 + ord(gram[1])) % GRAM_SHARDS


@dataclass(frozen=True)
class ShardStats:
    entries: int
    pages: int
    bodies: int
    files: int
    bytes: int


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_search_shards(search_dir: Path) -> ShardStats:
    """Split Material's ``search_dir/search_index.json`` into ``search_dir/ita/`` and empty its docs."""
    index_file = search_dir / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = index["docs"]
    bodies: dict[tuple[str, str], list[list[Any]]] = {}
    articles: list[list[Any]] = []
    pages: dict[str, None] = {}
    for number, doc in enumerate(docs):
        extra = {key: value for key, value in doc.items() if key not in ("location", "title", "text")}
        location = [number, doc["location"], *([extra] if extra else [])]
        bodies.setdefault((doc.get("title", ""), doc.get("text", "")), []).append(location)
        page = doc["location"].split("#")[0]
        pages.setdefault(page)
        if "#" not in doc["location"]:
            articles.append([number, doc["location"], doc.get("title", ""), *([extra] if extra else [])])
    out = search_dir / FOLDER
    out.mkdir(exist_ok=True)
    files = _write_bodies(out, list(bodies.items()))
    files += _write_grams(out, bodies)
    starts = [first for first, _ in files if first >= 0]
    head = {"format": FORMAT, "grams": GRAM_SHARDS, "bodies": starts, "pages": len(pages), "articles": articles}
    written = sum(size for _, size in files) + _write(out / "pages.json", head)
    index["docs"] = []
    index["config"]["ita_shards"] = f"search/{FOLDER}/"  # the worker reads its pieces from there
    index_file.write_text(_dump(index), encoding="utf-8")
    return ShardStats(len(docs), len(pages), len(bodies), len(files) + 1, written)


def _write(path: Path, value: Any) -> int:
    text = _dump(value)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _write_bodies(out: Path, bodies: list[tuple[tuple[str, str], list[list[Any]]]]) -> list[tuple[int, int]]:
    """Bodies in Material's order, cut into files of about BODY_SHARD_BYTES: (first body, bytes) each."""
    files: list[tuple[int, int]] = []
    shard: list[Any] = []
    first = size = 0
    for number, ((title, text), locations) in enumerate(bodies):
        shard.append([title, text, locations])
        size += len(title) + len(text) + 40 * len(locations)
        if size >= BODY_SHARD_BYTES or number == len(bodies) - 1:
            files.append((first, _write(out / f"bodies-{len(files):02d}.json", shard)))
            shard, first, size = [], number + 1, 0
    return files


def _write_grams(out: Path, bodies: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
    """Posting lists, gap-coded, by hash of the letter pair. (-1, bytes) each, to tell them apart."""
    postings: dict[str, list[int]] = {}
    for number, (title, text) in enumerate(bodies):
        for gram in letter_pairs(plain_text(title)) | letter_pairs(plain_text(text)):
            postings.setdefault(gram, []).append(number)
    shards: list[dict[str, list[int]]] = [{} for _ in range(GRAM_SHARDS)]
    for gram in sorted(postings):
        numbers = postings[gram]
        shards[gram_shard(gram)][gram] = [numbers[0], *(b - a for a, b in pairwise(numbers))]
    return [(-1, _write(out / f"grams-{k:02d}.json", shard)) for k, shard in enumerate(shards)]


def read_search_shards(search_dir: Path) -> list[dict[str, Any]]:
    """Material's docs again, in Material's order, from the pieces (for tests and benchmarks)."""
    out = search_dir / FOLDER
    docs: dict[int, dict[str, Any]] = {}
    for path in sorted(out.glob("bodies-*.json")):
        for title, text, locations in json.loads(path.read_text(encoding="utf-8")):
            for number, location, *extra in locations:
                docs[number] = {"location": location, "title": title, "text": text, **(extra[0] if extra else {})}
    return [docs[number] for number in sorted(docs)]
