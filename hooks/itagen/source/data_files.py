"""Opening a file that data names or holds, as if a stranger had put it there.

Only a regular file is read (a named pipe would hang the build, ``/dev/zero`` would fill memory),
at most its size limit plus one byte, and only when it lies inside the folders it may come from
(a link to ``/etc/passwd`` is refused before a byte of it is read, so no message can echo it).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Unreadable(Exception):
    """Why a file is not read, in Thai and English."""

    thai: str
    english: str


def outside(path: Path, roots: tuple[Path, ...]) -> bool:
    """True when ``path``, links followed, lies in none of ``roots`` (no roots: anywhere is fine)."""
    if not roots:
        return False
    real = path.resolve()
    return not any(real.is_relative_to(root.resolve()) for root in roots)


def read_regular_file(path: Path, limit: int, roots: tuple[Path, ...] = (), head: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes inside ``roots`` (only the first
    ``head`` of them when given); Unreadable otherwise."""
    if outside(path, roots):
        raise Unreadable(
            "ไฟล์นี้เป็นลิงก์ (shortcut/symlink) ไปยังที่อยู่นอกโฟลเดอร์ข้อมูล ระบบจึงไม่อ่าน ให้คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์ข้อมูล",
            "this file is a link to a place outside the data folder, so it is not read; copy the real file into the data folder",
        )
    # O_NONBLOCK: opening a named pipe must not wait for a writer that never comes.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise Unreadable(f"อ่านไฟล์ไม่ได้ ({exc.strerror})", f"cannot read the file ({exc.strerror})") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise not_a_regular_file()
        if status.st_size > limit:
            raise too_large(status.st_size, limit)
        with os.fdopen(os.dup(descriptor), "rb") as file:
            if head is not None:
                return file.read(head)
            # Asking for the size the file has (not the limit) keeps a 100 MB buffer from being
            # set aside for every 1 KB file; a file that grows while it is read is still capped.
            content = file.read(status.st_size + 1)
            if len(content) > status.st_size:
                content += file.read(limit + 1 - len(content))
    except OSError as exc:
        raise Unreadable(f"อ่านไฟล์ไม่ได้ ({exc.strerror})", f"cannot read the file ({exc.strerror})") from None
    finally:
        os.close(descriptor)
    if len(content) > limit:
        raise too_large(len(content), limit)
    return content


def not_a_regular_file() -> Unreadable:
    return Unreadable(
        "นี่ไม่ใช่ไฟล์ธรรมดา (อาจเป็นโฟลเดอร์ อุปกรณ์ หรือ named pipe) ระบบจึงไม่อ่าน",
        "this is not a regular file (a folder, a device or a named pipe), so it is not read",
    )


def too_large(size: int, limit: int) -> Unreadable:
    return Unreadable(
        f"ไฟล์ใหญ่เกินไป ({size:,} ไบต์ เกินขีดจำกัด {limit:,} ไบต์)",
        f"the file is too large ({size:,} bytes, limit {limit:,})",
    )
