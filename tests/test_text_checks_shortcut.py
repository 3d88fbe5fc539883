"""Reading a text field in one search, when the text has nothing to change or report, gives the same
text and the same problem as every pass (``load/text_checks.py``: ``read_text``).

A 1,000-page site reads 130,000 texts; most are Thai or numbers with no control, invisible or
direction character, and skip the passes. Skipping must never keep such a character or its report.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import DEMO_DATA, example_dirs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from itagen.load.text_checks import MAX_TEXT_CHARS, read_text, read_text_every_pass
from itagen.source.yaml_file import load_yaml_file

# Characters each pass treats apart (breaks, invisibles, controls, direction marks, white space
# that strip() removes, Thai tone marks and vowels that swap), and ordinary ones around them.
TRICKY = (
    "\x00\x07\x08\t\n\x0b\x0c\r\x0e\x1c\x1f\x7f\x85\x9f\xa0\xad \u200b\u2060\ufeff\u202a\u202e\u2066\u2069"
    "\u0e48\u0e49\u0e31\u0e34\u0e38\u0e01\u0e40#`<>[]-*1. aก"
)


@settings(max_examples=4000)
@given(st.text(alphabet=st.sampled_from(TRICKY)) | st.text(), st.booleans())
@example("เย่ียม", False)
@example(" \x0bข้อความ\x0c ", True)
@example("\x1c", False)
@example("ก\u202eข", False)
@example("a" * (MAX_TEXT_CHARS + 1), False)
@example("#\n" * 101, True)
@example("[" * 501, True)
def test_the_shortcut_reads_as_every_pass_does(typed: str, markdown: bool) -> None:
    assert read_text(typed, markdown=markdown) == read_text_every_pass(typed, markdown=markdown)


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(t for v in value.values() for t in _texts(v))]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("data_dir", [DEMO_DATA, *example_dirs()], ids=lambda p: p.name)
def test_every_text_of_the_data_reads_as_every_pass_reads_it(data_dir: Any) -> None:
    texts = [t for path in sorted(data_dir.rglob("*.yml")) for t in _texts(load_yaml_file(path))]
    assert texts
    for text in texts:
        for markdown in (False, True):
            assert read_text(text, markdown=markdown) == read_text_every_pass(text, markdown=markdown)
