"""Signature blocks: ``(นางสาวปราณี จันทไชย)`` with ``ตำแหน่ง …`` under it, a role (``ผู้จัดทำ``) or a
rank (``จ.อ.``) above it, or ``ลงชื่อ……ยุวดี อุเทนสุต……ผู้จัดทำ`` as the line to sign on.

Only a name in parentheses followed by a position is a signatory: the signature image above it
is lost, and nothing else in a measures document is written so.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import Paragraph
from .review import Review
from .text import one_line

_NAME = re.compile(r"^\(\s*([ก-๏][ก-๏\s.]{2,60}?)\s*\)$")
"""A name in Thai letters (a rank's dots allowed): ``(ITA)`` or ``(พ.ศ. ๒๕๖๕)`` is not one."""
_POSITION = re.compile(r"^ตำแหน่ง\s*(.+)$")
_ROLE = re.compile(r"^(ผู้[ก-๛]{2,20})$")
_SIGN_LINE = re.compile(r"^ลงชื่อ[\s.…_]*.*?[.…_]+\s*(ผู้[ก-๛]{2,20})?\s*$")
_RANK = re.compile(r"^(?:[ก-ฮ]{1,3}\.){1,3}(?:\s*[ก-ฮ]{1,3}\.)?$")
"""``จ.อ.``, ``ว่าที่ ร.ต.`` is read by ``_PREFIX_WORDS``."""
_PREFIX_WORDS = re.compile(r"^ว่าที่\s*(?:[ก-ฮ]{1,3}\.){1,3}$")
_LONGEST_POSITION = 90


def read_signatories(paragraphs: list[Paragraph], review: Review) -> list[tuple[int, dict[str, Any]]]:
    """Each signatory with the number of the paragraph of its name."""
    texts = [(p.number, one_line(p.text)) for p in paragraphs]
    filled = [(number, text) for number, text in texts if text]
    signatories: list[tuple[int, dict[str, Any]]] = []
    for index, (number, text) in enumerate(filled):
        name = _NAME.match(text)
        if name is None or index + 1 >= len(filled):
            continue
        next_number, next_text = filled[index + 1]
        position = _POSITION.match(next_text)
        if position is not None:
            written = position[1].strip()
        elif len(next_text) <= _LONGEST_POSITION and not _NAME.match(next_text) and not next_text.startswith("ลงชื่อ"):
            written = next_text
        else:
            continue
        signatory: dict[str, Any] = {}
        used = {number, next_number}
        # Above the name: a rank (จ.อ.), and above that, or instead, the role or the line to sign on.
        above_index = index - 1
        if above_index >= 0 and (_RANK.match(filled[above_index][1]) or _PREFIX_WORDS.match(filled[above_index][1])):
            signatory["prefix"] = filled[above_index][1]
            used.add(filled[above_index][0])
            above_index -= 1
        if above_index >= 0:
            above_number, above = filled[above_index]
            role = _ROLE.match(above)
            sign = _SIGN_LINE.match(above)
            if role is not None:
                signatory["role"] = role[1]
                used.add(above_number)
            elif sign is not None:
                if sign[1]:
                    signatory["role"] = sign[1]
                used.add(above_number)
        signatory["name"] = " ".join(name[1].split())
        signatory["position"] = " ".join(written.split())
        review.used_paragraphs.update(used)
        signatories.append((number, signatory))
    return signatories
