"""What the import left for the office to check: each paragraph or table row it skipped or was
unsure of, by its place in the document, printed and written as comments above the year's data.

A value the import is sure of goes into the data plainly; anything else is named here, never
guessed into the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .opening import DocumentLocation

_EXCERPT = 70


@dataclass(frozen=True)
class Note:
    where: DocumentLocation
    thai: str
    english: str
    excerpt: str = ""

    def lines(self) -> list[str]:
        shown = " ".join(self.excerpt.split())
        if len(shown) > _EXCERPT:
            shown = shown[: _EXCERPT - 1] + "…"
        quoted = f" «{shown}»" if shown else ""
        return [f"{self.where.describe()}:{quoted}", f"    {self.thai}", f"    {self.english}"]


@dataclass
class Review:
    document: Path
    notes: list[Note] = field(default_factory=list)
    used_paragraphs: set[int] = field(default_factory=set)
    used_tables: set[int] = field(default_factory=set)

    def paragraph(self, number: int, text: str, thai: str, english: str) -> None:
        self.notes.append(Note(DocumentLocation(self.document, paragraph=number), thai, english, text))

    def table(self, number: int, text: str, thai: str, english: str) -> None:
        self.notes.append(Note(DocumentLocation(self.document, table=number), thai, english, text))

    def cell(
        self, table: int, row: int | None, column: int | None, header: str, text: str, thai: str, english: str
    ) -> None:
        where = DocumentLocation(self.document, table=table, row=row, column=column, header=header)
        self.notes.append(Note(where, thai, english, text))

    def report(self) -> list[str]:
        """The notes as printed lines (and, prefixed with ``#``, the data file's comments)."""
        if not self.notes:
            return ["ไม่มีส่วนใดที่ข้ามหรือไม่แน่ใจ / nothing was skipped or left unsure"]
        lines = [
            f"ตรวจทาน {len(self.notes)} รายการ: ส่วนของเอกสารที่ไม่ได้นำเข้าหรือไม่แน่ใจ",
            f"To review, {len(self.notes)} item(s): parts of the document not imported or not certain",
        ]
        for note in self.notes:
            lines.extend(f"  {line}" for line in note.lines())
        return lines
