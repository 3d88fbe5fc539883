"""What the webmaster reads while MkDocs builds: its own lines, but never a Python traceback.

The build runs MkDocs in a child process. A failure the engine cannot foresee, such as a disk that
fills up halfway, reaches the terminal as a traceback from deep inside MkDocs; here it becomes one
sentence in Thai and English that says what happened and that the previous site is intact.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Iterator

_TRACEBACK_START = "Traceback (most recent call last):"
_CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
_ERRNO = re.compile(r"\[Errno (\d+)\]")

_EXPLAINED: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("พื้นที่ดิสก์เต็ม ลบไฟล์ที่ไม่ใช้แล้วสร้างใหม่", "the disk is full; free some space and build again"),
    errno.EDQUOT: (
        "ใช้พื้นที่ดิสก์เกินโควตา ลบไฟล์ที่ไม่ใช้แล้วสร้างใหม่",
        "the disk quota is used up; free some space and build again",
    ),
    errno.EACCES: (
        "ไม่มีสิทธิ์เขียนไฟล์ในโฟลเดอร์ผลลัพธ์ เลือกโฟลเดอร์อื่น",
        "no permission to write into the output folder; choose another",
    ),
    errno.EPERM: (
        "ไม่มีสิทธิ์เขียนไฟล์ในโฟลเดอร์ผลลัพธ์ เลือกโฟลเดอร์อื่น",
        "no permission to write into the output folder; choose another",
    ),
    errno.EROFS: (
        "โฟลเดอร์ผลลัพธ์อยู่บนดิสก์ที่เขียนไม่ได้ เลือกโฟลเดอร์อื่น",
        "the output folder is on a read-only disk; choose another",
    ),
}


def explain(exception_line: str) -> str:
    """One bilingual sentence for the last line of a traceback (``OSError: [Errno 28] …``)."""
    code = _ERRNO.search(exception_line)
    if code is not None and int(code[1]) in _EXPLAINED:
        thai, english = _EXPLAINED[int(code[1])]
        return f"สร้างเว็บไซต์ต่อไม่ได้: {thai}\nThe build could not go on: {english}.\n    ({exception_line})"
    return (
        "เกิดข้อผิดพลาดภายในโปรแกรมสร้างเว็บไซต์ โปรดแจ้งผู้ดูแลระบบพร้อมข้อความนี้\n"
        f"Internal error of the site generator; please report this message.\n    ({exception_line})"
    )


def without_tracebacks(lines: Iterable[str]) -> Iterator[str]:
    """The child's output lines, each traceback replaced by the explanation of its exception."""
    in_traceback = False
    for line in lines:
        text = line.rstrip("\n")
        if text.startswith(_TRACEBACK_START):
            in_traceback = True
            continue
        if in_traceback:
            if not text.strip() or text.startswith((" ", "\t")) or text.startswith(_CHAINED):
                continue
            in_traceback = False
            yield explain(text) + "\n"
            continue
        yield line
