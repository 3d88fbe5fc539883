"""Pages without the theme's indentation: a fifth less HTML for a reader on a phone plan.

Material's templates indent every navigation entry; on a site of many years those spaces are most of
what a page carries outside its article. A run of whitespace between or inside tags is one space or
one line break to a browser anyway, so it is written as one; ``<pre>``, ``<textarea>``, scripts and
styles, where whitespace is content, are left as they are.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
# Each pattern below starts with a literal character, which the regular-expression engine finds by a
# fast scan, and is replaced by a constant string. One pattern for every run ([ \t\r\n]+, with a
# function choosing the replacement) is tried at every position and calls back into Python for each
# run: three times slower over a page, a second of a 1,000-page build.
_LINE_BREAK_AND_BLANKS = re.compile(r"\n[ \n]+")
_SPACES_AND_LINE_BREAK = re.compile(r" +\n")
_SPACES = re.compile(r"  +")


def collapse_whitespace(html: str) -> str:
    """``html`` with every run of spaces and line breaks outside kept elements written as one."""
    pieces = _KEPT.split(html)  # text, kept element, its tag name, text, …
    for index in range(0, len(pieces), 3):
        pieces[index] = _collapse_runs(pieces[index])
    del pieces[2::3]  # the tag names, captured only to find where each kept element ends
    return "".join(pieces)


def _collapse_runs(text: str) -> str:
    """Each run of spaces, tabs, carriage returns and line breaks as one line break if it holds one,
    else as one space."""
    if "\t" in text or "\r" in text:
        # A tab or a carriage return stands in a run as a space would: the runs stay the same.
        text = text.replace("\t", " ").replace("\r", " ")
    text = _LINE_BREAK_AND_BLANKS.sub("\n", text)  # a run's first line break and all after it
    if " \n" in text:
        text = _SPACES_AND_LINE_BREAK.sub("\n", text)  # the spaces before that line break
    if "  " in text:
        text = _SPACES.sub(" ", text)  # runs without a line break
    return text
