"""The escaping shortcut for text with nothing to escape gives the same answer as every pass.

Half a million values pass through ``escape_plain`` on a 1,000-page site; most are Thai text or
numbers that escaping leaves alone, so they skip its passes. Skipping must never let syntax through.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from itagen.render.escaping import escape_every_pass, escape_plain

SYNTAX = "&<>\"'{}\\`*_[]#|!~^-+.1 \n\tก๑"


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(SYNTAX)) | st.text())
@example("1. ข้อแรก")
@example("ข้อความ\n  - รายการ")
@example("+66 2 123 4567")
@example("ปกติ\n12. สิบสอง")
@example("{: onclick=alert(1) }")
def test_the_shortcut_answers_as_every_pass_does(text: str) -> None:
    assert escape_plain(text) == escape_every_pass(text)


def test_plain_thai_and_numbers_take_the_shortcut_unchanged() -> None:
    for text in ["เทศบาลตำบลทดสอบ", "2568", "คะแนน 85.27", "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2568"]:
        assert escape_plain(text) == text
