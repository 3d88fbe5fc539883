"""What a publish must do: the built site compared with what the server says was published (pure)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import field
from typing import Literal

from ...records.record import record
from .manifest import Manifest

ChangeKind = Literal["upload", "replace", "delete"]


@record
class Change:
    kind: ChangeKind
    """``upload`` a file the server does not have from us, ``replace`` one whose bytes changed, ``delete``."""
    path: str
    size: int
    """Bytes to send (for a deletion: the size the file had)."""
    aside: str | None = None
    """Where a file we did not publish, found at this upload's path, is kept (renamed, never deleted)."""


@record
class Plan:
    uploads: list[Change] = field(default_factory=list)
    """In the order to send them: files pages need (styles, images, documents) before the pages, the
    home page last, so a page already in place never points at a file still on its way."""
    deletes: list[Change] = field(default_factory=list)
    """Removed after every upload is in place: the old pages link to nothing that is gone."""
    present_folders: frozenset[str] = frozenset()
    """Folders the server was seen to hold while planning: no need to create them."""
    in_place: frozenset[str] = frozenset()
    """Files a cut run already put in place with the bytes of this build: not sent again."""

    @property
    def empty(self) -> bool:
        return not self.uploads and not self.deletes

    @property
    def upload_bytes(self) -> int:
        return sum(c.size for c in self.uploads)

    def count(self, kind: ChangeKind) -> tuple[int, int]:
        """How many changes of ``kind`` and their bytes."""
        changes = [c for c in [*self.uploads, *self.deletes] if c.kind == kind]
        return len(changes), sum(c.size for c in changes)


def _upload_order(path: str) -> tuple[bool, bool, str]:
    return path.endswith(".html"), path == "index.html", path


ASIDE_SUFFIX = ".before-ita"


def aside_name(path: str, taken: Collection[str]) -> str:
    """``index.html`` → ``index.html.before-ita`` (``…-2`` and on when that name is taken in the folder)."""
    folder, _, name = path.rpartition("/")
    candidate, number = f"{name}{ASIDE_SUFFIX}", 1
    while candidate in taken:
        number += 1
        candidate = f"{name}{ASIDE_SUFFIX}-{number}"
    return f"{folder}/{candidate}" if folder else candidate


def make_plan(
    built: Manifest,
    published: Manifest,
    unfinished: Collection[str] = (),
    in_the_way: Mapping[str, str] | None = None,
    in_place: Collection[str] = (),
) -> Plan:
    """Send what the server lacks or holds other bytes of; delete what we published that the build lost.

    ``unfinished`` are the files a cut run was sending (its journal): the server may hold the old or
    the new bytes of each, so each is sent again unless it is ``in_place`` (proven by the server's
    listing to hold this build's bytes: see ``upload.plan_for``). ``in_the_way`` maps a new file's path,
    where the server holds something we did not publish, to the name it is kept under.
    """
    in_the_way = in_the_way or {}
    unfinished = set(unfinished)
    proven = frozenset(in_place) & unfinished
    uploads = []
    for path in sorted(built, key=_upload_order):
        entry = built[path]
        before = published.get(path)
        if path in proven:
            continue
        if path in unfinished or before is None or before != entry:
            kind: ChangeKind = "replace" if before is not None else "upload"  # as the manifest sees it
            uploads.append(Change(kind, path, entry.size, None if path in published else in_the_way.get(path)))
    ours = set(published) | unfinished
    deletes = [
        Change("delete", path, published[path].size if path in published else 0)
        for path in sorted(ours - set(built), reverse=True)
    ]
    return Plan(uploads, deletes, in_place=proven)


def human_bytes(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


KIND_WORDS: dict[ChangeKind, tuple[str, str]] = {
    "upload": ("ส่งใหม่", "upload"),
    "replace": ("แทนที่", "replace"),
    "delete": ("ลบ", "delete"),
}
KIND_MARKS = {"upload": "+", "replace": "~", "delete": "-"}


def describe(plan: Plan, *, every_file: bool) -> list[str]:
    """The plan in a few lines (counts and bytes per kind), with one line per file when asked."""
    lines = []
    if plan.in_place:
        count = len(plan.in_place)
        lines.append(
            f"ไฟล์ที่ส่งครบแล้วในครั้งก่อนที่หลุดไป {count} ไฟล์ ไม่ต้องส่งซ้ำ / "
            f"{count} file(s) the cut run already put in place: not sent again"
        )
    if plan.empty:
        return [*lines, "ไม่มีอะไรต้องเปลี่ยนบนเซิร์ฟเวอร์ / nothing to do: the server already has this build"]
    for kind, (thai, english) in KIND_WORDS.items():
        count, size = plan.count(kind)
        if count:
            lines.append(f"{thai} {count} ไฟล์ ({human_bytes(size)}) / {english} {count} file(s), {human_bytes(size)}")
    if every_file:
        lines += [f"  {KIND_MARKS[c.kind]} {c.path} ({human_bytes(c.size)})" for c in [*plan.uploads, *plan.deletes]]
    if kept := [c for c in plan.uploads if c.aside]:
        lines.append(
            f"ไฟล์เดิมบนเซิร์ฟเวอร์ที่ไม่ได้เผยแพร่ด้วย make publish {len(kept)} ไฟล์ จะถูกเก็บไว้ในชื่อใหม่ / "
            f"{len(kept)} file(s) on the server that make publish did not put there are kept under a new name:"
        )
        lines += [f"  {c.path} → {c.aside}" for c in kept]
    return lines
