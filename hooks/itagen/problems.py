"""Problems found in a site's data, worded for the webmaster who must fix them.

Every problem names the file, the line and the field, and says what was expected and what was
found, in Thai first and English second. Errors stop the build; warnings are printed, and fail it
only under ``--strict``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where in the data a value came from."""

    file: Path
    line: int | None = None
    field: str = ""

    def describe(self, data_root: Path | None = None) -> str:
        file = self.file
        if data_root is not None:
            with contextlib.suppress(ValueError):  # data outside the project: show the full path
                file = self.file.relative_to(data_root.parent)
        parts = [str(file).replace("\\", "/")]
        if self.line is not None:
            parts.append(f"บรรทัด/line {self.line}")
        if self.field:
            parts.append(f"ช่อง/field '{self.field}'")
        return ", ".join(parts)

    def child(self, key: str | int, line: int | None = None) -> Location:
        """The location of a value nested under this one."""
        if isinstance(key, int):  # shown 1-based: "items[1]" is the first item a person sees
            name = f"{self.field}[{key + 1}]"
        elif self.field:
            name = f"{self.field}.{key}"
        else:
            name = key
        return Location(self.file, line if line is not None else self.line, name)


@dataclass(frozen=True)
class Problem:
    location: Location
    thai: str
    english: str

    def message(self, data_root: Path | None = None) -> str:
        text = f"{self.location.describe(data_root)}\n    {self.thai}\n    {self.english}"
        return terminal_safe(text)


_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Control characters from data shown as ``\\x1b``: an escape sequence in a value must not
    recolour, clear or rewrite the webmaster's terminal, nor reorder the message around it."""
    return _TERMINAL_UNSAFE.sub(lambda m: repr(m[0])[1:-1], text)


class DataError(Exception):
    """The data cannot be built. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, data_root: Path | None = None) -> str:
        count = len(self.problems)
        heading = f"ข้อมูลมีข้อผิดพลาด {count} รายการ / The data has {count} error(s):"
        return "\n".join([heading, *(f"- {p.message(data_root)}" for p in self.problems)])


def describe_value(value: object) -> str:
    """A short, quoted rendering of a found value for an error message."""
    if value is None:
        return "ค่าว่าง / nothing"
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 80 else text[:77] + "…"


def internal_error(error: Exception, data_root: Path) -> str:
    """What to say when the generator itself fails: not the webmaster's fault, and how to report it."""
    return (
        f"เกิดข้อผิดพลาดภายในโปรแกรมสร้างเว็บไซต์ขณะอ่านข้อมูลใน {data_root} ({type(error).__name__}: {error})\n"
        "    เว็บไซต์เดิมยังอยู่ครบ โปรดแจ้งผู้ดูแลระบบพร้อมข้อความนี้ (ดูรายละเอียดได้ด้วย mkdocs build --verbose)\n"
        f"    Internal error of the site generator while reading {data_root} ({type(error).__name__}: {error}).\n"
        "    The previous site is intact; please report this message (details: mkdocs build --verbose)."
    )
