"""Putting an import's files into the data folder all at once, or not at all.

Every new file is first written whole beside the one it replaces (``.2569.yml.importing``), and
every file it replaces is kept beside it (``.2569.yml.before-import``, a hard link where the disk
allows). Only then is a journal written (``.import-journal.json`` in the data folder, itself written
beside and renamed into place): from that moment the swap can always be finished, because every new
file is on the disk. The files are then renamed over the old ones, each rename whole, and the
journal is removed last. A failure before the journal leaves the data folder as it was; a failure
after it is rolled back at once, and a crash (power cut, killed process) is rolled back by the next
import, while a build refuses the half-swapped folder (``load.site``).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from pathlib import Path

from ...load.site import IMPORT_JOURNAL
from ...problems import DataError, Location, Problem

STAGED = ".importing"
KEPT = ".before-import"


class WriteFailed(Exception):
    """The import could not write: what happened, in one sentence each in Thai and English."""

    def __init__(self, thai: str, english: str) -> None:
        super().__init__(english)
        self.thai = thai
        self.english = english


def _beside(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}{suffix}")


def swap_in(texts: dict[str, str], data: Path) -> list[Path]:
    """Write every file of ``texts`` (relative path → text) into ``data``, all or none; WriteFailed."""
    names = list(texts)
    existed = [name for name in names if (data / name).exists()]
    made = [folder for folder in {(data / name).parent for name in names} if not folder.exists()]
    journal = data / IMPORT_JOURNAL
    try:
        for name in names:
            _stage(data / name, texts[name], keep=name in existed)
        _write_journal(journal, names, existed)
    except OSError as error:
        _discard(data, names, made)
        raise WriteFailed(
            f"ไม่ได้เปลี่ยนไฟล์ใดในโฟลเดอร์ข้อมูล เพราะเขียน {_where(error, data)} ไม่ได้ ({_why_thai(error)}): {_remedy_thai(error)}",
            f"no file in the data folder was changed, because {_where(error, data)} could not be written ({_why(error)}): {_remedy(error)}",
        ) from None
    try:
        _rename_all(data, names)
    except OSError as error:
        if not roll_back(data):
            raise WriteFailed(
                f"นำเข้าได้เพียงบางไฟล์และย้อนกลับไม่สำเร็จ ({_why_thai(error)}) สั่ง make import อีกครั้งเพื่อย้อนโฟลเดอร์ข้อมูลกลับเป็นเหมือนเดิม (make site จะไม่สร้างเว็บไซต์จนกว่าจะทำ)",
                f"only some files were replaced and undoing them failed ({_why(error)}); run make import again to put the data folder back as it was (make site refuses to build until then)",
            ) from None
        _discard(data, names, made)
        raise WriteFailed(
            f"ไม่ได้เปลี่ยนไฟล์ใดในโฟลเดอร์ข้อมูล: เปลี่ยน {_where(error, data)} ไม่ได้ ({_why_thai(error)}) ไฟล์ที่เปลี่ยนไปแล้วถูกย้อนกลับทั้งหมด: {_remedy_thai(error)}",
            f"no file in the data folder was changed: {_where(error, data)} could not be replaced ({_why(error)}), and the files already replaced were put back: {_remedy(error)}",
        ) from None
    try:
        journal.unlink()
    except OSError as error:  # every file is in place, but a build would still call the folder half-done
        raise WriteFailed(
            f"เขียนไฟล์ครบแล้ว แต่ลบ {_where(error, data)} ไม่ได้ ({_why_thai(error)}) สั่ง make import อีกครั้ง",
            f"every file was written, but {_where(error, data)} could not be removed ({_why(error)}); run make import again",
        ) from None
    for name in existed:
        with contextlib.suppress(OSError):  # the swap is done: a kept copy left behind is only untidy
            _beside(data / name, KEPT).unlink()
    return [data / name for name in names]


def roll_back(data: Path) -> bool:
    """Undo an interrupted swap recorded by the journal in ``data``; True when the folder is as before
    (or there was nothing to undo)."""
    journal = data / IMPORT_JOURNAL
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        names, existed = list(record["files"]), set(record["existed"])
    except FileNotFoundError:
        return True
    except (OSError, ValueError, KeyError, TypeError):
        return False
    try:
        for name in names:
            target, kept, staged = data / name, _beside(data / name, KEPT), _beside(data / name, STAGED)
            if staged.exists():
                staged.unlink()  # never moved in: the old file (or none) is still in place
            elif name in existed:
                os.replace(kept, target)
            else:
                target.unlink(missing_ok=True)
        for name in existed:
            _beside(data / name, KEPT).unlink(missing_ok=True)
        journal.unlink()
    except OSError:
        return False
    return True


def leftovers_cleared(data: Path) -> DataError | None:
    """Before an import: undo what an interrupted one left. A problem when it cannot be undone."""
    if roll_back(data):
        for folder in (data, data / "years", data / "oit"):
            if folder.is_dir():  # a crash while staging, before the journal: staged files only
                for staged in folder.glob(f".*.yml{STAGED}"):
                    with contextlib.suppress(OSError):
                        staged.unlink()
        return None
    return DataError(
        [
            Problem(
                Location(data / IMPORT_JOURNAL),
                "การนำเข้าครั้งก่อนหยุดกลางคัน และย้อนกลับไม่ได้ (โฟลเดอร์ข้อมูลเขียนไม่ได้?) ให้โฟลเดอร์ข้อมูลเขียนได้ แล้วสั่ง make import อีกครั้ง",
                "an earlier import stopped half-way and could not be undone (is the data folder read-only?); make the data folder writable and run make import again",
            )
        ]
    )


def _stage(target: Path, text: str, *, keep: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_synced(_beside(target, STAGED), text)
    if keep:
        kept = _beside(target, KEPT)
        kept.unlink(missing_ok=True)
        try:
            os.link(target, kept)
        except OSError:
            shutil.copy2(target, kept)


def _write_synced(path: Path, text: str) -> None:
    """Write and flush to the disk: a power cut after the journal must find every staged byte."""
    with path.open("w", encoding="utf-8", newline="\n") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())


def _write_journal(journal: Path, names: list[str], existed: list[str]) -> None:
    writing = _beside(journal, ".writing")
    _write_synced(writing, json.dumps({"files": names, "existed": existed}, ensure_ascii=False))
    os.replace(writing, journal)


def _rename_all(data: Path, names: list[str]) -> None:
    for name in names:
        os.replace(_beside(data / name, STAGED), data / name)


def _discard(data: Path, names: list[str], made: list[Path]) -> None:
    """Remove what the staging wrote (files beside, folders it made); the old files were never touched."""
    for name in names:
        for suffix in (STAGED, KEPT):
            with contextlib.suppress(OSError):
                _beside(data / name, suffix).unlink()
    with contextlib.suppress(OSError):
        _beside(data / IMPORT_JOURNAL, ".writing").unlink()
    for folder in made:
        with contextlib.suppress(OSError):  # only when empty: rmdir never removes a file
            folder.rmdir()


def _where(error: OSError, data: Path) -> str:
    """The file or folder that refused, as the webmaster knows it (data/oit, not .2569.yml.importing)."""
    if not error.filename:
        return data.name
    path = Path(str(error.filename))
    name = path.name
    for suffix in (STAGED, KEPT, ".writing"):
        if name.startswith(".") and name.endswith(suffix):
            path = path.with_name(name[1 : -len(suffix)])
    with contextlib.suppress(ValueError):
        return path.relative_to(data.parent).as_posix()
    return str(path)


def _why(error: OSError) -> str:
    return {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EFBIG: "the file is larger than this system allows (disk quota?)",
        errno.EROFS: "the folder is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }.get(error.errno or 0, error.strerror or type(error).__name__)


def _remedy(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "free some space on the disk (or ask the host for more quota), then import again"
    return "make the data folder writable, then import again"


def _remedy_thai(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "ลบไฟล์ที่ไม่ใช้ให้ดิสก์มีที่ว่าง (หรือขอโควตาเพิ่มจากผู้ให้บริการ) แล้วนำเข้าใหม่"
    return "ทำให้โฟลเดอร์ข้อมูลเขียนได้ แล้วนำเข้าใหม่"


def _why_thai(error: OSError) -> str:
    return {
        errno.ENOSPC: "ดิสก์เต็ม",
        errno.EDQUOT: "โควตาดิสก์เต็ม",
        errno.EFBIG: "ไฟล์ใหญ่เกินที่ระบบอนุญาต (โควตาดิสก์?)",
        errno.EROFS: "โฟลเดอร์เป็นแบบอ่านอย่างเดียว",
        errno.EACCES: "ไม่มีสิทธิ์เขียน",
        errno.EPERM: "ไม่มีสิทธิ์เขียน",
    }.get(error.errno or 0, error.strerror or type(error).__name__)
