"""Shortcuts in rendering answer as the longer ways they skip: a table cell without a line break or a
bare ``|`` to replace, a one-line text under which no list can start."""

from __future__ import annotations

import itertools
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from itagen.records.values import MarkdownText
from itagen.render.escaping import _LIST_LINE, lists_after_text, to_markdown
from itagen.render.print_document import _cell

_TEXT = st.text(alphabet="ab ก1.-+*|\\\n\t<>&[]", max_size=25) | st.text(max_size=25)


def _cell_every_pass(texts: list[Any]) -> Markup:
    """``_cell`` as it was written before its shortcut."""

    def one(text: Any) -> str:
        return re.sub(r"(?<!\\)\|", r"\\|", " ".join(str(to_markdown(text)).split("\n")))

    if len(texts) == 1:
        return Markup(one(texts[0]))
    return Markup("<br>".join(f"{n}. {one(text)}" for n, text in enumerate(texts, start=1)))


def _lists_after_text_every_pass(text: str) -> str:
    """``lists_after_text`` as it was written before its shortcut."""
    lines = text.split("\n")
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        paragraph = previous.strip() and not previous.startswith((" ", "\t"))
        if _LIST_LINE.match(line) and paragraph and not _LIST_LINE.match(previous):
            out.append("")
        out.append(line)
    return "\n".join(out)


@settings(max_examples=2000)
@given(st.lists(_TEXT | _TEXT.map(MarkdownText), min_size=1, max_size=3))
def test_a_cell_is_what_it_was(texts: list[Any]) -> None:
    assert _cell(texts) == _cell_every_pass(texts)


@settings(max_examples=2000)
@given(_TEXT)
def test_lists_start_after_text_as_they_did(text: str) -> None:
    assert lists_after_text(text) == _lists_after_text_every_pass(text)
