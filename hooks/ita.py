"""The project's one front door: ``python hooks/ita.py VERB [options]`` (Windows: ``ita VERB``).

    python hooks/ita.py --help            the verbs, in Thai and English
    python hooks/ita.py site --data data --out site
    python hooks/ita.py VERB --help       one verb's options

It needs only Python's standard library: it checks the Python, makes or repairs ``.venv`` from the
hashed lock (``frontdoor.bootstrap``), then runs the verb with the ``.venv`` Python. ``make`` and
``ita.cmd`` are thin callers of this file.

Until the version check below has passed, this file is read by whatever Python the user has, perhaps
a much older one: it keeps to syntax that Python 3.6 can still parse, so the answer is a sentence
about what to install rather than a SyntaxError.
"""

import os
import sys

NEEDED = (3, 11)
NEWER_PYTHONS = ("python3.13", "python3.12", "python3.11")
"""Asked for by name when the Python running this file is too old (Ubuntu 22.04 ships 3.10 as python3
beside an installable python3.11)."""


def newer_python() -> "str | None":
    """A Python 3.11+ found on PATH by its versioned name, or None."""
    import shutil

    for name in NEWER_PYTHONS:
        found = shutil.which(name)
        if found:
            return found
    return None


def too_old(executable: str, version: "tuple[int, ...]") -> str:
    """What to say when ``executable`` is Python ``version``, older than 3.11, and no newer one is found."""
    found = ".".join(str(part) for part in version[:3])
    lines = [
        f"Python ที่ใช้ ({executable}) เป็นรุ่น {found} แต่ต้องใช้ Python 3.11 ขึ้นไป",
        f"This Python ({executable}) is version {found}, but Python 3.11 or newer is needed.",
        "  Windows: ติดตั้ง Python รุ่นล่าสุดจาก https://www.python.org/downloads/ แล้วติ๊ก “Add python.exe to PATH”",
        "  Windows: install the latest Python from https://www.python.org/downloads/ and tick “Add python.exe to PATH”",
        "  Ubuntu 22.04: sudo apt install python3.11 python3.11-venv  (แล้ว / then: make site PYTHON=python3.11)",
        "  macOS: https://www.python.org/downloads/",
    ]
    return "\n".join(lines) + "\n"


def _say_bytes(text: str) -> None:
    stream = getattr(sys.stderr, "buffer", None)
    if stream is not None:  # UTF-8 bytes, whatever the console's code page: the Thai must survive
        stream.write(text.encode("utf-8"))
        stream.flush()
    else:
        sys.stderr.write(text)


if __name__ == "__main__":
    if sys.version_info[:2] < NEEDED:
        newer = newer_python()
        if newer is None:
            _say_bytes(too_old(sys.executable, sys.version_info[:3]))
            sys.exit(1)
        # The same command with a Python that is new enough, found without the user naming it.
        sys.exit(os.spawnv(os.P_WAIT, newer, [newer, os.path.abspath(__file__), *sys.argv[1:]]))
    from frontdoor.cli import main

    sys.exit(main(sys.argv[1:]))
