/*
 * Thai-aware search worker for Material for MkDocs' search box (ITA disclosure sites).
 *
 * Material's own worker (lunr) splits text only at spaces, and Thai puts no spaces between words,
 * so a word in the middle of a Thai run is never found. This worker speaks the same messages as
 * Material's (SETUP, READY, QUERY, RESULT), so Material's search box, keyboard handling and result
 * list stay as they are; only the matching changes:
 *
 * - the page text and the query are cut into words by ONE segmenter, the browser's
 *   Intl.Segmenter("th"), in this worker, so both sides always agree on where words begin and end;
 * - a query word matches the same sequence of words on the page (the last word of the query may be
 *   the beginning of a word, so results appear while typing);
 * - a segmenter may still cut a word differently inside a sentence than on its own, so the literal
 *   text is searched too: a Thai word printed on a page is always found, ranked below whole-word
 *   matches; a string that is on no page (nonsense) finds nothing;
 * - ranking: title over text, whole words over parts of words, rarer words over common ones.
 *
 * The index comes in pieces (hooks/itagen/publish/search_shards.py): nothing is fetched until the first
 * query; then the page table, and for each query the posting files of its letter pairs and the
 * entries of the pages that hold them all. Those are all the pages that can match, ranked exactly as
 * the whole index would rank them, up to BUDGET characters (a common word on a large site is ranked
 * among the first pages in the site's order); a single letter is looked for in page titles only.
 * A site built without the hooks (make markdown) hands the whole index in SETUP, as Material does,
 * and is searched whole.
 *
 * See docs-dev/search.md. No network beyond the site itself.
 */
"use strict";

importScripts("ita-search-text.js"); /* normalize, fold, words, plainText, prepareField, parseQuery, occurrences */

/* Material 9.x worker message types (integrations/search/worker/message). */
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

const FIELD_WEIGHT = { title: 6, text: 1 };
const PART_OF_WORD = 0.4; /* weight of a match that starts or ends inside a word */
const ARTICLE_BOOST = 1.2; /* a page's own entry over its sections, as Material does */
const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 150;
const BUDGET = 120000; /* characters of entries one query may read and cut into words: a tenth of a second */

let store = null; /* where entries come from: the whole index, or its pieces */

function saturate(x) {
  return x / (x + 1);
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function mark(text, spans, from, to) {
  let html = "";
  let at = from;
  for (const { start, end } of spans) {
    if (start < at || end > to) continue;
    html += escapeHtml(text.slice(at, start)) + "<mark data-md-highlight>" + escapeHtml(text.slice(start, end)) + "</mark>";
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/* A short piece of the text around its best match, so a phone shows why the result was found. */
function snippet(field, spans) {
  if (!field.shown) return "";
  const best = spans.find(span => span.whole) || spans[0];
  let from = 0;
  let to = Math.min(field.shown.length, SNIPPET_BEFORE + SNIPPET_AFTER);
  if (best) {
    from = Math.max(0, best.start - SNIPPET_BEFORE);
    to = Math.min(field.shown.length, best.end + SNIPPET_AFTER);
  }
  const space = field.shown.indexOf(" ", from); /* start the snippet at a word, not inside one */
  if (from > 0 && space !== -1 && space < best.start) from = space + 1;
  return "<p>" + (from > 0 ? "… " : "") + mark(field.shown, spans, from, to) + (to < field.shown.length ? " …" : "") + "</p>";
}

function scoreEntry(entry, parts, idf) {
  let score = 0;
  const spans = { title: [], text: [] };
  for (const [p, part] of parts.entries()) {
    let partScore = 0;
    for (const name of ["title", "text"]) {
      const found = occurrences(entry.fields[name], part);
      const weight = found.reduce((sum, occ) => sum + (occ.whole ? 1 : PART_OF_WORD), 0);
      partScore += FIELD_WEIGHT[name] * saturate(weight);
      spans[name].push(...found);
    }
    if (partScore === 0) return null; /* every part of the query must be found */
    score += partScore * idf[p];
  }
  if (entry.isArticle) score *= ARTICLE_BOOST;
  if (typeof entry.doc.boost === "number") score *= entry.doc.boost;
  return { score, spans };
}

const prepared = new Map(); /* each distinct title and text is cut into words once, on first need */

function fieldsOf(key, title, text) {
  let fields = prepared.get(key);
  if (!fields) {
    fields = { title: prepareField(title), text: prepareField(text) };
    prepared.set(key, fields);
  }
  return fields;
}

function makeEntry(number, doc, key) {
  return {
    number,
    doc,
    page: doc.location.split("#")[0],
    isArticle: !doc.location.includes("#"),
    get fields() {
      return fieldsOf(key, doc.title, doc.text);
    },
  };
}

/* Letter pairs as hooks/itagen/publish/search_shards.py indexes them: Thai, a–z, 0–9, after folding. */
function indexable(code) {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0x0e00 && code <= 0x0e7f);
}

function letterPairs(key) {
  const pairs = [];
  for (let i = 0; i + 1 < key.length; i++)
    if (indexable(key.charCodeAt(i)) && indexable(key.charCodeAt(i + 1))) pairs.push(key.slice(i, i + 2));
  return pairs;
}

function gramShard(pair, shards) {
  return (pair.charCodeAt(0) * 31 + pair.charCodeAt(1)) % shards;
}

/* The whole index handed over in SETUP (a site built without the hooks): every entry is a candidate. */
function wholeIndex(docs) {
  const entries = docs.map((doc, number) => makeEntry(number, doc, number));
  const articles = new Map();
  for (const entry of entries) if (entry.isArticle && !articles.has(entry.page)) articles.set(entry.page, entry);
  return {
    pages: new Set(entries.map(entry => entry.page)).size,
    article: page => articles.get(page),
    candidates: async parts => parts.map(() => entries),
  };
}

/* The index in pieces under search/ita/: fetched when a query needs them, kept for the next query. */
function shardedIndex(folder) {
  const files = new Map();
  const load = name => {
    if (!files.has(name)) {
      const url = new URL(name, folder);
      const json = fetch(url).then(response => {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return response.json();
      });
      json.catch(() => files.delete(name)); /* a failed piece is asked for again by the next query */
      files.set(name, json);
    }
    return files.get(name);
  };
  const three = n => String(n).padStart(3, "0");
  let head = null;
  const articles = new Map();
  /* pages.json: [location, the page's own title or null, file of its entries, place in it, extra] */
  const start = async () => {
    head = await load("pages.json");
    index.pages = head.pages.length;
    for (const [page, [location, title, , , extra]] of head.pages.entries())
      if (title !== null) articles.set(location, makeEntry(page, { location, title, text: "", ...extra }, "t" + location));
  };
  const postings = async pair => {
    const gaps = (await load(`grams-${three(gramShard(pair, head.grams))}.json`))[pair] || [];
    let at = 0;
    return gaps.map(gap => (at += gap));
  };
  const pageEntries = async page => {
    const [, , file, place] = head.pages[page];
    const rows = (await load(`entries-${three(file)}.json`))[place];
    return rows.map(([number, location, title, text, extra]) => makeEntry(number, { location, title, text, ...extra }, number));
  };
  const index = {
    pages: 0,
    article: page => articles.get(page),
    candidates: async parts => {
      if (!head) await start();
      /* Each part's pages: those holding every letter pair of its words (null: it has no pair). */
      const pages = await Promise.all(
        parts.map(async part => {
          const pairs = [...new Set(part.keys.flatMap(letterPairs))];
          if (!pairs.length) return null;
          const lists = await Promise.all(pairs.map(postings));
          lists.sort((a, b) => a.length - b.length);
          const others = lists.slice(1).map(list => new Set(list));
          return lists[0].filter(page => others.every(set => set.has(page)));
        }),
      );
      if (pages.every(list => list === null)) {
        /* Single letters only: every page has one, so they are looked for in the page titles only. */
        const titles = [...articles.values()];
        return parts.map(() => titles);
      }
      /* Every file the query's pages are in, if they hold at most BUDGET characters; otherwise the first
         files, in the site's order (its own pages, then the years newest first), that hold a page with
         every part, up to BUDGET: a common word on a large site is ranked among those pages only. */
      const fileOf = page => head.pages[page][2];
      const characters = files => [...files].reduce((sum, file) => sum + head.sizes[file], 0);
      const lists = pages.filter(list => list !== null);
      let known = [...new Set(lists.flat())].sort((a, b) => a - b);
      if (characters(new Set(known.map(fileOf))) > BUDGET) {
        const sets = lists.slice(1).map(list => new Set(list));
        const chosen = new Set();
        for (const page of lists[0]) {
          if (chosen.has(fileOf(page)) || !sets.every(set => set.has(page))) continue;
          if (chosen.size && characters(chosen) + head.sizes[fileOf(page)] > BUDGET) break;
          chosen.add(fileOf(page));
        }
        const kept = page => chosen.has(fileOf(page));
        known = known.filter(kept);
        for (const [p, list] of pages.entries()) if (list !== null) pages[p] = list.filter(kept);
      }
      const entriesOf = new Map(await Promise.all(known.map(async page => [page, await pageEntries(page)])));
      return pages.map(list => (list ?? known).flatMap(page => entriesOf.get(page)).sort((a, b) => a.number - b.number));
    },
  };
  return index;
}

function inverseFrequency(parts, lists) {
  return parts.map((part, p) => {
    const pages = new Set();
    for (const entry of lists[p])
      if (occurrences(entry.fields.title, part).length || occurrences(entry.fields.text, part).length) pages.add(entry.page);
    return Math.log(1 + store.pages / (1 + pages.size));
  });
}

/* Entries that are candidates for every part, in the index's order. */
function common(lists) {
  const [first, ...rest] = lists;
  const sets = rest.map(list => new Set(list.map(entry => entry.number)));
  return first.filter(entry => sets.every(set => set.has(entry.number)));
}

async function search(query) {
  const parts = parseQuery(query);
  if (!parts.length) return { items: [] };
  const lists = await store.candidates(parts);
  const idf = inverseFrequency(parts, lists);
  const terms = Object.fromEntries(parts.map(part => [part.text, true]));
  const groups = new Map();
  for (const entry of common(lists)) {
    const hit = scoreEntry(entry, parts, idf);
    if (!hit) continue;
    const byStart = (a, b) => a.start - b.start;
    const fields = entry.fields;
    const item = {
      ...entry.doc,
      title: mark(fields.title.shown, hit.spans.title.sort(byStart), 0, fields.title.shown.length),
      text: snippet(fields.text, hit.spans.text.sort(byStart)),
      score: hit.score,
      terms,
    };
    if (!groups.has(entry.page)) groups.set(entry.page, []);
    groups.get(entry.page).push(item);
  }
  const ranked = [...groups.entries()].map(([page, items]) => {
    items.sort((a, b) => b.score - a.score);
    if (!items.some(item => !item.location.includes("#"))) {
      const article = store.article(page);
      if (article) items.push({ ...article.doc, title: escapeHtml(article.fields.title.shown), text: "", score: 0, terms });
    }
    /* A page with several matching sections ranks a little above one with a single match. */
    const rank = items[0].score + 0.1 * items.slice(1).reduce((sum, item) => sum + item.score, 0);
    return { rank, items };
  });
  ranked.sort((a, b) => b.rank - a.rank);
  return { items: ranked.map(group => group.items) };
}

/* One query at a time; while one waits for its pieces, only the newest of the queries typed since is
   answered next, so typing never queues up. */
let waiting = null;
let busy = false;

async function answer() {
  busy = true;
  while (waiting !== null) {
    const query = waiting;
    waiting = null;
    let data;
    try {
      data = await search(query);
    } catch (error) {
      console.warn("search failed", error);
      data = { items: [] };
    }
    if (waiting === null) postMessage({ type: RESULT, data });
  }
  busy = false;
}

addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) {
    const { config, docs } = message.data;
    const pieces = config && typeof config.ita_shards === "string" && !(docs && docs.length);
    /* The site's root is three folders above this file (assets/javascripts/workers/). */
    store = pieces ? shardedIndex(new URL("../../../" + config.ita_shards, self.location.href)) : wholeIndex(docs || []);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    waiting = String(message.data);
    if (!busy) answer();
  }
});
