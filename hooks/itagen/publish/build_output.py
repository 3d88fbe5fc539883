"""What the webmaster reads when MkDocs fails in a way the engine cannot foresee: never a traceback.

A disk that fills up halfway raises an exception from deep inside MkDocs; ``build_site.py`` catches
it and says here, in one sentence in Thai and English, what happened and what to do.
"""

from __future__ import annotations

import errno
import re

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
