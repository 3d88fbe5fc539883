"""Cells and paragraphs as offices type them: lists numbered ``๑.`` or ``1)``, dashed or bulleted,
within one line or one per line; Thai or Arabic digits; HTML pasted from a web page (``<p>``,
``<ol style=…>``); spaces doubled to line text up.
"""

from __future__ import annotations

import html
import re

from ...thai.dates import to_arabic_digits

_BLOCK_TAG = re.compile(r"</?(?:p|li|ol|ul|div|br)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
_DIGIT = "0-9๐-๙"
_MARKER = re.compile(rf"(?:(?<=\s)|^)\(?([{_DIGIT}]{{1,2}})[.)](?![{_DIGIT}])\s*")
"""``๑.``, ``2)``, ``(3)``: a list number, never the ``5`` of ``99.50`` nor ``๓.๑``'s first part."""
_DASH = re.compile(r"(?:(?<=\s)|^)[-–•●▪■◆❖➢✓*]\s*")
_SCORE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)(?![\d.])")


def clean(text: str) -> str:
    """Tags dropped (a block tag ends a line), entities read, spaces single, blank lines gone."""
    text = html.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub("\n", text)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """A title or a short value: its lines joined by spaces."""
    return " ".join(clean(text).split("\n"))


def strip_number(text: str) -> str:
    """``๑. การสร้างความรู้…`` → ``การสร้างความรู้…``."""
    return _MARKER.sub("", text.strip(), count=1).strip() if _MARKER.match(text.strip()) else text.strip()


def leading_number(text: str) -> int | None:
    match = _MARKER.match(text.strip())
    return int(to_arabic_digits(match[1])) if match else None


def list_items(text: str) -> list[str]:
    """The items of a cell: a line each, or split at ``1. … 2. …`` / ``- … - …`` within a line.

    Numbers split only when they count up from the first (1, 2, 3…), so ``ข้อ ๑๑`` or a year never
    does; a dash splits only when the text begins with one (``ผลผลิต - ผลลัพธ์`` is one item).
    """
    lines = clean(text).split("\n")
    numbered = [line for line in lines if leading_number(line) is not None]
    items: list[str] = []
    for line in lines:
        parts = _split_numbered(line) or _split_dashed(line) or [line]
        items.extend(parts)
    if len(numbered) >= 1 and len(numbered) < len(lines):
        # Lines under a numbered item that are not numbered themselves continue it (a wrapped
        # paragraph, or the item's own sub-points), as the office reads it.
        items = _fold_under_numbers(lines)
    return [item for item in (i.strip() for i in items) if item]


def _split_numbered(line: str) -> list[str]:
    markers = list(_MARKER.finditer(line))
    if not markers or markers[0].start() != 0:
        return []
    expected, cuts = int(to_arabic_digits(markers[0][1])), []
    for marker in markers:
        if int(to_arabic_digits(marker[1])) == expected:
            cuts.append(marker)
            expected += 1
    pieces = [line[cut.end() : (cuts[i + 1].start() if i + 1 < len(cuts) else len(line))] for i, cut in enumerate(cuts)]
    return [piece.strip() for piece in pieces]


def split_numbered_cell(text: str) -> list[str]:
    """A cell's numbered items (``๑.… ๒.…``, on one line or several), dashes left inside them; the
    whole cell as one item when it is not numbered."""
    joined = " ".join(clean(text).split("\n"))
    return _split_numbered(joined) or [joined]


def _split_dashed(line: str) -> list[str]:
    if not _DASH.match(line):
        return []
    return [piece.strip() for piece in _DASH.split(line) if piece.strip()]


def _fold_under_numbers(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        if leading_number(line) is not None or not items:
            items.extend(_split_numbered(line) or _split_dashed(line) or [line])
        else:
            items[-1] = f"{items[-1]}\n{line}"
    return items


def split_units(text: str) -> list[str]:
    """Responsible units: one per line, comma or list number (``๑.สำนักปลัด ๒.กองคลัง``)."""
    units: list[str] = []
    for item in list_items(text):
        units.extend(piece.strip() for piece in re.split(r"\s*[,،/]\s*|\n", item) if piece.strip())
    return units


def scores_in(text: str) -> list[float]:
    """The scores written in a text (Thai or Arabic digits), in order."""
    return [float(found) for found in _SCORE.findall(to_arabic_digits(text)) if 0 <= float(found) <= 100]


def score_cell(text: str) -> float | None:
    """A cell that holds only a score (``๙๓.๔๖``, ``100``, ``85.02 คะแนน``), else None."""
    cleaned = to_arabic_digits(one_line(text)).replace("คะแนน", "").strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,2})?", cleaned) and float(cleaned) <= 100:
        return float(cleaned)
    return None


def squeezed(text: str) -> str:
    """For comparing headings: no spaces, Arabic digits."""
    return re.sub(r"\s+", "", to_arabic_digits(clean(text)))
