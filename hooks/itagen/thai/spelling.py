"""Thai text as keyboards type it and as it should be stored: marks in their canonical order.

A tone mark typed before the vowel above the same consonant (``เย่ียม`` for ``เยี่ยม``) looks the same
on screen in most fonts, but compares unequal, so a level name or a search word would not be found.
"""

from __future__ import annotations

import re

_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_VOWELS_ABOVE_AND_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
_TONE_BEFORE_VOWEL = re.compile(f"([{_TONE_MARKS}])([{_VOWELS_ABOVE_AND_BELOW}])")
_LEVEL_WORD = re.compile(r"^\s*ระดับ\s*")


def canonical_mark_order(text: str) -> str:
    """Put a vowel above or below its consonant before the tone mark, as Thai is stored."""
    return _TONE_BEFORE_VOWEL.sub(r"\2\1", text)


def level_name(text: str) -> str:
    """``ระดับ ผ่าน ดีเยี่ยม`` → ``ผ่านดีเยี่ยม``; ``aa`` → ``AA``: a level as NACC names it."""
    name = canonical_mark_order(_LEVEL_WORD.sub("", text))
    name = "".join(name.split())
    return name.upper() if name.isascii() else name
