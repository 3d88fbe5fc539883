"""Checks on text from data before it may go on a page: stray HTML, dangerous links, sheer size.

Text fields are plain text or Markdown. Nothing in them may become markup on a page: the harmless
formatting tags that Word pastes are turned into line breaks, links may only use http(s), mailto
and tel, and images may not come from other websites. What remains is escaped when printed
(``render/escaping.py``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import urlsplit

from ..thai.spelling import canonical_mark_order

# Tags that Word and web editors paste around cells: they carry layout, never content.
_LAYOUT_TAGS = {"p", "br", "b", "strong", "i", "em", "u", "ol", "ul", "li", "span", "div", "font"}
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>")
_BREAKING_TAGS = {"p", "div", "br", "li", "ol", "ul"}

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# A destination may hold one level of parentheses: javascript:alert(1) is reported whole.
_MD_INLINE_TARGET = re.compile(r"\]\(\s*<?((?:[^()>]|\([^()]*\))*)")
_MD_REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+)", re.MULTILINE)
_AUTOLINK_TARGET = re.compile(r"<([^<>\s]+:[^<>]*)>")
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f]+")


def strip_layout_tags(text: str) -> tuple[str, bool]:
    """Remove pasted layout tags; return the text and whether any were found.

    Other tags (``<script>``, ``<img>``) are left in place, to be shown as text by the escaper.
    """
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        name = match[1].lower()
        if name not in _LAYOUT_TAGS:
            return match[0]
        found = True
        return "\n" if name in _BREAKING_TAGS else ""

    cleaned = _TAG.sub(replace, text)
    if found:
        cleaned = "\n".join(line.strip() for line in cleaned.split("\n"))
        cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip()
    return cleaned, found


_MD_IMAGE_TARGET = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def remote_image_targets(text: str) -> list[str]:
    """Markdown images that would make a reader's browser call another origin (``![x](https://…)``)."""
    return [t for t in _MD_IMAGE_TARGET.findall(text) if re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:|//)", t.strip())]


def unsafe_link_targets(text: str) -> list[str]:
    """Link targets in ``text`` whose scheme is not http(s), mailto or tel (``javascript:``…)."""
    targets = [
        *_MD_INLINE_TARGET.findall(text),
        *_MD_REFERENCE_TARGET.findall(text),
        *_AUTOLINK_TARGET.findall(text),
    ]
    unsafe = []
    for target in targets:
        # Browsers ignore tabs and newlines inside a URL, so "java\tscript:" is still a script.
        squeezed = _INVISIBLE.sub("", html.unescape(target))
        scheme = _SCHEME.match(squeezed)
        if scheme and scheme[1].lower() not in SAFE_SCHEMES:
            unsafe.append(target.strip())
    return list(dict.fromkeys(unsafe))  # <javascript:x> is both an autolink and a target: report once


MAX_TEXT_CHARS = 50_000
"""No field of a web page needs more; a longer one is a pasted document (attach it instead)."""
MAX_MARKDOWN_BRACKETS = 500
"""Python-Markdown takes quadratic time over unmatched "[": 20,000 of them would stall the build."""
MARKDOWN_LIMITS: list[tuple[re.Pattern[str], int, str, str]] = [
    (re.compile(r"^\s{0,3}#", re.MULTILINE), 100, "บรรทัดหัวข้อ #", "heading lines (#)"),
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])(?:\s|$)", re.MULTILINE), 2000, "บรรทัดรายการ", "list lines"),
    (re.compile(r"`"), 2000, "เครื่องหมาย `", "backticks (`)"),
    (re.compile(r"<"), 2000, "เครื่องหมาย <", "< signs"),
    (re.compile(r">"), 2000, "เครื่องหมาย >", "> signs"),
]
"""Python-Markdown slows quadratically over long runs of some constructs (25,000 empty headings take
20 seconds): no real field comes near these counts."""
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Characters that reorder the text shown around them: they can make a link or a number read as
something else, and nobody types them in Thai."""
_REMOVABLE_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
"""Zero-width space, word joiner, byte-order mark, soft hyphen: Thai editors insert them, a reader
never sees them, and removing them changes nothing but searches that would otherwise miss."""


# Word pastes its manual line break as a vertical tab and a page break as a form feed: both are new lines.
_WORD_LINE_BREAKS = re.compile(r"[\x0b\x0c]")
_REPLACED_OR_REPORTED = re.compile(
    "|".join(p.pattern for p in (_WORD_LINE_BREAKS, _REMOVABLE_INVISIBLE, _CONTROL_CHARACTER, _DIRECTION_CONTROL))
)
"""Any character that reading a text replaces, removes or reports: one search finds that most text has none."""


def without_invisible(text: str) -> str:
    return _REMOVABLE_INVISIBLE.sub("", text)


def read_text(typed: str, *, markdown: bool) -> tuple[str, tuple[str, str] | None]:
    """The text a field keeps of what was typed (Word's line breaks as new lines, removable invisible
    characters gone, Thai marks in order, no white space around it), and why it cannot go on a page
    (Thai, English) or None. Text with none of the characters the passes change or report (most
    of it) goes through one search instead of each pass; ``read_text_every_pass`` is the reference."""
    if _REPLACED_OR_REPORTED.search(typed) is None:
        text = canonical_mark_order(typed).strip()
        return text, _size_problem(text, markdown=markdown)
    return read_text_every_pass(typed, markdown=markdown)


def read_text_every_pass(typed: str, *, markdown: bool) -> tuple[str, tuple[str, str] | None]:
    """``read_text`` without its shortcut (the tests hold the two to the same answers)."""
    text = canonical_mark_order(without_invisible(_WORD_LINE_BREAKS.sub("\n", typed))).strip()
    return text, unusable_text(text, markdown=markdown)


def invisible_characters(text: str) -> list[str]:
    """Characters of ``text`` that show nothing: format and control characters, in order, once each."""
    return list(dict.fromkeys(c for c in text if unicodedata.category(c) in ("Cf", "Cc")))


def without_hidden(text: str) -> str:
    """``text`` as it looks on screen: without the characters ``invisible_characters`` finds."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))


def unusable_text(text: str, *, markdown: bool) -> tuple[str, str] | None:
    """Why a text cannot go on a page (Thai, English), or None: invisible characters, sheer size."""
    for pattern, kind in (
        (_CONTROL_CHARACTER, ("อักขระควบคุม", "control character")),
        (_DIRECTION_CONTROL, ("อักขระกำหนดทิศทาง", "direction control")),
    ):
        if found := pattern.search(text):
            shown, position = describe_character(found[0]), found.start() + 1
            return (
                f"ข้อความมี{kind[0]}ที่มองไม่เห็น {shown} ที่ตำแหน่ง {position} ซึ่งมักติดมาจากการคัดลอก ลบออก",
                f"the text contains an invisible {kind[1]} {shown} at position {position}, usually pasted by accident; remove it",
            )
    return _size_problem(text, markdown=markdown)


def _size_problem(text: str, *, markdown: bool) -> tuple[str, str] | None:
    """Why a text is too large for a page, or has too many of a construct Markdown is slow over."""
    if len(text) > MAX_TEXT_CHARS:
        return (
            f"ข้อความยาวเกินไป ({len(text):,} ตัวอักษร เกิน {MAX_TEXT_CHARS:,}) ให้แนบเป็นเอกสารแทน",
            f"the text is too long ({len(text):,} characters, over {MAX_TEXT_CHARS:,}); attach it as a document instead",
        )
    if markdown and text.count("[") > MAX_MARKDOWN_BRACKETS:
        return (
            f"ข้อความมีวงเล็บ [ มากเกินไป ({text.count('[')} ตัว เกิน {MAX_MARKDOWN_BRACKETS}) ลิงก์เขียนแบบ [ข้อความ](https://…)",
            f"the text has too many [ brackets ({text.count('[')}, over {MAX_MARKDOWN_BRACKETS}); a link is written [text](https://…)",
        )
    for pattern, limit, thai, english in MARKDOWN_LIMITS if markdown else []:
        # Each construct takes a character at least: a text no longer than the limit is within it.
        if len(text) > limit and (count := len(pattern.findall(text))) > limit:
            return (
                f"ข้อความมี{thai}มากเกินไป ({count:,} เกิน {limit:,}) ซึ่งทำให้สร้างหน้าเว็บช้ามาก ให้แนบเป็นเอกสารแทน",
                f"the text has too many {english} ({count:,}, over {limit:,}), which would stall the build; attach it as a document instead",
            )
    return None


MAX_URL_CHARS = 2000
"""Longer addresses break in some browsers and cannot be typed into ITAS; no real one is this long."""
_URL_BREAKERS = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f-\x9f]")
"""Characters that would end an HTML attribute, a Markdown link or a script string the address is
printed into; none of them belongs in an address (a space is written %20)."""
_HOST = re.compile(r"^(?:[\w-]+\.)*[\w-]+$")


def url_problem(text: str, *, contact: bool) -> tuple[str, str] | None:
    """Why ``text`` is not a safe http(s) address (or mailto:/tel: when ``contact``), in Thai and
    English; None when it is. Parsed, not pattern-matched: the address may end up in MkDocs' own
    settings, which print it unescaped."""
    if breaker := _URL_BREAKERS.search(text):
        shown = describe_character(breaker[0])
        space = breaker[0].isspace()
        return (
            f"ที่อยู่เว็บมีอักขระ {shown} ซึ่งใช้ในที่อยู่เว็บไม่ได้" + (" (เว้นวรรคให้เขียนเป็น %20)" if space else ""),
            f"the address contains {shown}, which no address may hold" + (" (write a space as %20)" if space else ""),
        )
    if len(text) > MAX_URL_CHARS:
        return (
            f"ที่อยู่เว็บยาวเกินไป ({len(text):,} ตัวอักษร เกิน {MAX_URL_CHARS:,})",
            f"the address is too long ({len(text):,} characters, over {MAX_URL_CHARS:,})",
        )
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if contact and scheme in ("mailto", "tel") and parts.path:
        return None
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    host = parts.hostname or ""
    if scheme not in ("http", "https") or not _HOST.match(host) or "@" in parts.netloc or not port_ok:
        return (
            "ที่อยู่เว็บต้องขึ้นต้นด้วย https:// ตามด้วยชื่อเว็บไซต์ เช่น https://www.example.go.th/",
            "an address is https:// followed by the site's name, such as https://www.example.go.th/",
        )
    return None


def describe_character(character: str) -> str:
    """``«"» (U+0022 QUOTATION MARK)``: a character named so that an invisible one can be found too."""
    name = unicodedata.name(character, "CONTROL CHARACTER")
    shown = f"«{character}» " if character.isprintable() and not character.isspace() else ""
    return f"{shown}(U+{ord(character):04X} {name})"
