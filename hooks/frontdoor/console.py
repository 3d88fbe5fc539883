"""Text for people: Thai and English, readable in any console.

Windows consoles still default to a legacy code page (874 for Thai, 437 or 1252 elsewhere); Python
writes to a redirected stream in that code page and fails on Thai. Every stream of the front door and
of the programs it starts is therefore UTF-8, whatever the code page (``ita.cmd`` also switches the
console itself to UTF-8 with ``chcp 65001``).
"""

from __future__ import annotations

import io
import sys

CHILD_ENVIRONMENT = {"PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
"""Set for every Python the front door starts, and inherited by the ones those start (MkDocs)."""


def utf8_streams() -> None:
    """Standard output and error as UTF-8; a character the stream cannot take is escaped, never fatal."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def say(thai: str, english: str) -> None:
    """A message to the person at the keyboard: the Thai line first, then the English one."""
    print(f"{thai}\n{english}", file=sys.stderr, flush=True)
