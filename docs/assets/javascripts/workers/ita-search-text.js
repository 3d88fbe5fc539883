/*
 * How the search worker (ita-search.js) reads text: the page text and the query cut into words by one
 * segmenter, folded the same way, and where a query part occurs in a field. Loaded by the worker with
 * importScripts; hooks/itagen/publish/search_shards.py mirrors plainText, normalize and fold in Python,
 * so that the letter pairs it indexes are those found here.
 */
"use strict";

const THAI = /[\u0E00-\u0E7F]/;

const segmenter =
  typeof Intl === "object" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null;

/* Text as shown: invisible characters dropped, the two ways of typing sara am made one. */
function normalize(text) {
  return text
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\u0E4D\u0E32/g, "\u0E33")
    .replace(/\s+/g, " ");
}

/* Text as compared: lower case, Thai digits as Arabic ones; same length as the input. */
function fold(text) {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = Array.from(text, c => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join("");
  return lower.replace(/[\u0E50-\u0E59]/g, d => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 48));
}

/* The word-like segments of a text, as [start, end) offsets. */
function words(text) {
  const found = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) if (s.isWordLike) found.push([s.index, s.index + s.segment.length]);
  } else {
    /* Old browsers: whole runs of letters; the literal search below still finds Thai words inside them. */
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) found.push([m.index, m.index + m[0].length]);
  }
  return found;
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|table|thead|tbody|tr|td|th|h[1-6]|br|blockquote|pre|dl|dt|dd|caption|figure|figcaption)\b[^>]*>/gi;

/* Material's index holds HTML; keep its text. Inline tags vanish so a Thai word is never cut by markup. */
function plainText(html) {
  return (html || "")
    .replace(BLOCK_TAG, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === "#") return String.fromCodePoint(parseInt(name[1] === "x" || name[1] === "X" ? name.slice(2) : name.slice(1), name[1] === "x" || name[1] === "X" ? 16 : 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

function prepareField(html) {
  const shown = normalize(plainText(html)).trim();
  const folded = fold(shown);
  const spans = words(shown);
  return {
    shown,
    folded,
    spans,
    keys: spans.map(([start, end]) => folded.slice(start, end)),
    starts: new Set(spans.map(span => span[0])),
    ends: new Set(spans.map(span => span[1])),
  };
}

/* The query, cut at spaces into parts, each part cut into words by the same segmenter as the pages. */
function parseQuery(query) {
  const parts = normalize(query)
    .split(" ")
    .map(text => {
      const folded = fold(text);
      return { text, folded, keys: words(text).map(([s, e]) => folded.slice(s, e)), thai: THAI.test(text) };
    })
    .filter(part => part.keys.length > 0);
  return parts.map((part, i) => ({ ...part, typing: i === parts.length - 1 }));
}

/* Where a query part occurs in a field: whole-word sequences first, then the literal text. */
function occurrences(field, part) {
  const found = new Map();
  const count = part.keys.length;
  for (let i = 0; i + count <= field.keys.length; i++) {
    let end = -1;
    for (let j = 0; j < count; j++) {
      const key = field.keys[i + j];
      const wanted = part.keys[j];
      const last = j === count - 1;
      if (key === wanted) end = field.spans[i + j][1];
      else if (last && part.typing && key.startsWith(wanted)) end = field.spans[i + j][0] + wanted.length;
      else {
        end = -1;
        break;
      }
    }
    if (end !== -1) found.set(field.spans[i][0], { start: field.spans[i][0], end, whole: true });
  }
  if (part.thai && part.folded.length >= 2) {
    for (let at = field.folded.indexOf(part.folded); at !== -1; at = field.folded.indexOf(part.folded, at + 1)) {
      const end = at + part.folded.length;
      if (!found.has(at)) found.set(at, { start: at, end, whole: field.starts.has(at) && (part.typing || field.ends.has(end)) });
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
