"""Heading anchors that keep Thai readable.

Python's ``\\w`` does not match Thai vowel and tone marks (Unicode categories Mn/Mc), so the usual
slugifiers turn "ปีงบประมาณ" into "ปงบประมาณ". Here marks are kept with their letters.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\-]+")


def _keeps(character: str) -> bool:
    return character.isalnum() or character in "-_ " or unicodedata.category(character) in ("Mn", "Mc")


def thai_slugify(text: str, separator: str) -> str:
    """``ปีงบประมาณ พ.ศ. 2568`` → ``ปีงบประมาณ-พศ-2568``; HTML tags inside a heading are dropped."""
    text = re.sub(r"<[^>]+>", "", unicodedata.normalize("NFC", text)).strip().lower()
    kept = "".join(c for c in text if _keeps(c))
    return _SPACES.sub(separator, kept).strip(separator)
