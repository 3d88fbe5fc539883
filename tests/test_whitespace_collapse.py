"""Collapsing a page's whitespace in a few literal-led passes answers as the one-pattern definition did.

``collapse_whitespace`` runs on every page of every build. It was first written as one regular
expression over every run of whitespace with a function choosing its replacement; that definition is
kept here as the reference, and the faster passes must give the same text for any input: random
mixes of whitespace, letters and tags, and the real pages of the demo as plain MkDocs writes them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_DATA, PROJECT_ROOT
from hypothesis import example, given, settings
from hypothesis import strategies as st

from itagen.publish.page_weight import collapse_whitespace

_REFERENCE_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_REFERENCE_RUN = re.compile(r"[ \t\r\n]+")


def reference_collapse(html: str) -> str:
    """The first definition: every run outside kept elements as a line break if it holds one, else a space."""
    pieces = _REFERENCE_KEPT.split(html)
    out = []
    for index in range(0, len(pieces), 3):
        out.append(_REFERENCE_RUN.sub(lambda run: "\n" if "\n" in run[0] else " ", pieces[index]))
        if index + 1 < len(pieces):
            out.append(pieces[index + 1])
    return "".join(out)


PIECES = [
    *[" ", "  ", "\t", "\r", "\n", "\r\n", " \n ", "\n\n", "\t \n"],
    # Whitespace to Python (str.split) but not to HTML: must stay as it is.
    *["\xa0", "\u3000", "\x0b", "\x0c", "\x85"],
    *["a", "ก", "๑", ";", "/", "<", ">", "="],
    *["<p>", "</p>", "<prelude>", "<li class=x>", "</li >"],
    *["<pre>", "</pre>", "<PRE class=x>", "</pre >", "<textarea>", "</textarea>"],
    *["<script>", "</script>", "<Script src=a>", "</SCRIPT\n>", "<style>", "</style>", "</style\t>"],
]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text())
@example("")
@example(" \t\r\n ")
@example("a \n  \n\tb  c\t\td\r\n")
@example("<ul>\n  <li>x  </li>\n</ul>\n<pre>  a\n  b </pre>  \n <script>var  x;\n  </script>\n  end ")
@example("<PRE>  a  </pre>  <pre>\n</PRE >  x  ")
def test_the_passes_answer_as_the_reference_does(html: str) -> None:
    assert collapse_whitespace(html) == reference_collapse(html)


@pytest.fixture(scope="module")
def plain_demo_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The demo's pages as plain MkDocs writes them from the engine's Markdown: the theme's
    indentation, inline scripts and all, before any hook collapses their whitespace."""
    work = tmp_path_factory.mktemp("plain-demo")
    export = [sys.executable, str(PROJECT_ROOT / "hooks" / "write_markdown.py"), "--data", str(DEMO_DATA)]
    subprocess.run([*export, "--out", str(work / "markdown")], capture_output=True, check=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")],
        cwd=work / "markdown",
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        check=True,
    )
    return sorted((work / "site").rglob("*.html"))


def test_real_pages_collapse_as_the_reference_does(plain_demo_pages: list[Path]) -> None:
    assert len(plain_demo_pages) > 30
    for page in plain_demo_pages:
        html = page.read_text(encoding="utf-8")
        collapsed = collapse_whitespace(html)
        assert collapsed == reference_collapse(html), page
        assert len(collapsed) < len(html), page  # the theme's indentation is there to collapse
