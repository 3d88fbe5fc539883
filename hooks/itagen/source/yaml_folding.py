"""YAML's folded text (``>``) for Thai: a line break between two Thai words joins them without a space.

YAML folds each line break inside a paragraph into a space. In Thai a space is a pause between
phrases, not between words, so ``แต่ละ`` at the end of one line and ``กระบวนงาน`` at the start of
the next must become ``แต่ละกระบวนงาน``. Other breaks (Latin words, digits, after ฯ or ๆ, blank
lines) fold as YAML says. Only plainly indented blocks are refolded; anything unusual keeps YAML's
own result. A break that stands for a phrase space is written inside quotes ("…"), where YAML
folds every break into a space.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^>[-+]?[1-9]?[-+]?(?:\s+#.*)?$")


def _thai(character: str) -> bool:
    """A Thai letter, vowel or mark: not a Thai digit, ฯ or ๆ, after which Thai writing puts a space."""
    return ("\u0e01" <= character <= "\u0e3a" or "\u0e40" <= character <= "\u0e4e") and character not in "\u0e2f\u0e46"


def refold_thai(block: str, folded: str) -> str:
    """``folded`` (YAML's value of the ``>`` scalar whose source is ``block``) with Thai-to-Thai
    breaks joined; ``folded`` itself when the block is not a plain one."""
    lines = block.split("\n")
    if not lines or not _HEADER.match(lines[0].strip()):
        return folded
    body = lines[1:]
    while body and not body[-1].strip():
        body.pop()
    content = [line for line in body if line.strip()]
    if not content:
        return folded
    indent = min(len(line) - len(line.lstrip(" ")) for line in content)
    if any(len(line) - len(line.lstrip(" ")) != indent or line != line.rstrip() for line in content):
        return folded  # more-indented or trailing-space lines: YAML keeps their breaks its own way
    joined, as_yaml = "", ""
    previous_blank = True
    for line in body:
        text = line[indent:] if line.strip() else ""
        if not text:
            joined += "\n"
            as_yaml += "\n"
            previous_blank = True
            continue
        if not previous_blank:
            glue = "" if _thai(joined[-1]) and _thai(text[0]) else " "
            joined += glue
            as_yaml += " "
        joined += text
        as_yaml += text
        previous_blank = False
    # Blank lines between paragraphs: YAML gives n - 1 breaks for n blank lines after a line.
    joined = re.sub(r"\n(\n+)", r"\1", joined)
    as_yaml = re.sub(r"\n(\n+)", r"\1", as_yaml)
    if folded.rstrip("\n") != as_yaml:
        return folded  # our reading of the block differs from YAML's: keep YAML's
    return joined + folded[len(as_yaml) :]
